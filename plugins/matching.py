"""One initiative, many sources: recognise a scheme already stored from another publisher.

The LGA, a thinktank and the council itself describe the same scheme under different
titles. A new record joins a stored initiative when they share at least one council and
their wording is similar once the council names and the sector's stock words are taken
out (otherwise "Wigan Council: X" and "Wigan Council: Y" would look alike). The same
saving figure on both sides counts in favour, different figures against. Records from the
same page never merge.

Matching on store is greedy, so the order sources arrive in can leave one scheme stored as two
initiatives. After every run :func:`rematch` applies the same rule to pairs of stored initiatives
and merges those that match, logging each merge in ``initiative_merges``.
"""

from __future__ import annotations

import functools
import itertools
import json
import logging
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from shopwindow import Record, hookimpl
from shopwindow.storage import now_iso

log = logging.getLogger(__name__)

#: Score at or above which a record joins a stored initiative (tuned on tests/test_matching.py's pairs).
THRESHOLD = 0.34
TITLE_WEIGHT = 0.55
TEXT_WEIGHT = 0.45
SAME_FIGURE_BONUS = 0.15
OTHER_FIGURES_PENALTY = 0.10

# Words every council story uses: they say nothing about which scheme it is.
STOCK_WORDS = frozenset(
    """
    a an and the of for to in on at by with from into over under its their our new how why what who is are was were be
    been has have had will would can could this that these those it as or not more most than also per each all one two
    three four five six seven eight nine ten first year years month months council councils borough county district
    city metropolitan london royal unitary authority authorities local government lga service services scheme schemes
    project projects programme programmes approach initiative model work working works helps help helped helping
    residents people saving savings save saves saved million cost costs money budget pounds launch launched launches
    plan plans case study studies partnership partners partner joint shared share sharing across between together
    england scotland wales northern ireland north south east west uk britain
    which where when while there then them they we us you your he she his her him about after before around through
    now just only still very so such any some other both many much make makes made do does did get gets got
    """.split()
)
# Words of three letters or more, and letter-digit codes such as "t18" or "arc21" (programme names).
_WORD = re.compile(r"[a-z][a-z0-9]*\d[a-z0-9]*|[a-z][a-z'\-]{2,}")


