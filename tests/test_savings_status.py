"""How a saving's status is read from the verb that governs it (achieved, target or estimated)."""

from __future__ import annotations

import pytest
from shopwindow.savings import classify_figures, extract_savings


def statuses(text: str) -> list[tuple[float | None, str]]:
    return [(s.amount_gbp or s.percent, s.status) for s in extract_savings(text)]


@pytest.mark.parametrize(("text", "status"), [
    # A past auxiliary says only that something happened; the word after it says what.
    ("Savings of £750,000 were not achieved in the last financial year.", "target"),
    ("Savings reached £1.6m, short of the £2m that had been planned.", "target"),
    ("Efficiency savings of £1.3m were forecast when the hub opened.", "estimated"),
    ("Savings of £400,000 were delivered by the new rota.", "achieved"),
    # A hedging modal keeps its say, unless what follows it is a need.
    ("Savings of £8m a year would be needed to balance the books.", "target"),
    ("Savings of £8m a year would be possible if the depots merged.", "estimated"),
    ("The two trusts expect to find savings of £500,000 from shared payroll.", "estimated"),
    # An adverb of time says when; the verb after it says what.
    ("The board has already agreed savings of £640,000 for next year.", "target"),
    ("Savings delivered by the end of March came to £640,000.", "achieved"),
])
def test_status_words_that_form_one_verb_are_read_together(text, status):
    assert statuses(text)[-1][1] == status  # the last saving is the one the verb is about


@pytest.mark.parametrize(("text", "expected"), [
    ("Of the £3m of savings approved in March, £2.2m (73%) have been banked.", [(3e6, "target"), (2.2e6, "achieved")]),
    ("Auditors recommend that £600,000 of the planned savings be treated as not yet achieved.",
     [(6e5, "target")]),
    ("Councillors will be told that £900,000 of this year's savings were not delivered.", [(9e5, "target")]),
])
def test_a_figure_that_opens_its_clause_takes_the_status_of_its_own_verb(text, expected):
    assert statuses(text) == expected


def test_a_status_word_that_introduces_the_next_figure_belongs_to_that_figure():
    text = "The merged payroll team saved £1.1m, £100,000 more than its target of £1m."
    assert statuses(text) == [(1.1e6, "achieved"), (1e5, "achieved"), (1e6, "target")]


def test_an_estimate_of_a_past_result_is_an_estimate():
    text = "Auditors estimate that the shared vehicle fleet has saved £240,000 since 2021."
    assert statuses(text) == [(2.4e5, "estimated")]
    assert statuses("Auditors checked the accounts, and the shared fleet has saved £240,000.") == [(2.4e5, "achieved")]


def test_a_status_word_in_a_comparison_describes_what_is_compared_with_not_the_saving():
    text = "Buying together, the two councils got a road salt price 15% lower than they would have paid alone."
    assert statuses(text) == [(15.0, "achieved")]


@pytest.mark.parametrize(("text", "status"), [
    ("The cabinet member told councillors that pooling the fleets would save £350,000 a year.", "target"),
    ("Officers said the new rota would cut overtime costs by £90,000.", "target"),
    ("Pooling the fleets would save £350,000 a year.", "estimated"),
    ("Officers said pooling the fleets would have saved £350,000 last year.", "estimated"),
])
def test_would_in_reported_speech_is_a_backshifted_will(text, status):
    assert [s for _, s in statuses(text)] == [status]


def test_a_participle_after_a_comma_describes_the_figure_before_it():
    text = "Unions oppose a £1.5m reduction in library spending, approved by members last week, which closes two branches."
    assert statuses(text) == [(1.5e6, "target")]


@pytest.mark.parametrize(("text", "status"), [
    ("The project has saved £420,000 since the hubs opened.", "achieved"),
    ("The digital project delivered savings of £420,000.", "achieved"),
    ("Savings are projected at £420,000 a year.", "estimated"),
    ("The council projects a saving of £420,000.", "estimated"),
])
def test_a_project_is_not_a_projection(text, status):
    assert [s for _, s in statuses(text)] == [status]


