"""Data-quality flags and evidence grades for every initiative (see docs/quality.md).

``enrich_record`` grades each record from its own text and publisher: evaluated when it
cites an independent evaluation or audit, otherwise self-reported (a council's own site)
or third-party (LGA, thinktank, press). Storage keeps that grade per source, and
``after_run`` recomputes two columns on ``initiatives``:

- ``evidence_grade``: the best grade any of its sources supports;
- ``quality_flags``: a JSON list drawn from :data:`FLAGS`.

A view, ``initiative_flags``, gives one row per (initiative, flag) for faceting.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from typing import Any

import sqlite_utils

from shopwindow import Record, hookimpl

log = logging.getLogger(__name__)

GRADES = ("self-reported", "third-party", "evaluated")  # weakest first
FLAGS = ("saving-without-period", "implausible-saving", "single-source", "undated", "dead-source-link")

# Phrases that cite an evaluation or audit by someone other than the council itself.
EVALUATED = re.compile(
    r"independent(?:ly)?\s+(?:evaluat\w*|review\w*|assess\w*|audit\w*|verif\w*)|"
    r"external(?:ly)?\s+evaluat\w*|\bevaluat(?:ion|ed)\s+by\b|\baudited\b|"
    r"National Audit Office|Audit Scotland|Audit Wales|Wales Audit Office|Northern Ireland Audit Office|"
    r"Audit Commission|randomised controlled trial",
    re.I,
)
# "has not yet been independently evaluated" must not count.
NEGATED = re.compile(r"\b(?:not|never|yet to be|no)\b[\w\s]{0,20}$", re.I)

#: Typical net revenue budget (£) by council type, used to judge whether a saving is plausible.
#: Round figures for the middle of each type in the 2020s; see docs/quality.md.
TYPICAL_BUDGET: dict[str, float] = {
    "county": 700e6,
    "unitary": 300e6,
    "metropolitan district": 350e6,
    "london borough": 300e6,
    "district": 15e6,
    "city corporation": 150e6,
    "sui generis": 10e6,
}
NI_DISTRICT_BUDGET = 80e6  # Northern Ireland's councils are districts with wider duties than English ones
SCOTTISH_UNITARY_BUDGET = 450e6  # Scottish councils run schools and social work: larger budgets than English unitaries
#: A saving is implausible above this share of its councils' combined typical budget.
ANNUAL_SHARE = 0.20  # a year's saving (or one with no stated period)
CUMULATIVE_SHARE = 1.00  # a saving over several years


# Every EVALUATED match holds one of these, written in letters IGNORECASE folds only to themselves, or a letter it
# folds from elsewhere (Kelvin sign, long s, dotted and dotless i): a page without either cannot cite an evaluation.
_EVALUATED_WORDS = ("independent", "external", "evaluat", "audit", "randomi")
_FOLDED = re.compile("[\u212a\u017f\u0130\u0131]")


def text_grade(text: str) -> str | None:
    """'evaluated' when ``text`` cites an independent evaluation or audit (and does not deny it), else None."""
    lower = (text or "").lower()
    if not any(word in lower for word in _EVALUATED_WORDS) and not _FOLDED.search(text or ""):
        return None  # most pages: a few substring searches in C instead of the regex tried at every character
    for match in EVALUATED.finditer(text or ""):
        before = text[max(0, match.start() - 40):match.start()]
        if NEGATED.search(before):
            continue
        if re.search(r"internal\s*$", before, re.I):  # an internal audit team is the council itself
            continue
        return "evaluated"
    return None


def kind_grade(source_kind: str | None) -> str:
    """A council's own page is self-reported; the LGA, thinktanks and the press are third parties."""
    return "self-reported" if (source_kind or "") == "council" else "third-party"


def best_grade(grades: list[str | None]) -> str | None:
    """The strongest of ``grades`` (evaluated > third-party > self-reported)."""
    known = [g for g in grades if g in GRADES]
    return max(known, key=GRADES.index) if known else None


@hookimpl
def enrich_record(record: Record, source: Any) -> None:
    """Grade the record from its own words and publisher; a stronger grade set by another plugin is kept."""
    own = text_grade(" ".join((record.title, record.summary, record.body))) or kind_grade(record.source_kind)
    record.evidence_grade = best_grade([record.evidence_grade, own])