def stem(word: str) -> str:
    """A crude English stem, enough to make 'conferences' meet 'conferencing'."""
    word = word.strip("'-")
    for suffix in ("ational", "ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    # A final e goes too, so that "complete" meets "completed" and "replace" meets "replacing".
    return word[:-1] if word.endswith("e") and len(word) > 5 else word


def tokens(text: str, drop: frozenset[str] | set[str] = frozenset()) -> set[str]:
    """Distinctive stems of ``text``: no stock words, no words of the councils' names."""
    return {stemmed for word, stemmed in _words(text or "") if word not in drop and stemmed not in drop}


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> tuple[tuple[str, str], ...]:
    """(word, stem) for each word of ``text`` that is not a stock word; memoised, as re-matching scores a text many times."""
    found = []
    for word in _WORD.findall(text.lower().replace("’", "'")):
        word = word.strip("'-").removesuffix("'s")
        if word not in STOCK_WORDS:
            found.append((word, stem(word)))
    return tuple(found)


def dice(a: set[str], b: set[str]) -> float:
    """Dice coefficient: 2|A∩B| / (|A|+|B|), 0 when either side is empty."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def council_name_words(db: sqlite_utils.Database, codes: list[str]) -> set[str]:
    """Words (and their stems) of the names of ``codes``, from the councils register and its aliases."""
    if not codes or not db["councils"].exists():
        return set()
    marks = ",".join("?" * len(codes))
    texts = [r[0] or "" for r in db.execute(f"select name || ' ' || coalesce(short_name, '') from councils where code in ({marks})", codes)]
    if db["council_names"].exists():
        texts += [r[0] or "" for r in db.execute(f"select name from council_names where code in ({marks})", codes)]
    words = set(_WORD.findall(" ".join(texts).lower()))
    return words | {stem(w) for w in words}


class NameWords:
    """Council name words to leave out of a comparison, looked up once per council.

    Only the councils of the two sides compared count, so a score never depends on which other
    initiatives happen to be stored (another council's name can be an ordinary word here).
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.known: dict[str, set[str]] = {}
        tables = set(db.table_names())
        self.queries = [sql for table, sql in (
            ("councils", "select code, name || ' ' || coalesce(short_name, '') from councils where code in ({})"),
            ("council_names", "select code, name from council_names where code in ({})"),
        ) if table in tables]

    def of(self, codes: list[str]) -> set[str]:
        """Every word (and stem) of the names of ``codes``."""
        missing = [c for c in dict.fromkeys(codes) if c not in self.known]
        if missing:
            texts: dict[str, list[str]] = {c: [] for c in missing}
            for sql in self.queries:
                for code, name in self.db.execute(sql.format(",".join("?" * len(missing))), missing):
                    texts[code].append(name or "")
            for code, names in texts.items():
                found = set(_WORD.findall(" ".join(names).lower()))
                self.known[code] = found | {stem(w) for w in found}
        return set().union(*(self.known[c] for c in codes))


@dataclass
class Side:
    """What matching compares on one side: every title it goes by, its title and summary, the figures it reports."""

    titles: list[str]
    text: str
    amounts: list[float] = field(default_factory=list)
    percents: list[float] = field(default_factory=list)


def figures_agree(a: Side, b: Side) -> bool | None:
    """True if both report one same figure, False if both report figures and none agree, None if either has none."""
    if not (a.amounts or a.percents) or not (b.amounts or b.percents):
        return None
    return (any(abs(x - y) <= 0.01 * max(x, y) for x in a.amounts for y in b.amounts)
            or any(abs(x - y) <= 0.5 for x in a.percents for y in b.percents))


def score(a: Side, b: Side, drop: set[str]) -> float:
    """How alike two descriptions are: best title likeness and whole-text likeness, moved by their figures."""
    title_sim = max((dice(tokens(x, drop), tokens(y, drop)) for x in a.titles for y in b.titles if x and y), default=0.0)
    text_sim = dice(tokens(a.text, drop), tokens(b.text, drop))
    agree = figures_agree(a, b)
    # Two reports of one scheme often quote one figure; two schemes of one council quote their own.
    evidence = SAME_FIGURE_BONUS if agree else -OTHER_FIGURES_PENALTY if agree is False else 0.0
    return TITLE_WEIGHT * title_sim + TEXT_WEIGHT * text_sim + evidence


def record_side(record: Record) -> Side:
    """The record as matching sees it (sector-wide figures say nothing about this scheme)."""
    own = [s for s in record.savings if not s.sector_wide]
    return Side([record.title], f"{record.title} {record.summary}",
                [s.amount_gbp for s in own if s.amount_gbp], [s.percent for s in own if s.percent])


def stored_sides(db: sqlite_utils.Database, ids: list[str] | None = None) -> tuple[dict[str, Side], dict[str, list[str]]]:
    """Stored initiatives ``ids`` (default: all) as :class:`Side`, and each one's council codes."""
    where, params = ("", []) if ids is None else (f" in ({','.join('?' * len(ids))})", list(ids))
    sides = {r["id"]: Side([r["title"]], f"{r['title']} {r['summary'] or ''}")
             for r in db.query(f"select id, title, summary from initiatives{' where id' + where if where else ''}", params)}
    filt = f" and initiative_id{where}" if where else ""
    for iid, title in db.execute(f"select initiative_id, title from initiative_sources where title is not null{filt}", params):
        if iid in sides and title not in sides[iid].titles:
            sides[iid].titles.append(title)
    for iid, amount, percent in db.execute(
            f"select initiative_id, amount_gbp, percent from savings where coalesce(sector_wide, 0) = 0{filt}", params):
        if iid in sides and amount and amount > 0:
            sides[iid].amounts.append(amount)
        elif iid in sides and percent and percent > 0:
            sides[iid].percents.append(percent)
    members: dict[str, list[str]] = {}
    for iid, code in db.execute(f"select initiative_id, council_code from initiative_councils where 1 = 1{filt}", params):
        members.setdefault(iid, []).append(code)
    return sides, members


def find_match(db: sqlite_utils.Database, record: Record, initiative_id: str) -> tuple[str | None, float]:
    """The stored initiative ``record`` describes (and its score), or (None, best score below the threshold)."""
    if not db["initiative_sources"].exists():
        return None, 0.0
    # Already attached on an earlier run: stay where it was put, so reruns change nothing.
    # (A primary from this very page must also carry this record's key: one page, several schemes.)
    previous = db.execute(
        """select s.initiative_id from initiative_sources s join initiatives i on i.id = s.initiative_id
           where s.url = ? and s.title = ? and not (i.url = ? and coalesce(i.record_key, '') != ?)
           order by s.first_seen limit 1""",
        [record.url, record.title, record.url, record.key or ""],
    ).fetchone()
    if previous:
        return previous[0], 1.0
    codes = list(dict.fromkeys(record.councils))
    if not codes:
        return None, 0.0
    marks = ",".join("?" * len(codes))
    ids = [r[0] for r in db.execute(
        f"""select distinct i.id from initiatives i join initiative_councils c on c.initiative_id = i.id
            where c.council_code in ({marks}) and i.id != ?
            and not exists (select 1 from initiative_sources s where s.initiative_id = i.id and s.url = ?)""",
        [*codes, initiative_id, record.url])]
    if not ids:
        return None, 0.0
    sides, members = stored_sides(db, ids)
    names = NameWords(db)
    mine = record_side(record)
    best_id, best = None, 0.0
    for cand in sorted(sides):
        value = score(mine, sides[cand], names.of(codes + members.get(cand, [])))
        if value > best:
            best_id, best = cand, value
    if best >= THRESHOLD:
        log.debug("%s (%s) joins initiative %s, score %.2f", record.url, record.title, best_id, best)
        return best_id, best
    return None, best


@hookimpl(trylast=True)
def match_initiative(db: sqlite_utils.Database, record: Record, initiative_id: str) -> str | None:
    """Return the stored initiative this record is another source for, or None to store it as new."""
    found, _score = find_match(db, record, initiative_id)
    remember_text(db, record)
    return found if found != initiative_id else None


def remember_text(db: sqlite_utils.Database, record: Record) -> None:
    """Keep this source's own summary: ``initiatives`` keeps only the primary's, and re-matching needs each one."""
    row = [record.url, record.title or "", record.summary or ""]
    try:
        db.execute(f"insert or replace into {TEXTS_TABLE} (url, title, summary) values (?, ?, ?)", row)
    except sqlite3.OperationalError:  # a database made without prepare_database
        ensure_tables(db)
        db.execute(f"insert or replace into {TEXTS_TABLE} (url, title, summary) values (?, ?, ?)", row)


# -- re-matching: join initiatives that were stored apart ----------------------------------------------

MERGES_TABLE = "initiative_merges"
TEXTS_TABLE = "matching_texts"


def ensure_tables(db: sqlite_utils.Database) -> None:
    """The merge log (which initiative absorbed which, on what score, with which sources) and each source's summary."""
    if not db[MERGES_TABLE].exists():
        db[MERGES_TABLE].create({"id": int, "kept_id": str, "merged_id": str, "score": float, "kept_title": str,
                                 "merged_title": str, "moved_urls": str, "merged_at": str}, pk="id", if_not_exists=True)
        db[MERGES_TABLE].create_index(["merged_id"], if_not_exists=True)
    if not db[TEXTS_TABLE].exists():
        db[TEXTS_TABLE].create({"url": str, "title": str, "summary": str}, pk=("url", "title"), if_not_exists=True)


def source_sides(db: sqlite_utils.Database) -> dict[str, list[Side]]:
    """Each stored initiative's sources one by one, as the records they were (those whose summary was kept)."""
    figures: dict[tuple[str, str], Side] = {}
    for iid, url, amount, percent in db.execute(
            "select initiative_id, source_url, amount_gbp, percent from savings where coalesce(sector_wide, 0) = 0"):
        side = figures.setdefault((iid, url), Side([], ""))
        if amount and amount > 0:
            side.amounts.append(amount)
        elif percent and percent > 0:
            side.percents.append(percent)
    found: dict[str, list[Side]] = {}
    for iid, url, title, summary in db.execute(
            f"select s.initiative_id, s.url, s.title, t.summary from initiative_sources s "
            f"join {TEXTS_TABLE} t on t.url = s.url and t.title = coalesce(s.title, '') order by s.initiative_id, s.url"):
        own = figures.get((iid, url), Side([], ""))
        found.setdefault(iid, []).append(Side([title or ""], f"{title or ''} {summary or ''}", own.amounts, own.percents))
    return found


def pair_score(a: Side, b: Side, a_sources: list[Side], b_sources: list[Side], drop: set[str]) -> float:
    """The best score matching on store could have given, whatever order the sources of ``a`` and ``b`` came in.

    Each source of one side is scored as the incoming record against the other side with every
    title, every figure and each of its sources' text in turn as the primary's. Adding sources to a
    side can only raise these scores (figures aside: a new one can turn silence into disagreement),
    so merging to a fixed point ends the same way from any order.
    """
    best = score(a, b, drop)
    for records, other, others in ((a_sources, b, b_sources), (b_sources, a, a_sources)):
        for text in [other.text] + [y.text for y in others]:
            as_stored = Side(other.titles, text, other.amounts, other.percents)
            best = max([best] + [score(x, as_stored, drop) for x in records])
    return best


def same_scheme_pairs(db: sqlite_utils.Database) -> list[tuple[float, str, str]]:
    """(score, kept id, merged id) for stored initiatives that describe one scheme, best first.

    The rules of :func:`find_match`, applied to two stored initiatives: a council in common, no source
    page in common, and a score at or above the threshold, as wholes or source against source. The
    kept one is the older (then lower id).
    """
    sides, members = stored_sides(db)
    each = source_sides(db)
    urls: dict[str, set[str]] = {}
    for iid, url in db.execute("select initiative_id, url from initiative_sources"):
        urls.setdefault(iid, set()).add(url)
    age = {r[0]: (r[1] or "", r[0]) for r in db.execute("select id, first_seen from initiatives")}
    by_council: dict[str, list[str]] = {}
    for iid, codes in members.items():
        for code in codes:
            by_council.setdefault(code, []).append(iid)
    names = NameWords(db)
    pairs = []
    seen: set[tuple[str, str]] = set()
    for ids in by_council.values():
        for a, b in itertools.combinations(sorted(ids), 2):
            if (a, b) in seen or a not in sides or b not in sides or urls.get(a, set()) & urls.get(b, set()):
                continue
            seen.add((a, b))
            value = pair_score(sides[a], sides[b], each.get(a, []), each.get(b, []), names.of(members[a] + members[b]))
            if value >= THRESHOLD:
                kept, merged = sorted((a, b), key=age.__getitem__)
                pairs.append((value, kept, merged))
    return sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))


