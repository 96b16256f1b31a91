"""Where a figure sits on the page says what it is: table columns, list lead-ins, rows as HTML gives them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from shopwindow.savings import classify_figures, extract_savings


def readings(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.figure.text, c.kind, c.status) for c in classify_figures(text)]


def test_plain_text_table_columns_give_each_figure_its_status():
    text = ("Savings from the shared legal team\n"
            "Year Planned Delivered\n"
            "2022/23 £200,000 £240,000\n"
            "2023/24 £300,000 £260,000")
    assert readings(text) == [
        ("£200,000", "saving", "target"), ("£240,000", "saving", "achieved"),
        ("£300,000", "saving", "target"), ("£260,000", "saving", "achieved")]


def test_budget_table_columns_are_budgets_and_its_savings_are_planned():
    text = ("Revenue Budget 2025/26\n"
            "Service Budget 2024/25 Budget 2025/26 Saving\n"
            "Parks £4.0m £3.7m £0.3m\n"
            "Libraries £2.2m £2.1m £0.1m")
    assert readings(text) == [
        ("£4.0m", "budget", None), ("£3.7m", "budget", None), ("£0.3m", "saving", "target"),
        ("£2.2m", "budget", None), ("£2.1m", "budget", None), ("£0.1m", "saving", "target")]


def test_a_row_written_with_its_labels_takes_its_kind_from_the_caption():
    # The form harvester/content.py gives an HTML table row.
    text = ("Savings from the joint waste contract\n"
            "2023/24: Target £400,000; Delivered £350,000")
    assert readings(text) == [("£400,000", "saving", "target"), ("£350,000", "saving", "achieved")]


def test_a_nested_list_takes_its_kind_from_the_item_above_it_or_what_that_item_introduces():
    # "The largest items are:" names no kind: its items are parts of the savings plan in the line above it.
    text = ("1. The savings plan for next year totals £1.9m.\n"
            "2. The largest items are:\n"
            "   a. Extra garden waste income: £400,000\n"
            "   b. Merging the events and venues teams: £250,000\n"
            "   c. Giving up a floor of the civic offices: £180,000\n"
            "3. The net budget will be £15.4m.")
    assert readings(text) == [
        ("£1.9m", "saving", "target"), ("£400,000", "income", None), ("£250,000", "saving", "target"),
        ("£180,000", "saving", "target"), ("£15.4m", "budget", None)]


def test_a_list_whose_lead_in_names_nothing_after_prose_about_a_gap_stays_unread():
    text = ("The council faces a gap of £3m next year.\n"
            "The main pressures are:\n"
            "- Home to school transport: £1.2m\n"
            "- Temporary accommodation: £0.9m")
    assert readings(text) == [("£3m", "funding_gap", None), ("£1.2m", "other", None), ("£0.9m", "other", None)]


def test_a_table_without_a_heading_line_is_read_as_prose():
    text = "The depot deal\n2023/24 £400,000 £350,000"
    assert [kind for _, kind, _ in readings(text)] == ["other", "other"]


def test_a_wrapped_prose_line_ending_in_a_figure_is_not_a_table_row():
    text = "The new contract saved the council £1.4\nmillion in its first year, officers said."
    [saving] = extract_savings(text)
    assert saving.amount_gbp == 1.4e6


def test_a_saving_in_a_table_or_list_quotes_its_heading_too():
    text = ("Savings from the joint waste contract\n"
            "2023/24: Target £400,000; Delivered £350,000\n\n"
            "Proposed savings\n"
            "- Close the Eastgate depot - £90,000")
    assert [s.quote for s in extract_savings(text)] == [
        "Savings from the joint waste contract — 2023/24: Target £400,000; Delivered £350,000",
        "Savings from the joint waste contract — 2023/24: Target £400,000; Delivered £350,000",
        "Proposed savings — Close the Eastgate depot - £90,000"]


def test_a_sentence_ending_in_a_figure_and_a_full_stop_is_prose_not_a_row():
    text = "Sharing the fleet saved £600,000.\nThe councils will now share a depot."
    [saving] = extract_savings(text)
    assert saving.quote == "Sharing the fleet saved £600,000."


_TOKENS = ["£1.2m", "£300k", "£45,000", "12%", "2011/12", "Target", "Delivered", "Saving", "Budget 2024/25",
           "Savings", "proposed", "- ", "• ", "1. ", "Total", ":", ";", "|", "saved", "a further", "of which",
           "Kent County Council", "the", "report", ".", "\n", "\n\n", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS) | st.text(max_size=6), max_size=60))
def test_page_shaped_text_never_breaks_the_reading(tokens):
    text = " ".join(tokens)
    for item in classify_figures(text):  # not the never-raising wrapper: the reading itself must not raise
        assert item.kind in ("saving", "budget", "grant", "investment", "income", "funding_gap", "unit_cost", "other")
        assert item.sentence.start <= item.sentence.end <= len(text)


def test_money_tracked_against_a_target_is_savings_and_its_shortfall_is_still_a_target():
    text = ("Savings delivery by proposal\n"
            "Proposal | Target | Forecast | Shortfall\n"
            "Day services review | £2.0m | £1.6m | £0.4m\n"
            "Transport policy | £1.1m | £1.1m | £0.0m")
    assert readings(text)[:3] == [("£2.0m", "saving", "target"), ("£1.6m", "saving", "estimated"),
                                  ("£0.4m", "saving", "target")]
    # ...but the targets of an income table are income targets, not savings.
    text = "Income from fees and charges\nService | Target | Actual\nParking | £1.2m | £1.1m"
    assert [kind for _, kind, _ in readings(text)] == ["other", "other"]
    # ... and so are a savings tracker's rows of other money
    text = "Savings delivery by line\nLine | Target | Forecast | Shortfall\nIncome and fees | £3.0m | £2.8m | £0.2m"
    assert [(written, kind == "saving") for written, kind, _ in readings(text)] == [
        ("£3.0m", False), ("£2.8m", False), ("£0.2m", False)]


def test_a_column_heading_is_what_its_last_noun_names():
    text = ("Gaps and plans by council\n"
            "Council | Budget gap 2025/26 | Planned savings\n"
            "Northtown | £12m | £9m\n"
            "Southtown | £8m | £6m")
    assert readings(text)[:2] == [("£12m", "funding_gap", None), ("£9m", "saving", "target")]


def test_a_plain_heading_after_a_saving_introduces_its_parts():
    text = ("We beat our savings target this year, finding £700,000.\n\n"
            "Where it came from\n"
            "- Fleet: £400,000, by sharing vans with the county\n"
            "- Postage: £300,000\n"
            "- 60% of letters now go by email")
    assert readings(text) == [("£700,000", "saving", "achieved"), ("£400,000", "saving", "achieved"),
                              ("£300,000", "saving", "achieved"), ("60%", "other", None)]
    # A page's title is no sentence: the items under "The challenge" are not its parts.
    text = "Channel shift saves £750k a year\n\nThe challenge\n- Calls cost £2.80 to handle\n- 70% of contacts were calls"
    assert [kind for _, kind, _ in readings(text)] == ["saving", "budget", "other"]


def test_an_empty_cell_keeps_the_columns_of_a_row_in_place():
    text = ("Savings delivery\n"
            "Proposal | Target | Forecast | Shortfall\n"
            "Day care review | £2.0m | £1.6m | £0.4m\n"
            "Meals contract | £0.9m | £0.9m | nil\n"
            "Other | £1.0m | £0.7m | £0.3m")
    assert readings(text)[3:] == [("£0.9m", "saving", "target"), ("£0.9m", "saving", "estimated"),
                                  ("£1.0m", "saving", "target"), ("£0.7m", "saving", "estimated"),
                                  ("£0.3m", "saving", "target")]


def test_a_numbered_item_whose_number_was_cut_off_as_a_sentence_is_still_an_item():
    text = ("What we propose\n"
            "1. Parks - mow verges less often (saving £90,000).\n"
            "2. Museums - close on Mondays (saving £60,000).")
    assert readings(text) == [("£90,000", "saving", "target"), ("£60,000", "saving", "target")]


def test_a_labelled_item_under_a_savings_lead_in_is_a_saving_whatever_its_label_names():
    text = ("Officers have identified efficiencies of £1.5m, including:\n"
            "- printing contract renegotiation: £200,000\n"
            "- fleet review: £150,000")
    assert [kind for _, kind, _ in readings(text)] == ["saving", "saving", "saving"]


def test_lines_labelled_with_a_status_alone_after_a_saving_are_its_parts():
    text = "The shared service planned savings of £5m this year.\nAchieved: £4.2m\nOutstanding: £0.8m"
    assert readings(text) == [("£5m", "saving", "target"), ("£4.2m", "saving", "achieved"),
                              ("£0.8m", "saving", "target")]


def test_a_heading_caption_across_a_blank_line_names_the_tables_kind():
    text = ("Appendix C: new saving proposals\n\n"
            "Ref      Proposal                          2025-26     2026-27\n"
            "AS01     Expand reablement                 £500,000    £300,000\n"
            "CS02     Close a depot on Sundays          £90,000     -")
    assert [(kind, status) for _, kind, status in readings(text)] == [("saving", "target")] * 3
    # A sentence of prose across the blank line is no caption.
    text = ("The council has saved a great deal since 2019.\n\n"
            "Ref      Item                              2025-26     2026-27\n"
            "AS01     Reablement                        £500,000    £300,000")
    assert [kind for _, kind, _ in readings(text)] == ["other", "other"]


def test_savings_between_two_years_budgets_are_planned():
    text = ("Section 4: Neighbourhoods\n"
            "Service            2024/25 budget   Savings 2025/26   2025/26 budget\n"
            "Parks              £6.4m            £0.3m             £6.1m\n"
            "Libraries          £4.0m            £0.5m             £3.5m")
    assert readings(text)[:3] == [("£6.4m", "budget", None), ("£0.3m", "saving", "target"), ("£6.1m", "budget", None)]


def test_a_savings_tracker_row_may_close_with_its_rating():
    text = ("Savings tracker, quarter 2\n\n"
            "Ref   Description              Target 25/26   Forecast 25/26   Status\n"
            "S1    Fewer agency placements  £1.20m         £0.80m           A\n"
            "S2    Library redesign         £0.40m         £0.40m           G")
    assert readings(text) == [("£1.20m", "saving", "target"), ("£0.80m", "saving", "estimated"),
                              ("£0.40m", "saving", "target"), ("£0.40m", "saving", "estimated")]


def test_the_savings_a_page_setting_a_budget_lists_are_planned():
    # A budget page lists what the budget plans; with no word of its own an item is a target, not a result.
    text = ("Councillors approve next year's budget\n\n"
            "Full council met on Wednesday to agree spending for 2026/27.\n\n"
            "Where the savings will come from:\n"
            "- Merging the two contact centres - £620,000\n"
            "- Fewer leased buildings: £340,000\n\n"
            "Savings by directorate\n"
            "Place | £1.1m\n"
            "People | £0.9m")
    assert [(figure, status) for figure, kind, status in readings(text) if kind == "saving"] == [
        ("£620,000", "target"), ("£340,000", "target"), ("£1.1m", "target"), ("£0.9m", "target")]


def test_on_a_budget_page_an_item_that_says_it_was_delivered_stays_delivered():
    text = ("Budget consultation 2026/27\n\n"
            "Savings the last plan delivered:\n"
            "- Shared legal service: £210,000 delivered\n"
            "- Street lighting: £180,000 achieved")
    assert [status for _, kind, status in readings(text) if kind == "saving"] == ["achieved", "achieved"]


def test_the_same_list_on_a_page_that_sets_no_budget_reports_results():
    text = ("Our year in review\n\n"
            "The savings from our shared services:\n"
            "- Merging the two contact centres - £620,000\n"
            "- Fewer leased buildings: £340,000")
    assert [status for _, kind, status in readings(text) if kind == "saving"] == ["achieved", "achieved"]