@pytest.mark.parametrize("text", [
    "Merging the two call centres can save £180,000 a year.",
    "A saving of £180,000 is possible if the call centres merge.",
    "The leader believes the merger will yield savings of £180,000.",
    "The budget assumes savings of £180,000 from the merger.",
])
def test_what_can_happen_or_is_assumed_is_an_estimate(text):
    assert [s for _, s in statuses(text)] == ["estimated"]


@pytest.mark.parametrize("text", [
    "The council will have to find a further £3m of savings.",
    "The council is seeking savings of £3m from its contracts.",
])
def test_an_obligation_or_a_search_is_a_target(text):
    assert [s for _, s in statuses(text)] == ["target"]


def test_savings_listed_under_a_budget_heading_are_planned():
    text = "Budget savings 2025/26\n- Merge the two museum teams - £140,000\n- Close the staff canteen - £60,000"
    assert statuses(text) == [(1.4e5, "target"), (6e4, "target")]
    text = "Savings delivered in 2023/24\n- Merged the two museum teams - £140,000"
    assert statuses(text) == [(1.4e5, "achieved")]


def test_a_status_word_in_a_heading_line_yields_to_the_figures_own_line():
    text = "Cabinet will consider the proposals\nSavings of £2m have already been delivered by the shared service."
    assert statuses(text) == [(2e6, "achieved")]
    wrapped = "The two councils will\nsave £2m once the teams have merged."
    assert statuses(wrapped) == [(2e6, "target")]


@pytest.mark.parametrize("text", [
    "The library review failed to deliver savings of £350,000.",
    "Undelivered savings of £350,000 roll into next year's budget.",
    "Savings of £350,000 from the fleet review are at risk.",
    "£350,000 of the fleet savings were deferred.",
    "The council did not achieve £350,000 of its planned savings.",
])
def test_savings_not_yet_had_are_still_targets(text):
    assert [s for _, s in statuses(text)] == ["target"]


@pytest.mark.parametrize("text", [
    "The council is working towards savings of £2.5m from its estate.",
    "The new rota is designed to save £2.5m over three years.",
    "The council wants to save £2.5m by merging depots.",
    "The council is consulting on savings of £2.5m.",
])
def test_more_ways_of_aiming_at_a_saving(text):
    assert [s for _, s in statuses(text)] == ["target"]


def test_the_council_puts_it_at_is_an_estimate():
    assert statuses("The council puts the value of the saving at £65,000 a year.") == [(65000.0, "estimated")]


@pytest.mark.parametrize("text", [
    "Officers had hoped to save £70,000 by sharing the print room.",
    "The council is to save £70,000 by sharing the print room.",
])
def test_hopes_and_what_is_to_happen_are_targets(text):
    assert [s for _, s in statuses(text)] == ["target"]


def test_a_relative_clause_does_not_hide_the_verb_that_governs_a_figure():
    text = "The £90,000 saving, which cabinet announced in June, will be delivered by April."
    assert statuses(text) == [(9e4, "target")]
    text = "The board will use the £90,000 it saved last year for youth work."
    assert statuses(text)[0] == (9e4, "achieved")


def test_a_figure_worked_out_at_current_prices_is_an_estimate():
    assert statuses("At current prices the heat pumps represent a saving of £48,000 a year.") == [(48000.0, "estimated")]


@pytest.mark.parametrize("text", [
    "Service heads have put forward savings worth £640,000 for next April.",
    "The cabinet has pencilled in another £1.2m of savings from the library review.",
])
def test_savings_put_forward_or_pencilled_in_are_proposals_not_results(text):
    assert [status for _, status in statuses(text)] == ["target"]


def test_money_of_a_target_and_the_target_itself_are_savings():
    text = "Renegotiated transport contracts have realised £900,000 of the £1.4m savings target."
    assert statuses(text) == [(9e5, "achieved"), (1.4e6, "target")]
    assert statuses("The care review met the £750,000 target set in March.") == [(7.5e5, "target")]


def test_a_status_word_on_the_next_line_belongs_to_that_lines_figure():
    text = "Savings summary\nForecast in the 2021 plan: £12m across the county\nAchieved by March 2024: £4.5m"
    assert statuses(text) == [(12e6, "estimated"), (4.5e6, "achieved")]