def merge(db: sqlite_utils.Database, kept: str, merged: str, value: float) -> dict:
    """Move every source, saving, council and partner of ``merged`` onto ``kept``, delete ``merged``; return the log row.

    Facts keep their provenance (each saving its quote, document and URL; each source its own row).
    The kept initiative's own fields win; the merged one only fills the gaps. Call inside a transaction.
    """
    keep, lose = db["initiatives"].get(kept), db["initiatives"].get(merged)
    moved = [r[0] for r in db.execute("select url from initiative_sources where initiative_id = ? order by url", [merged])]
    for table in ("initiative_sources", "initiative_councils", "initiative_partners", "initiative_link_sources"):
        db.execute(f"update or ignore {table} set initiative_id = ? where initiative_id = ?", [kept, merged])
        db.execute(f"delete from {table} where initiative_id = ?", [merged])
    db.execute("update savings set initiative_id = ? where initiative_id = ?", [kept, merged])
    fill = {k: v for k, v in lose.items() if k != "id" and keep.get(k) in (None, "") and v not in (None, "")}
    fill["first_seen"] = min(filter(None, [keep["first_seen"], lose["first_seen"]]), default=None)
    fill["last_seen"] = max(filter(None, [keep["last_seen"], lose["last_seen"]]), default=None)
    if "published" in (keep["status"], lose["status"]):
        fill["status"] = "published"
    db["initiatives"].update(kept, fill)  # the FTS triggers follow both the update and the delete
    db.execute("delete from initiatives where id = ?", [merged])
    row = {"kept_id": kept, "merged_id": merged, "score": round(value, 3), "kept_title": keep["title"],
           "merged_title": lose["title"], "moved_urls": json.dumps(moved), "merged_at": now_iso()}
    db[MERGES_TABLE].insert(row)
    log.info("matching: merged %s (%s) into %s (%s), score %.2f", merged, lose["title"], kept, keep["title"], value)
    return row


