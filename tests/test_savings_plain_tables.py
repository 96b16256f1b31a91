"""Plain-text tables (budget books copied from PDFs) that state their money unit once, above bare numbers."""

from __future__ import annotations

from shopwindow.layout import with_stated_units
from shopwindow.savings import extract_savings

BOOK = """Savings plan 2025/26: proposals by service
(figures in £'000)

Service                 Savings 2025/26   Savings 2026/27   Total
Highways and transport  1,250             800               2,050
Libraries               300               150               450

Each saving will be reviewed by the finance board each quarter."""


def test_bare_numbers_under_a_stated_unit_are_money_in_that_unit():
    assert "Libraries £300k £150k £450k" in " ".join(with_stated_units(BOOK).split())


def test_a_savings_table_with_its_unit_stated_once_gives_its_savings_with_the_caption_status():
    savings = extract_savings(BOOK)
    assert sorted(s.amount_gbp for s in savings) == [150e3, 300e3, 450e3, 800e3, 1.25e6, 2.05e6]
    assert {s.status for s in savings} == {"target"}  # a plan's savings are not yet had


def test_counts_and_text_without_a_stated_unit_are_left_alone():
    staffing = "Posts by service (£000 budgets shown separately)\n\nFTE posts   120   95\nVacancies   12    8"
    assert with_stated_units(staffing) == staffing
    assert with_stated_units("Staff  120  95\nNo unit above these.") == "Staff  120  95\nNo unit above these."
    prose = "The budget (£m) is set in February. It was 45 last year and 2024 was hard."
    assert with_stated_units(prose) == prose


def test_a_sentence_above_a_label_line_is_not_its_column_heading():
    text = ("Progress\n3.1 The shared service has delivered £600,000 of savings, mostly through joint contracts.\n"
            "3.2 Target for 2025/26: £450,000\n3.3 Achieved so far this year: £180,000")
    assert [(s.amount_gbp, s.status) for s in extract_savings(text)] == [
        (6e5, "achieved"), (4.5e5, "target"), (1.8e5, "achieved")]


def test_label_lines_take_the_status_their_blocks_first_line_names():
    text = ("Proposed change 4: merge the two day centres\nWhat it involves: one building, one team\n"
            "Saving in year one: £120,000\nSaving in year two: £175,000")
    assert {s.status for s in extract_savings(text)} == {"target"}


def test_lettered_list_items_are_items_of_the_list_their_lead_in_introduces():
    text = ("Proposed savings 2026/27\n1. The main proposals are:\n"
            "   a. Sharing a finance team with the district: £320,000\n"
            "   b. Moving the archive into the central library: £75,000")
    assert [(s.amount_gbp, s.status) for s in extract_savings(text)] == [(3.2e5, "target"), (7.5e4, "target")]


def test_a_total_row_that_fills_only_the_last_column_takes_that_columns_heading():
    text = ("Contracts re-let in 2025\n"
            "Contract          Old cost    New cost    Saving\n"
            "Cleaning          £820,000    £760,000    £60,000\n"
            "Security          £410,000    £385,000    £25,000\n"
            "Total                                     £85,000")
    assert sorted(s.amount_gbp for s in extract_savings(text)) == [25e3, 60e3, 85e3]


def test_a_column_headed_per_annum_gives_its_savings_that_period():
    text = ("Shared service savings\n"
            "Service          Saving per annum    One-off saving\n"
            "Payroll          £45,000             £12,000\n"
            "Procurement      £130,000            £20,000")
    periods = {s.amount_gbp: s.period for s in extract_savings(text)}
    assert periods == {45e3: "annual", 130e3: "annual", 12e3: "one-off", 20e3: "one-off"}


def test_a_stated_unit_does_not_reach_columns_that_count_people_or_cost_per_head():
    text = ("Early help (£000)\n\n"
            "Area        Savings 2025/26   Families helped   Cost per head\n"
            "North       410               1,250             2\n")
    assert " ".join(with_stated_units(text).split()).endswith("North £410k 1,250 2")


def test_an_unmarked_list_of_rated_savings_is_read_line_by_line():
    text = ("Budget action plans by directorate\n\n"
            "Adults - more reablement capacity - £1.5m - Green\n"
            "Children - fewer external placements - £2.2m - Red\n"
            "Resources - asset disposals - £0.8m (Amber)\n"
            "Parking income - £0.4m - Red")
    assert [(s.amount_gbp, s.status) for s in extract_savings(text)] == [
        (1.5e6, "target"), (2.2e6, "target"), (0.8e6, "target")]
