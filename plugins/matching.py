"""One initiative, many sources: recognise a scheme already stored from another publisher.

The LGA, a thinktank and the council itself describe the same scheme under different
titles. A new record joins a stored initiative when they share at least one council and
their wording is similar once the council names and the sector's stock words are taken
out (otherwise "Wigan Council: X" and "Wigan Council: Y" would look alike). The same
saving figure on both sides counts in favour, different figures against. Records from the
same page never merge.

Matching on store is greedy, so the order sources arrive in can leave one scheme stored as two
initiatives. The ``rematch`` plugin (:mod:`shopwindow_plugins.rematch`) applies the same rule to
pairs of stored initiatives after every run; for it, each source's own summary is kept here in
``matching_texts`` as records are matched.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import sqlite3
from dataclasses import dataclass, field

import sqlite_utils
from shopwindow import Record, hookimpl

log = logging.getLogger(__name__)

#: Score at or above which a record joins a stored initiative (tuned on tests/test_matching.py's pairs).
THRESHOLD = 0.34
TITLE_WEIGHT = 0.55
TEXT_WEIGHT = 0.45
SAME_FIGURE_BONUS = 0.15
# The same figure from the very same group of councils (two or more) is doubly telling: a group's one shared
# service, told by its own news page and by a report, rarely shares titles or words, but does share its number.
SAME_GROUP_BONUS = 0.15
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


def score(a: Side, b: Side, drop: set[str], same_group: bool = False) -> float:
    """How alike two descriptions are: best title likeness and whole-text likeness, moved by their figures.

    ``same_group``: both belong to the same two or more councils, which makes a figure in common count double.
    """
    title_sim = max((dice(tokens(x, drop), tokens(y, drop)) for x in a.titles for y in b.titles if x and y), default=0.0)
    text_sim = dice(tokens(a.text, drop), tokens(b.text, drop))
    agree = figures_agree(a, b)
    # Two reports of one scheme often quote one figure; two schemes of one council quote their own.
    evidence = SAME_FIGURE_BONUS + (SAME_GROUP_BONUS if same_group else 0.0) if agree \
        else -OTHER_FIGURES_PENALTY if agree is False else 0.0
    return TITLE_WEIGHT * title_sim + TEXT_WEIGHT * text_sim + evidence


def same_group(a: list[str], b: list[str]) -> bool:
    """Whether two initiatives belong to one and the same group of two or more councils."""
    return len(set(a)) >= 2 and set(a) == set(b)


def record_side(record: Record) -> Side:
    """The record as matching sees it (sector-wide figures say nothing about this scheme)."""
    own = [s for s in record.savings if not s.sector_wide]
    return Side([record.title], f"{record.title} {record.summary}",
                [s.amount_gbp for s in own if s.amount_gbp], [s.percent for s in own if s.percent])


def stored_sides(db: sqlite_utils.Database, ids: list[str] | None = None) -> tuple[dict[str, Side], dict[str, list[str]]]:
    """Stored initiatives ``ids`` (default: all) as :class:`Side`, and each one's council codes."""
    # One JSON parameter, not one "?" per id: a big council's thousands of initiatives stay under SQLite's limit.
    where, params = ("", []) if ids is None else (" in (select value from json_each(?))", [json.dumps(list(ids))])
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
        value = score(mine, sides[cand], names.of(codes + members.get(cand, [])), same_group(codes, members.get(cand, [])))
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
        ensure_texts_table(db)
        db.execute(f"insert or replace into {TEXTS_TABLE} (url, title, summary) values (?, ?, ?)", row)


TEXTS_TABLE = "matching_texts"


def ensure_texts_table(db: sqlite_utils.Database) -> None:
    """The table of each source's own title and summary (``initiatives`` keeps only the primary's)."""
    if not db[TEXTS_TABLE].exists():
        db[TEXTS_TABLE].create({"url": str, "title": str, "summary": str}, pk=("url", "title"), if_not_exists=True)


@hookimpl
def prepare_database(db: sqlite_utils.Database) -> None:
    """Create the table of each source's summary."""
    ensure_texts_table(db)


__all__ = [
    "TEXTS_TABLE", "THRESHOLD", "NameWords", "Side", "dice", "ensure_texts_table", "figures_agree",
    "find_match", "match_initiative", "record_side", "remember_text", "same_group", "score", "stem", "stored_sides",
    "tokens",
]
