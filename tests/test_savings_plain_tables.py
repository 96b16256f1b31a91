"""Plain-text tables (budget books copied from PDFs) that state their money unit once, above bare numbers."""

from __future__ import annotations

from shopwindow.plaintables import with_stated_units
from shopwindow.savings import classify_figures, extract_savings

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


def _read(text):
    return [(s.amount_gbp, s.status) for s in extract_savings(text)]


def test_a_table_under_a_savings_title_is_savings_whatever_each_rows_label_says():
    # The title names savings; a row's "budgets" or "costs" says what is cut, and "High" is an impact column.
    text = ("Cuts to services 2026/27: summary of budget reductions\n\n"
            "Area  Proposal  Amount  Risk\n"
            "Schools  Trim central budgets for school support  £1.2m  High\n"
            "Parks  Cut grass-cutting costs on verges  £90k  Low")
    assert _read(text) == [(1.2e6, "target"), (9e4, "target")]


def test_the_pages_title_names_the_savings_of_a_table_below_a_paragraph():
    text = ("Savings options for the coming year\n\n"
            "Officers set out six options for members to weigh in January.\n\n"
            "Ref  Option  2026/27  2027/28\n"
            "OP1  Merge two depots  £400k  £650k\n"
            "OP2  Shorter library hours  £120k  £120k")
    assert [(f.figure.amount_gbp, f.kind) for f in classify_figures(text)] == [
        (4e5, "saving"), (6.5e5, "saving"), (1.2e5, "saving"), (1.2e5, "saving")]


def test_beside_a_column_of_savings_realised_a_column_without_status_is_the_plan():
    text = ("Progress on savings schemes\n\n"
            "Year  Schemes  Value  Realised  Status\n"
            "2023/24  40  £3.0m  £2.1m  Partly slipped\n"
            "2024/25  52  £4.4m  £4.4m  Complete")
    assert _read(text) == [(3e6, "target"), (2.1e6, "achieved"), (4.4e6, "target"), (4.4e6, "achieved")]


def test_a_headline_naming_a_saving_is_not_the_title_of_a_table_further_down():
    # The headline holds a figure: it reports one saving, it does not name what the table lists.
    text = ("Council saves £2m on agency staff\n\n"
            "The council also published what it paid for agency staff in each of the last two years.\n\n"
            "Year  Item  Amount\n"
            "2023/24  Agency staff  £9.1m\n"
            "2024/25  Agency staff  £7.1m")
    assert _read(text) == [(2e6, "achieved")]  # the headline's saving only


def test_label_lines_under_a_heading_keep_the_kinds_their_labels_give():
    text = ("Financial position 2025/26 for the savings programme\n\n"
            "Pooled budget: £40m\nPlanned savings: £2.0m\nDelivered savings: £1.6m")
    assert _read(text) == [(2e6, "target"), (1.6e6, "achieved")]


def test_rows_without_column_headings_take_the_kind_their_caption_names():
    text = ("Table: savings from the shared service and the merger (annual)\n"
            "Shared service 2012-2018  £2,500,000\n"
            "Merger 2019 onwards  £600,000")
    assert [(f.figure.amount_gbp, f.kind) for f in classify_figures(text)] == [(2.5e6, "saving"), (6e5, "saving")]
    # a label line under a title is read by its own label
    assert [f.kind for f in classify_figures("Job advert: Savings Programme Lead\nSalary: £52,000")] == ["other"]


def test_label_lines_under_a_savings_heading_are_savings_with_the_status_their_labels_name():
    text = ("Savings position, 2025/26\n"
            "Delivered by year end: £3.1m\n"
            "Met through one-off measures instead: £0.4m\n"
            "Not delivered and dropped: £0.5m")
    assert _read(text) == [(3.1e6, "achieved"), (4e5, "achieved"), (5e5, "target")]
    # ... but a label that names something else keeps its kind under any heading
    assert [f.kind for f in classify_figures("Savings Programme Lead\nSalary: £48,000 - £51,000")] == ["other"]


def test_rows_after_a_blank_line_take_the_kind_their_table_title_names():
    text = ("Table 4: Councils reporting the largest efficiency savings, 2024/25\n"
            "(Source: survey of finance directors)\n\n"
            "Essex County Council - £21.5m\n"
            "Surrey County Council - £18.0m")
    assert [(f.figure.amount_gbp, f.kind) for f in classify_figures(text)] == [(2.15e7, "saving"), (1.8e7, "saving")]


def test_a_press_release_header_does_not_name_savings():
    text = "County Council\nPress release: 3 March 2025\n\nEnergy bills to rise by £4m"
    assert [(f.figure.text, f.kind == "saving") for f in classify_figures(text)] == [("£4m", False)]


def test_lines_of_an_unmarked_list_under_a_savings_title_are_savings():
    text = ("Councils reporting the largest transformation savings, 2024/25\n"
            "(Source: a survey of finance directors)\n\n"
            "Norfolk County Council - £20.1m (against a plan of £25m)\n"
            "Suffolk County Council (shared services) - £14.2m\n"
            "Essex County Council - £12.9m\n\n"
            "The remaining £3m comes from fees and charges.")
    found = [(f.figure.amount_gbp, f.kind) for f in classify_figures(text)]
    assert found[:4] == [(2.01e7, "saving"), (2.5e7, "saving"), (1.42e7, "saving"), (1.29e7, "saving")]


def test_an_unmarked_list_under_a_lead_in_naming_savings_and_a_dash_label_naming_them():
    text = ("Savings total £12m. Among them:\n\n"
            "Property rationalisation - £4.2m\n"
            "Reduced use of agency staff - £3.5m\n")
    assert [f.kind for f in classify_figures(text)] == ["saving", "saving", "saving"]
    # a heading of words over label lines is no column heading: "gap" does not name the savings
    text = "How we propose to close the gap\nEfficiency savings - £11.8m\nCouncil tax increase - £7.4m"
    assert [f.kind for f in classify_figures(text)][0] == "saving"
    # a lead-in that only seems to name savings ("from our latest cost study") does not make unit costs savings
    text = ("Some numbers from our latest cost-to-serve study:\n"
            "Phone call to the contact centre: £4.40\nWeb form: £0.15")
    assert [(f.figure.text, f.kind == "saving") for f in classify_figures(text)] == [("£4.40", False), ("£0.15", False)]
