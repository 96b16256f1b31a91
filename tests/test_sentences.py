"""Sentence splitting and table-row recognition, including on hostile (very long) lines."""

import time

import pytest
from shopwindow.sentences import is_table_row, split_sentences


@pytest.mark.parametrize("line", [
    "2011/12 £1.1m £1.3m",
    "Libraries | £3.1m | £2.8m | 10%",
    "2011/12: Target £1.1m; Delivered £1.3m",
])
def test_table_rows_are_recognised(line):
    assert is_table_row(line)


@pytest.mark.parametrize("line", [
    "The council saved £1.1m in 2011/12.",
    "Target: £1.1m without a second column",
    "2011/12: the council has not yet agreed a target for libraries; it delivered £1.3m",  # ";" before any figure
])
def test_prose_is_not_a_table_row(line):
    assert not is_table_row(line)


@pytest.mark.parametrize("line", [
    "£" + "1" * 100_000 + "x",  # one long run of digits once took minutes: every split was tried as two cells
    "x;: " + "£" * 100_000,  # many pound signs and no semicolon after them: every pair was tried
    "£1 " * 33_000 + "x",
])
def test_a_long_hostile_line_is_judged_quickly(line):
    started = time.perf_counter()
    assert not is_table_row(line)
    assert time.perf_counter() - started < 1.0


def test_a_table_row_is_its_own_sentence():
    text = "Savings by year\n2011/12 £1.1m £1.3m\n2012/13 £1.4m £1.2m\nThe rest is prose."
    assert [s.text for s in split_sentences(text)] == [
        "Savings by year", "2011/12 £1.1m £1.3m", "2012/13 £1.4m £1.2m", "The rest is prose."]


def test_a_lettered_or_bracketed_list_item_starts_a_new_sentence():
    # Committee reports letter their sub-items; they start in lower case but never run on from the line above.
    text = ("2. The largest items are:\n"
            "   a. Merging the events and venues teams, which share a building: £250,000\n"
            "   (b) Giving up the third floor of the civic offices: £180,000")
    assert [s.text for s in split_sentences(text)][-2:] == [
        "Merging the events and venues teams, which share a building: £250,000",
        "(b) Giving up the third floor of the civic offices: £180,000"]


def test_a_run_on_blob_is_cut_into_pieces_no_real_sentence_is_as_long_as():
    text = "saved £1 and " * 1000  # 13,000 characters and no full stop
    pieces = split_sentences(text)
    assert len(pieces) > 1 and all(len(p.text) <= 1000 for p in pieces)
    assert all(text[p.start:p.end] == p.text for p in pieces)
    assert "".join(p.text + " " for p in pieces).split() == text.split()  # nothing lost between pieces


def test_lines_of_an_unmarked_list_with_a_figure_each_are_separate_sentences():
    text = "Libraries - shorter hours - £0.3m - Amber\nParks - fewer cuts of the grass - £0.1m - Green"
    assert [s.text for s in split_sentences(text)] == [
        "Libraries - shorter hours - £0.3m - Amber", "Parks - fewer cuts of the grass - £0.1m - Green"]
    # Wrapped prose whose next line goes on from a comma is one sentence.
    text = "The county saved £2m on fleet and £1m on energy,\nLeaving £3m to find."
    assert len(split_sentences(text)) == 1


def test_a_table_row_may_end_in_an_empty_cell():
    assert is_table_row("Meals contract | £0.9m | £0.9m | nil")
    assert is_table_row("Parks     £0.3m     -")


def test_a_row_closing_with_a_rating_letter_is_a_table_row_but_prose_ending_in_a_capital_is_not():
    assert is_table_row("S1    Fewer agency placements  £1.20m         £0.80m           A")
    assert not is_table_row("The council saved £2m under Plan A")


def test_line_breaks_around_a_sentence_cut_nothing_and_keep_its_offsets():
    # The blank lines that end a paragraph are only around the sentence: it reads as on one line.
    text = "\n\nOfficers said so. The council saved £1.8m a year since the change.\n\nMembers asked how.\n"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Officers said so.", "The council saved £1.8m a year since the change.", "Members asked how."]
    assert all(text[s.start:s.end] == s.text for s in sentences)