def test_a_sentence_opening_with_a_further_amount_adds_to_the_saving_before_it():
    text = ("Sharing a director with the district saved £150,000 last year.\n\n"
            "A further £85,000 is pencilled in for 2026/27, once the two legal teams merge.")
    assert statuses(text) == [(1.5e5, "achieved"), (8.5e4, "target")]


def test_a_result_a_council_estimates_is_an_estimate_however_near_the_verb():
    assert statuses("The county estimates that this has avoided £2.2m of care costs.") == [(2.2e6, "estimated")]
    assert statuses("Officers estimate the hub has saved £310,000.") == [(3.1e5, "estimated")]


def test_a_clause_about_the_figure_after_a_colon_gives_its_status():
    text = ("Shared procurement saved £1.2m last year. "
            "Another £400,000 is flagged amber; it will not be delivered until the new framework starts.")
    assert statuses(text) == [(1.2e6, "achieved"), (4e5, "target")]


@pytest.mark.parametrize("text", [
    "Merging the two call centres will save £240,000 a year, according to the council's own modelling.",
    "The scheme has cut repair bills by £90,000, according to officers' estimates.",
])
def test_a_figure_credited_to_a_forecast_or_model_is_an_estimate(text):
    assert [status for _, status in statuses(text)] == ["estimated"]


def test_a_plan_of_an_amount_is_a_target():
    text = "Back-office savings reached £2.1m against a plan of £2.6m."
    assert statuses(text) == [(2.1e6, "achieved"), (2.6e6, "target")]


@pytest.mark.parametrize("text", [
    "The three boroughs set out to cut £12m a year from shared corporate services by 2016.",
    "We are planning £8m of savings over the next two years.",
    "The 2024/25 budget included savings of £5.4m.",
    "Approval of the efficiencies in Appendix C, worth £2.2m, is recommended.",
    "Cabinet asks every directorate to deliver £1.5m of savings.",
    "A further £700,000 of savings was written off as undeliverable.",
])
def test_savings_set_out_planned_budgeted_sought_or_given_up_are_targets(text):
    assert [status for _, status in statuses(text)] == ["target"]


def test_a_target_met_is_achieved():
    assert statuses("The borough met its efficiency target, finding £900,000 without closing a library.") == [
        (900000.0, "achieved")]


@pytest.mark.parametrize(("text", "status"), [
    ("Savings of £1.1m rated red are unlikely to be achieved this year.", "target"),
    ("The £800,000 of savings in the 2025/26 budget is not expected to be delivered.", "target"),
    ("Of the £4m efficiencies in this year's budget, most are on course.", "target"),
    ("The audit confirms that £12m has now been taken out of the budget.", "achieved"),
])
def test_savings_unlikely_or_budgeted_are_targets_and_money_taken_out_is_achieved(text, status):
    assert [s for _, s in statuses(text)][:1] == [status]


@pytest.mark.parametrize(("text", "status"), [
    ("The proposal estimates that £2m a year could be found by merging the two teams.", "estimated"),
    ("The partnership's savings target was £1.5m a year.", "target"),
    ("Next year we need a further £800,000 of efficiencies.", "target"),
])
def test_a_status_noun_yields_to_the_verb_it_is_subject_of_but_not_to_was(text, status):
    assert [s for _, s in statuses(text)] == [status]


@pytest.mark.parametrize("text", [
    "The target set for the partnership this year was £1.5m of savings.",
    "Of the plan's savings, £700,000 has been pushed back a year.",
])
def test_a_figure_a_target_names_or_a_saving_pushed_back_is_a_target(text):
    assert [s for _, s in statuses(text)] == ["target"]


def test_planned_against_delivered_and_a_target_exceeded():
    text = ("Parks review - approved £200,000; achieved £240,000, exceeding target by £40,000\n"
            "Fleet: planned £90,000, delivered £60,000")
    assert statuses(text) == [(200000.0, "target"), (240000.0, "achieved"), (40000.0, "achieved"),
                              (90000.0, "target"), (60000.0, "achieved")]


@pytest.mark.parametrize(("text", "status"), [
    ("The business case said the new contracts would save £5m over ten years.", "estimated"),
    ("Plans to save £900,000 were not met in full; £300,000 of this remains outstanding.", "target"),
    ("Officers consider £400,000 of the savings to be at high risk.", "target"),
])
def test_what_a_forecast_says_is_an_estimate_and_savings_outstanding_or_at_risk_are_targets(text, status):
    assert [s for _, s in statuses(text)][-1:] == [status]


