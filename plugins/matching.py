"""One initiative, many sources: recognise a scheme already stored from another publisher.

The LGA, a thinktank and the council itself describe the same scheme under different
titles. A new record joins a stored initiative when they share at least one council and
their wording is similar once the council names and the sector's stock words are taken
out (otherwise "Wigan Council: X" and "Wigan Council: Y" would look alike). The same
saving figure on both sides counts in favour. Records from the same page never merge.
"""

from __future__ import annotations

import logging
import re

import sqlite_utils

from shopwindow import Record, hookimpl

log = logging.getLogger(__name__)

#: Score at or above which a record joins a stored initiative (tuned on tests/test_matching.py's pairs).
THRESHOLD = 0.34
TITLE_WEIGHT = 0.55
TEXT_WEIGHT = 0.45
SAME_FIGURE_BONUS = 0.15

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
    return word


def tokens(text: str, drop: frozenset[str] | set[str] = frozenset()) -> set[str]:
    """Distinctive stems of ``text``: no stock words, no words of the councils' names."""
    found = set()
    for word in _WORD.findall((text or "").lower().replace("’", "'")):
        word = word.strip("'-").removesuffix("'s")
        if word in STOCK_WORDS or word in drop:
            continue
        stemmed = stem(word)
        if stemmed not in drop:
            found.add(stemmed)
    return found


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


def score(record_titles: list[str], record_text: str, candidate_titles: list[str], candidate_text: str,
          drop: set[str], same_figure: bool) -> float:
    """How alike two descriptions are, 0..1+: best title likeness and whole-text likeness, plus a shared figure."""
    title_sim = max(
        (dice(tokens(a, drop), tokens(b, drop)) for a in record_titles for b in candidate_titles if a and b),
        default=0.0,
    )
    text_sim = dice(tokens(record_text, drop), tokens(candidate_text, drop))
    return TITLE_WEIGHT * title_sim + TEXT_WEIGHT * text_sim + (SAME_FIGURE_BONUS if same_figure else 0.0)


def _same_figure(amounts: list[float], other: list[float]) -> bool:
    return any(a and b and abs(a - b) <= 0.01 * max(a, b) for a in amounts for b in other)


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
    candidates = list(
        db.query(
            f"""select distinct i.id, i.title, i.summary from initiatives i
                join initiative_councils c on c.initiative_id = i.id
                where c.council_code in ({marks}) and i.id != ?
                and not exists (select 1 from initiative_sources s where s.initiative_id = i.id and s.url = ?)""",
            [*codes, initiative_id, record.url],
        )
    )
    if not candidates:
        return None, 0.0
    ids = [c["id"] for c in candidates]
    in_ids = ",".join("?" * len(ids))
    members: dict[str, list[str]] = {}
    for row in db.execute(f"select initiative_id, council_code from initiative_councils where initiative_id in ({in_ids})", ids):
        members.setdefault(row[0], []).append(row[1])
    titles: dict[str, list[str]] = {}
    for row in db.execute(f"select initiative_id, title from initiative_sources where initiative_id in ({in_ids}) "
                          "and title is not null", ids):
        titles.setdefault(row[0], []).append(row[1])
    amounts: dict[str, list[float]] = {}
    for row in db.execute(f"select initiative_id, amount_gbp from savings where initiative_id in ({in_ids}) and amount_gbp > 0", ids):
        amounts.setdefault(row[0], []).append(row[1])
    # Every council involved on either side: their names say where, not what.
    drop = council_name_words(db, list(dict.fromkeys(codes + [c for cs in members.values() for c in cs])))
    record_text = f"{record.title} {record.summary}"
    record_amounts = [s.amount_gbp for s in record.savings if s.amount_gbp]
    best_id, best = None, 0.0
    for cand in candidates:
        value = score([record.title], record_text, [cand["title"], *titles.get(cand["id"], [])],
                      f"{cand['title']} {cand['summary'] or ''}", drop,
                      _same_figure(record_amounts, amounts.get(cand["id"], [])))
        if value > best:
            best_id, best = cand["id"], value
    if best >= THRESHOLD:
        log.debug("%s (%s) joins initiative %s, score %.2f", record.url, record.title, best_id, best)
        return best_id, best
    return None, best


@hookimpl(trylast=True)
def match_initiative(db: sqlite_utils.Database, record: Record, initiative_id: str) -> str | None:
    """Return the stored initiative this record is another source for, or None to store it as new."""
    found, _score = find_match(db, record, initiative_id)
    return found if found != initiative_id else None


def sources_of(db: sqlite_utils.Database, initiative_id: str) -> list[dict]:
    """The sources recorded for an initiative (url, source, source_kind, title), oldest first."""
    return [dict(r) for r in db.query(
        "select url, source, source_kind, title from initiative_sources where initiative_id = ? order by first_seen, url",
        [initiative_id])]


__all__ = ["THRESHOLD", "council_name_words", "dice", "find_match", "match_initiative", "score", "sources_of", "stem", "tokens"]