@hookimpl
def prepare_database(db: sqlite_utils.Database) -> None:
    """A one-row-per-flag view, so flags facet and count like any column."""
    db.execute(
        "create view if not exists initiative_flags as "
        "select i.id as initiative_id, j.value as flag from initiatives i, json_each(i.quality_flags) j "
        "where i.quality_flags is not null and json_valid(i.quality_flags)"
    )


@hookimpl
def after_run(db: sqlite_utils.Database, report: Any) -> None:
    """Recompute every initiative's quality flags and evidence grade."""
    changed = update_quality(db)
    log.info("quality: %d initiative(s) changed flags or grade", changed)


def council_budget(council: dict[str, Any] | None) -> float | None:
    """Typical net budget for a council row (type, nation), or None when its type is unknown."""
    if not council:
        return None
    kind = (council.get("type") or "").lower()
    nation = council.get("nation") or ""
    if kind == "district" and nation == "Northern Ireland":
        return NI_DISTRICT_BUDGET
    if kind == "unitary" and nation == "Scotland":
        return SCOTTISH_UNITARY_BUDGET
    return TYPICAL_BUDGET.get(kind)


def is_implausible(amount: float | None, period: str | None, budgets: list[float]) -> bool:
    """True when a saving exceeds the documented share of its councils' combined typical budget."""
    if not amount or not budgets:
        return False
    share = CUMULATIVE_SHARE if period == "cumulative" else ANNUAL_SHARE
    return amount > share * sum(budgets)


def compute_quality(db: sqlite_utils.Database) -> dict[str, tuple[list[str], str | None]]:
    """initiative id -> (sorted flags, evidence grade), from what is stored."""
    councils = {r["code"]: r for r in db.query("select code, type, nation from councils")} if db["councils"].exists() else {}
    members: dict[str, list[str]] = defaultdict(list)
    for row in db.query("select initiative_id, council_code from initiative_councils"):
        members[row["initiative_id"]].append(row["council_code"])
    # Dead: gone (404/410), or the fetch itself failed (no answer or an HTTP error). A page that was
    # fetched but could not be parsed (a layout change) is the reader's problem, not a dead link.
    dead_docs = {r[0] for r in db.execute(
        "select id from documents where status = 'gone' or http_status in (404, 410) "
        "or (status = 'error' and coalesce(http_status, 0) not between 200 and 399)")}
    sources: dict[str, list[dict]] = defaultdict(list)
    for row in db.query("select initiative_id, url, source_kind, evidence_grade, document_id from initiative_sources"):
        sources[row["initiative_id"]].append(row)
    savings: dict[str, list[dict]] = defaultdict(list)
    for row in db.query("select initiative_id, amount_gbp, percent, period, council_code, sector_wide from savings"):
        savings[row["initiative_id"]].append(row)

    result = {}
    for row in db.query("select id, published, source_kind from initiatives"):
        init_id = row["id"]
        flags = set()
        own_sources = sources.get(init_id, [])
        for saving in savings.get(init_id, []):
            if saving["sector_wide"]:
                continue
            if saving["period"] in (None, "") and (saving["amount_gbp"] or saving["percent"]):
                flags.add("saving-without-period")
            codes = [saving["council_code"]] if saving["council_code"] else members.get(init_id, [])
            budgets = [b for b in (council_budget(councils.get(c)) for c in codes) if b]
            if is_implausible(saving["amount_gbp"], saving["period"], budgets):
                flags.add("implausible-saving")
        if len({s["url"] for s in own_sources}) < 2:
            flags.add("single-source")
        if not row["published"]:
            flags.add("undated")
        if any(s["document_id"] in dead_docs for s in own_sources):
            flags.add("dead-source-link")
        grades = [s["evidence_grade"] or kind_grade(s["source_kind"]) for s in own_sources]
        grade = best_grade(grades) or kind_grade(row["source_kind"])
        result[init_id] = ([f for f in FLAGS if f in flags], grade)
    return result


def update_quality(db: sqlite_utils.Database) -> int:
    """Write :func:`compute_quality` to ``initiatives`` where it changed; return how many rows changed."""
    current = {r["id"]: (r["quality_flags"], r["evidence_grade"]) for r in db.query(
        "select id, quality_flags, evidence_grade from initiatives")}
    updates = []
    for init_id, (flags, grade) in compute_quality(db).items():
        encoded = json.dumps(flags)
        if current.get(init_id) != (encoded, grade):
            updates.append((encoded, grade, init_id))
    if updates:
        with db.atomic():
            db.conn.executemany("update initiatives set quality_flags = ?, evidence_grade = ? where id = ?", updates)
    return len(updates)