@pytest.mark.parametrize(("text", "status"), [
    ("The partners estimate that, once set-up costs are counted, the contract has saved about £4m to date.", "estimated"),
    ("By the council's own reckoning, the saving since 2019 is about £2m.", "estimated"),
    ("The service has been set a further saving of £300,000 for next year.", "target"),
    ("The plan requires savings of £12m.", "target"),
    ("£700,000 of efficiencies were built into the budget.", "target"),
])
def test_a_sentence_framed_as_an_estimate_is_one_and_savings_set_or_required_are_targets(text, status):
    assert [s for _, s in statuses(text)] == [status]


def test_a_share_of_the_target_has_the_status_of_the_savings_that_reached_it():
    text = "By March, savings of £5.2m had been delivered, 65% of the target."
    assert [(c.figure.text, c.kind, c.status) for c in classify_figures(text)] == [
        ("£5.2m", "saving", "achieved"), ("65%", "saving", "achieved")]


def test_a_figure_opening_its_clause_after_a_saving_takes_its_own_verb_past_a_share():
    text = "Savings planned for the year came to £40m; £30m, or 75%, was achieved."
    assert [(c.figure.text, c.kind, c.status) for c in classify_figures(text)] == [
        ("£40m", "saving", "target"), ("£30m", "saving", "achieved"), ("75%", "saving", "achieved")]


@pytest.mark.parametrize("text", [
    "Councils planned savings of £137m but delivered £117m, or 85%.",
    "Denbighshire reported full delivery of £6.4m.",
    "Croydon has reported savings of £95m.",
])
def test_savings_delivered_in_full_or_reported_are_achieved(text):
    assert statuses(text)[-1][1] == "achieved"


def test_a_participle_right_after_a_figure_is_its_status():
    text = "The dashboard shows £12m of savings delivered against £15m planned."
    assert [(c.figure.text, c.status) for c in classify_figures(text)] == [("£12m", "achieved"), ("£15m", "target")]


def test_money_a_plan_was_meant_to_save_is_a_target():
    assert statuses("The plan failed to deliver any of the £90,000 it was meant to save.") == [(90000.0, "target")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The outsourcing was expected to save £20m, of which only £3m materialised.", [(20e6, "estimated"), (3e6, "achieved")]),
    ("£5m of the savings written into the budget were never delivered.", [(5e6, "target")]),
])
def test_what_materialised_and_what_never_did(text, expected):
    assert statuses(text) == expected


@pytest.mark.parametrize("text", [
    "A further £150,000 is due to come out of the budget next year.",
    "Mae'r cyngor yn gorfod arbed £200,000 y flwyddyn nesaf.",
])
def test_money_due_to_come_out_and_a_welsh_must_save_are_targets(text):
    assert [s for _, s in statuses(text)] == ["target"]


def test_a_long_s_in_a_status_word_never_stops_the_reading():
    # IGNORECASE matches "ſaved" as "saved": the word's status is looked up case-folded, never raising.
    assert statuses("Savings of £2m ſaved last year were welcome.") == [(2e6, "achieved")]


@pytest.mark.parametrize("text", [
    "Finance officers have put a value of about £200,000 a year on the staff time freed.",
    "Our analysis of budget books suggests councils made savings of about £2bn a year.",
    "Officers now forecast that only £3m will be achieved.",
])
def test_a_value_put_on_something_an_analysis_that_suggests_and_a_forecast_are_estimates(text):
    assert [s for _, s in statuses(text)][-1:] == ["estimated"]


@pytest.mark.parametrize("text", [
    "Of the £9m of reductions built into the 2026/27 budget, most fall on adult care.",
    "This year's spending plan depends on £6.1m of efficiencies from the new contracts.",
    "The medium-term plan for 2026/27 includes £12m of service reductions.",
    "A further £700,000 of savings has been written out of the plan altogether.",
    "The £250,000 of cuts to mobile libraries that had been pencilled into next year's figures were dropped.",
    "Savings of £300,000 from the depot merger have not materialised.",
    "Delivery fell short of the year's savings requirement of £11m.",
])
def test_money_a_budget_counts_on_or_a_plan_has_lost_is_not_yet_saved(text):
    assert [s for _, s in statuses(text)][-1:] == ["target"]


