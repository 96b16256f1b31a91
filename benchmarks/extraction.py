"""Extraction quality and speed: precision/recall/F1 on tests/eval/passages.json, pages per second.

Run::

    .venv/bin/python benchmarks/extraction.py

Quality figures are micro-averaged over the evaluation passages (written for Shop Window, see
tests/eval/passages.json). Speed is measured on one core with two 5,000-word articles built from
those passages, running everything the pipeline runs on a page (splitting, council and partner
linking, saving extraction, classification): "typical" puts four paragraphs of plain prose after
each passage, like a report (it splits into 19 schemes, each then read again; "kept whole" skips
the split to show the cost of one pass); "dense" is nothing but passages, a figure every dozen words;
"one scheme" is one council's programme with a figure every 500 words or so, as most pages are (not split);
"prose only" has no council or figure at all, the floor that scanning alone costs.
Every per-page cache (council mentions, partners, sentence readings) is cleared between runs, so
each run costs what a new page would.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from extraction_eval import (BLIND, BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10,  # noqa: E402
                             BLIND11, FRESH, HELDOUT, HOLDOUT, SEALED, SEALED2, UNSEEN, WILD, load_passages, score_all,
                             score_taxonomy)
from split_eval import load_pages, score_pages  # noqa: E402

from shopwindow.classify import classify  # noqa: E402
from shopwindow.councils import _cached_mentions, find_councils, find_partners, load_register  # noqa: E402
from shopwindow.partners import read_partners  # noqa: E402
from shopwindow.models import Record  # noqa: E402
from shopwindow.money import find_figures  # noqa: E402
from shopwindow.savings import clear_caches, extract_savings, record_text  # noqa: E402
from shopwindow.split import split_page  # noqa: E402

SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))  # CPU time spent on each speed measure
TARGETS = {"councils": 0.95, "savings": 0.90, "saving_vs_not": 0.90}
ARTICLE_WORDS = 5000
# Prose without figures, as most of a long report or article is: written for this benchmark.
PROSE = [
    "Officers told the scrutiny committee that the programme had been shaped by conversations with residents, "
    "front-line staff and voluntary groups over the previous eighteen months. The aim was to design services "
    "around the people who use them rather than around the structure of the organisation, and to stop doing "
    "things that added little value for anyone.",
    "The report sets out the approach in three stages. First, managers mapped how each request travelled through "
    "the organisation, from the first phone call to the final letter. Second, teams tested changes on a small "
    "scale before rolling them out. Third, the leadership team agreed a set of measures that would show whether "
    "the changes were working.",
    "Members asked how the new arrangements would affect people who do not use the internet. The director "
    "explained that telephone and face-to-face options would remain, and that staff in libraries and community "
    "centres had been trained to help residents complete forms. A review will take place after the first winter.",
    "Partners in the voluntary and community sector welcomed the emphasis on prevention. Several charities said "
    "that earlier conversations with families often avoided a crisis later on, and that joint training with "
    "council staff had improved referrals. They asked for longer funding agreements so that they could plan ahead.",
    "The evaluation team interviewed staff at every level. Many said that the biggest change was cultural rather "
    "than technical: people felt trusted to solve problems without waiting for approval, and managers spent more "
    "time coaching and less time checking. Some teams found the pace of change difficult and asked for more support.",
    "Lessons for other areas include the importance of clear leadership, honest data and patience. The project "
    "board met monthly and published its minutes. Where something did not work, the team said so and tried a "
    "different approach, which helped to build confidence among members and the public.",
    "The next phase will extend the model to planning enquiries and licensing. A business case will be brought "
    "to cabinet in the spring, together with an equality impact assessment and the results of a public "
    "consultation. Trade unions have been involved throughout and will be consulted on any changes to roles.",
    "Residents who took part in workshops described what good service looked like to them: being listened to, "
    "not having to repeat their story, and knowing what would happen next. These principles now appear on the "
    "wall of every team room and are used when new processes are designed.",
]


def article(passages: list[dict], words: int = ARTICLE_WORDS, prose_per_passage: int = 0) -> str:
    """A long page: the evaluation passages in turn, each followed by ``prose_per_passage`` prose paragraphs."""
    paragraphs, count, k = [], 0, 0
    while count < words:
        for text in [passages[k % len(passages)]["text"]] + [PROSE[(k + j) % len(PROSE)] for j in range(prose_per_passage)]:
            paragraphs.append(text)
            count += len(text.split())
        k += 1
    return "\n\n".join(paragraphs)


# One council's programme, as its annual report or a long feature would tell it: written for this benchmark.
ONE_SCHEME = [
    "Calderdale Council says the programme has saved £1.8m a year since the contact centre moved online.",
    "A further £650,000 is expected from the review of printing and postage by March 2025.",
    "The council spent £2.4m on new software and training to make the change.",
    "Agency staffing costs fell by £320,000 in 2022-23 after permanent social workers were recruited.",
    "Officers estimate that the new fleet routes could save £140,000 a year in fuel.",
    "Income from the traded services team reached £900,000, up from £610,000 two years earlier.",
    "The target for the next three years is £4.5m, around 3% of the net budget.",
    "Energy upgrades to the civic buildings cut the annual bill by £210,000.",
    "A grant of £1.2m from the government paid for the first phase.",
    "Altogether the council reports savings of £6.3m to date from the programme.",
]


def one_scheme_article(words: int = ARTICLE_WORDS) -> str:
    """5,000 words about one council's programme: the prose, with a sentence carrying a figure every 500 words
    or so. Most pages are like this (one council, a handful of figures), and they are not split."""
    paragraphs, count, k = [], 0, 0
    while count < words:
        paragraphs.append(PROSE[k % len(PROSE)] + (" " + ONE_SCHEME[(k // 8) % len(ONE_SCHEME)] if k % 8 == 7 else ""))
        count += len(paragraphs[-1].split())
        k += 1
    return "\n\n".join(paragraphs)


def prose_article(words: int = ARTICLE_WORDS) -> str:
    """5,000 words of the prose paragraphs alone: no council, partner or figure, so nothing to split or read
    closely. It shows the floor: what scanning a page costs before any finding is looked at."""
    paragraphs, count, k = [], 0, 0
    while count < words:
        paragraphs.append(PROSE[k % len(PROSE)])
        count += len(PROSE[k % len(PROSE)].split())
        k += 1
    return "\n\n".join(paragraphs)


def process_page(text: str, split: bool = True) -> None:
    """Everything the extraction plugins do to one page (as plugins/councils, savings, classify, split)."""
    record = Record(title="Benchmark page", url="https://example.org/", body=text)
    for part in (split_page(record) if split else None) or [record]:
        joined = record_text(part)
        find_councils(joined)
        find_partners(joined)
        extract_savings(joined, councils_hint=part.councils)
        classify(part.body, title=part.title)


from shopwindow import aliasmatch  # noqa: E402
from shopwindow import classify as classify_module  # noqa: E402


def _clear_caches() -> None:
    read_partners.cache_clear()
    _cached_mentions.cache_clear()
    clear_caches()
    # Vocabulary memos too (phrase and name as written -> parsed form), so the figure is a never-seen page's cost.
    classify_module._HITS.clear()
    aliasmatch._KEYS.clear()


def pages_per_second(text: str, seconds: float = 3.0, split: bool = True) -> float:
    """Pages per second of CPU time (one core), so other work on the machine does not skew it."""
    process_page(text, split)  # warm the register and regex caches
    runs, started = 0, time.process_time()
    while time.process_time() - started < seconds:
        _clear_caches()  # each run is a new page: nothing remembered from the last one
        process_page(text, split)
        runs += 1
    return runs / (time.process_time() - started)


def main() -> int:
    load_register()
    passages = load_passages()
    heldout = load_passages(HELDOUT)
    targeted = None
    page_like = [(f"page-like set {path.name} (reported, no target)", load_passages(path))
                 for path in (WILD, FRESH, UNSEEN, HOLDOUT, BLIND, BLIND2, BLIND3, BLIND4, BLIND5, BLIND6,
                              BLIND7, SEALED, BLIND8, BLIND9, BLIND10, BLIND11, BLIND12, SEALED2)]
    for label, subset in [("main set", passages), ("held-out set", heldout), ("both", passages + heldout)] + page_like:
        scores = score_all(subset)
        targeted = targeted or (scores if label == "both" else None)
        print(f"\n{label}: {len(subset)} passages")
        print(f"{'measure':<16}{'precision':>10}{'recall':>10}{'F1':>8}{'target':>8}")
        for name, score in scores.items():
            target = TARGETS.get(name)
            print(f"{name:<16}{score.precision:>10.3f}{score.recall:>10.3f}{score.f1:>8.3f}"
                  f"{(f'{target:.2f}' if target else '-'):>8}")
    # Page splitting (tests/eval/split_pages.json, written blind; reported, floors in tests/test_split_eval.py).
    split = score_pages(load_pages())
    print(f"\npage splitting: {len(split.pages)} pages, split decision {split.decision_accuracy:.3f}, "
          f"part count {split.count_accuracy:.3f}")
    print(f"{'measure':<16}{'precision':>10}{'recall':>10}{'F1':>8}{'target':>8}")
    for name, score in (("part councils", split.councils), ("part figures", split.figures)):
        print(f"{name:<16}{score.precision:>10.3f}{score.recall:>10.3f}{score.f1:>8.3f}{'-':>8}")
    print("  parts differ on:", " ".join(p.id for p in split.pages if len(p.predicted) != len(p.expected)) or "none")
    scores = targeted
    for label, subset in [("main set", passages)] + page_like[1:]:
        print(f"\ntaxonomy, {label}, labelled passages (right / wrong / left empty):")
        for name, score in score_taxonomy(subset).items():
            print(f"  {name:<16}{score.right:>4} /{score.wrong:>3} /{score.empty:>3}   accuracy {score.accuracy:.2f}, "
                  f"precision {score.precision:.2f}")
    print()
    rates = {}
    variants = [("typical", article(passages, prose_per_passage=4), True),
                ("typical, kept whole", article(passages, prose_per_passage=4), False),
                ("dense", article(passages, prose_per_passage=0), True),
                ("one scheme", one_scheme_article(), True),
                ("prose only", prose_article(), True)]
    for label, text, split in variants:
        figures = sum(1 for _ in find_figures(text))
        rates[label] = pages_per_second(text, split=split, seconds=SECONDS)
        print(f"speed ({label}): {rates[label]:.0f} pages/s on one core for a {len(text.split())}-word article "
              f"with {figures} figures (target 200)")
    missed = [n for n, t in TARGETS.items() if scores[n].f1 < t] + (["speed"] if rates["typical"] < 200 else [])
    if missed:
        print("below target:", ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
