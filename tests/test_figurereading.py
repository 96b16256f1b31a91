"""Reading one sentence's figures: results that do not depend on how long the sentence is."""

import random
import time

from shopwindow import figurekind, figurereading
from shopwindow.money import find_figures


def test_a_run_on_sentence_with_thousands_of_figures_is_read_quickly():
    # Hostile or broken page text: no full stop for 6 KB. Every cue was once compared with every figure.
    sentence = "saved £1 and " * 500
    figures = tuple(find_figures(sentence))
    figurereading.clear_caches()
    started = time.perf_counter()
    readings = figurereading.read_sentence(sentence, figures)
    assert time.perf_counter() - started < 1.0
    assert [kind for kind, *_ in readings] == ["saving"] * len(figures)


def test_cues_beyond_three_figure_signs_never_decide_a_kind():
    """Leaving out the cues too far to count (by pound and percent signs between) changes no reading."""
    words = ["saved", "£2m", "budget", "5%", "grant", "and", ",", "Babergh", "and", "Mid", "Suffolk", "Council",
             "cost", "invest", "per", "cent", "of", "£1.5m-£2m", "income", "the", "10", "%", "£"]
    rng = random.Random(3)
    for _ in range(300):
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(3, 40)))
        cues = figurereading._KIND_CUES.find(sentence)
        marks = figurekind.figure_marks(sentence)
        for figure in find_figures(sentence):
            span = (figure.start, figure.end)
            for limit in (figurekind.MAX_KIND_DISTANCE, 12):
                assert figurekind.nearest_and_distance(sentence, span, cues, limit, marks) == \
                    figurekind.nearest_and_distance(sentence, span, cues, limit)