@pytest.mark.parametrize(("text", "status"), [
    # A time opening the clause ("by the end of the year") is no plan: the figure's own verb says what happened.
    ("Councils set out savings of £90m, and by the end of the year £70m of recurring savings had been delivered.",
     "achieved"),
    ("By March £1.1m of savings had been banked.", "achieved"),
    ("By March 2027 £1.1m of savings will be needed.", "target"),
    ("The budget included savings of £9m. By year end £7.2m had been delivered.", "achieved"),
])
def test_a_figure_after_a_time_that_opens_its_clause_takes_its_own_verb(text, status):
    assert statuses(text)[-1][1] == status


def test_the_whole_a_saving_is_part_of_is_a_saving_with_its_own_status():
    assert statuses("Of the £6m we planned, £5.2m has been delivered so far.") == [(6e6, "target"), (5.2e6, "achieved")]
    # the part does not take the whole's status, nor the whole the status of the figure before it
    text = "The target is £9m. Benefits so far total £7.5m. Of the £7.5m, £6m is cashable and has come out of budgets."
    assert statuses(text)[-2:] == [(7.5e6, "achieved"), (6e6, "achieved")]
    # a whole that is a budget stays one
    assert statuses("Of the £20m budget, £2m was spent on agency staff.") == []


def test_a_list_item_does_not_take_the_status_of_the_item_before_it():
    text = ("Shortlisted this year:\n"
            "- Conwy: a heat network projected to save £400,000 a year.\n"
            "- Sutton: a pathway for care leavers, with placement costs down £1.1m.\n"
            "- Havant: the partnership shaved £15m off combined costs.")
    assert statuses(text) == [(4e5, "estimated"), (1.1e6, "achieved"), (1.5e7, "achieved")]
    # ... but a lead-in's status still reaches every item
    planned = "Savings planned for next year:\n- Merging depots: £300,000\n- Fewer agency staff: £200,000"
    assert statuses(planned) == [(3e5, "target"), (2e5, "target")]


@pytest.mark.parametrize(("text", "status"), [
    ("Cabinet agrees £2.5m saving from new home-care contracts", "target"),
    ("Council approves £800,000 cut to its office costs", "target"),
    ("Savings of £400,000 are unlikely this year because the posts are still filled.", "target"),
    ("The last £250,000 is unlikely to be found before March.", "target"),
])
def test_a_headline_that_agrees_or_approves_a_saving_and_one_unlikely_to_come_are_targets(text, status):
    assert statuses(text)[-1][1] == status


def test_a_past_tense_that_only_labels_a_figure_says_nothing_of_its_status():
    text = "Officers put forward savings of £4m. Of these, £1.5m were described as low risk."
    assert statuses(text) == [(4e6, "target"), (1.5e6, "target")]  # still proposals


@pytest.mark.parametrize(("text", "status"), [
    ("Some £300,000 of the savings planned for libraries could not be made this year.", "target"),
    ("We can report that savings from the merger have now passed £12m.", "achieved"),
    ("Savings of £2m could be made by merging the two teams.", "estimated"),
])
def test_money_that_could_not_be_made_is_a_target_and_a_report_is_no_hedge(text, status):
    assert statuses(text)[-1][1] == status


def test_what_a_case_for_change_says_is_an_estimate():
    text = "The case for change, written by consultants, says one council would be £60m better off over five years."
    assert statuses(text) == [(6e7, "estimated")]


def test_a_part_of_a_named_target_takes_its_own_verb():
    text = "Day services: £400,000 of the £1m target is unlikely this year because the posts are still filled."
    assert statuses(text)[0] == (4e5, "target")


def test_proposals_already_agreed_are_still_proposals_and_benefits_booked_are_savings_had():
    assert statuses("- savings proposals already agreed by the cabinet in March (£2.2m);") == [(2.2e6, "target")]
    assert statuses("Cashable benefits booked since the programme began: £3.1m.") == [(3.1e6, "achieved")]