def rematch(db: sqlite_utils.Database) -> list[dict]:
    """Merge stored initiatives that are one scheme, in one transaction, until no such pair is left.

    Each round merges the best pairs (an initiative takes part in one merge per round) and then scores
    again, since a merged initiative has more titles. So a second call finds nothing to merge.
    """
    if not db["initiatives"].exists():
        return []
    ensure_tables(db)
    done: list[dict] = []
    with db.atomic():
        # Summaries of sources that are gone (page dropped, title changed) must not match anything.
        db.execute(f"delete from {TEXTS_TABLE} where not exists (select 1 from initiative_sources s "
                   f"where s.url = {TEXTS_TABLE}.url and coalesce(s.title, '') = {TEXTS_TABLE}.title)")
        while pairs := same_scheme_pairs(db):
            busy: set[str] = set()
            for value, kept, merged in pairs:
                if not busy & {kept, merged}:
                    busy |= {kept, merged}
                    done.append(merge(db, kept, merged, value))
    return done


@hookimpl
def prepare_database(db: sqlite_utils.Database) -> None:
    """Create the merge log and the table of each source's summary."""
    ensure_tables(db)


@hookimpl(tryfirst=True)
def after_run(db: sqlite_utils.Database, report: Any) -> None:
    """Join initiatives stored apart once every source has been read (before quality flags are recomputed)."""
    try:
        merged = rematch(db)
    except Exception as exc:  # noqa: BLE001 - the merge rolled back; quality and health must still run
        log.error("matching: re-match failed, nothing merged: %s", exc)
        if report is not None:
            report.problems.append(f"re-match failed, nothing merged: {exc}")
        return
    log.info("matching: %d initiative(s) merged after the run", len(merged))


@hookimpl
def register_commands(cli: Any) -> None:
    """``harvest rematch``: the end-of-run merge on its own, for a database built before it existed."""
    import click

    @cli.command("rematch")
    @click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False), help="SQLite database.")
    def rematch_command(db_path: str) -> None:
        """Merge stored initiatives that matching now recognises as one scheme; print each merge.

        Example: harvest rematch --db shopwindow.db
        """
        from shopwindow.schema import open_database

        for row in rematch(open_database(db_path)):
            click.echo(f"{row['merged_id']} -> {row['kept_id']} ({row['score']:.2f}): {row['merged_title']}")



def sources_of(db: sqlite_utils.Database, initiative_id: str) -> list[dict]:
    """The sources recorded for an initiative (url, source, source_kind, title), oldest first."""
    return [dict(r) for r in db.query(
        "select url, source, source_kind, title from initiative_sources where initiative_id = ? order by first_seen, url",
        [initiative_id])]


__all__ = [
    "THRESHOLD", "NameWords", "Side", "council_name_words", "dice", "figures_agree", "find_match", "match_initiative", "merge",
    "record_side", "rematch", "remember_text", "source_sides", "same_scheme_pairs", "score", "sources_of", "stem", "stored_sides", "tokens",
]
