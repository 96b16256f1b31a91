"""Re-matching after a run: join initiatives that were stored apart but are one scheme.

Matching on store (:mod:`shopwindow_plugins.matching`) is greedy, so the order sources arrive in
can leave one scheme stored as two initiatives. After every run :func:`rematch` applies the same
rule, with the same scoring, to pairs of stored initiatives and merges those that match, logging
each merge in ``initiative_merges``. ``harvest rematch`` runs it on its own.
"""

from __future__ import annotations

import itertools
import json
import logging
from typing import Any

import sqlite_utils
from shopwindow import hookimpl
from shopwindow.storage import now_iso
from shopwindow_plugins.matching import (
    TEXTS_TABLE,
    THRESHOLD,
    NameWords,
    Side,
    ensure_texts_table,
    same_group,
    score,
    stored_sides,
)

log = logging.getLogger(__name__)

MERGES_TABLE = "initiative_merges"


def ensure_tables(db: sqlite_utils.Database) -> None:
    """The merge log (which initiative absorbed which, on what score, with which sources) and each source's summary."""
    if not db[MERGES_TABLE].exists():
        db[MERGES_TABLE].create({"id": int, "kept_id": str, "merged_id": str, "score": float, "kept_title": str,
                                 "merged_title": str, "moved_urls": str, "merged_at": str}, pk="id", if_not_exists=True)
        db[MERGES_TABLE].create_index(["merged_id"], if_not_exists=True)
    ensure_texts_table(db)


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


def pair_score(a: Side, b: Side, a_sources: list[Side], b_sources: list[Side], drop: set[str], group: bool = False) -> float:
    """The best score matching on store could have given, whatever order the sources of ``a`` and ``b`` came in.

    Each source of one side is scored as the incoming record against the other side with every
    title, every figure and each of its sources' text in turn as the primary's. Adding sources to a
    side can only raise these scores (figures aside: a new one can turn silence into disagreement),
    so merging to a fixed point ends the same way from any order.
    """
    best = score(a, b, drop, group)
    for records, other, others in ((a_sources, b, b_sources), (b_sources, a, a_sources)):
        for text in [other.text] + [y.text for y in others]:
            as_stored = Side(other.titles, text, other.amounts, other.percents)
            best = max([best] + [score(x, as_stored, drop, group) for x in records])
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
            value = pair_score(sides[a], sides[b], each.get(a, []), each.get(b, []), names.of(members[a] + members[b]),
                               same_group(members[a], members[b]))
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
    """Create the merge log (and the table of each source's summary it reads)."""
    ensure_tables(db)


@hookimpl(tryfirst=True)
def after_run(db: sqlite_utils.Database, report: Any) -> None:
    """Join initiatives stored apart once every source has been read (before quality flags are recomputed).

    A run that stored nothing (every page unchanged) leaves nothing new to join: the last run's state was
    already re-matched, so the step is skipped.
    """
    if report is not None and report.sources and not any(s.records for s in report.sources):
        log.debug("matching: nothing stored this run, no re-match needed")
        return
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


__all__ = ["MERGES_TABLE", "ensure_tables", "merge", "pair_score", "rematch", "same_scheme_pairs", "source_sides"]
