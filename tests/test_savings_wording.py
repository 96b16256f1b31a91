"""Which figures are savings: the shapes of English a saving is written in, beyond the cue words themselves."""

from __future__ import annotations

import pytest
from shopwindow.savings import extract_savings
from test_savings_classify import kinds  # (figure as written, kind) for each figure


@pytest.mark.parametrize(("text", "expected"), [
    ("Back-office efficiencies - mostly printing and postage handled by one supplier instead of four - are now "
     "put at £82,000.", [("£82,000", "saving")]),
    ("Members approved the one-off cost of merging the two phone systems (£60,000).",
     [("£60,000", "investment")]),
])
def test_an_aside_in_dashes_or_brackets_does_not_separate_a_figure_from_its_words(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text", [
    "Net savings were £1.2m after start-up costs of £150,000.",
    "The merger saved £900,000 once implementation costs of £150,000 were met.",
    "Transition costs of £150,000 will be met from reserves.",
])
def test_the_cost_of_making_a_change_is_an_investment_not_a_saving(text):
    assert ("£150,000", "investment") in kinds(text)


def test_a_figure_after_worth_is_the_money_value_of_the_change_just_described():
    text = ("The shared team is expected to reduce spending on agency social workers in the two boroughs by a third, "
            "worth roughly £250,000 a year.")
    assert kinds(text) == [("£250,000", "saving")]
    assert kinds("Volunteers planted 4,000 trees across the district, worth £30,000.") == [("£30,000", "other")]


@pytest.mark.parametrize("text", [
    "The five districts now save £2m a year on shared IT.\n\nThe helpdesk alone accounts for £300,000 of that.",
    "The five districts now save £2m a year on shared IT.\n\nThe helpdesk contributes about £300,000 of the annual figure.",
])
def test_a_part_of_a_saving_just_named_is_a_saving_even_in_the_next_paragraph(text):
    assert kinds(text) == [("£2m", "saving"), ("£300,000", "saving")]


def test_a_figure_of_this_years_budget_is_not_a_part_of_the_saving_before_it():
    text = "The five districts now save £2m a year on shared IT.\n\nIT takes £9m of this year's budget."
    assert kinds(text) == [("£2m", "saving"), ("£9m", "budget")]


@pytest.mark.parametrize("text", [
    "Joint buying won the three councils a fuel price 8% lower than the regional average.",
    "The new framework secured fees about £40,000 lower than last year's.",
])
def test_a_price_lower_than_another_is_a_saving_whatever_verb_obtained_it(text):
    assert [k for _, k in kinds(text)] == ["saving"]


def test_a_figure_described_in_saving_words_in_the_paragraph_after_a_saving_is_a_saving():
    text = ("Shared payroll delivered savings of £1.4m in 2023.\n\n"
            "The outstanding £300,000 is carried into next year's plan as a target.")
    assert kinds(text) == [("£1.4m", "saving"), ("£300,000", "saving")]
    assert kinds("Shared payroll delivered savings of £1.4m in 2023.\n\nThe office move cost £300,000.")[1][1] != "saving"


def test_money_delivered_with_no_other_word_for_it_is_a_saving():
    assert kinds("By March the transformation board had delivered £2.7m, ahead of plan.") == [("£2.7m", "saving")]
    assert kinds("The team delivered £2.7m of new income from parking.") == [("£2.7m", "income")]


@pytest.mark.parametrize("text", [
    "Merging the two payroll teams trimmed £85,000 from the wage bill.",
    "The new rota took £85,000 out of the council's overtime budget.",
    "Renegotiating the leases shaved £85,000 a year.",
    "Joining the two pension teams is releasing £85,000 a year for front-line work.",
    "The falls service has prevented £85,000 of hospital spending.",
    "The shared depot gives lower fleet costs of £85,000 a year.",
])
def test_more_ways_of_taking_money_off_spending(text):
    assert [k for _, k in kinds(text)] == ["saving"]


@pytest.mark.parametrize("text", [
    "The net saving to the General Fund is £75,000 a year.",
    "Ending the lease gives a saving to the Housing Revenue Account of £75,000.",
    "Revenue savings of £75,000 come from the shared helpdesk.",
])
def test_a_councils_own_accounts_are_not_grants_or_income(text):
    assert [k for _, k in kinds(text)] == ["saving"]


def test_a_named_fund_is_still_a_grant():
    assert [k for _, k in kinds("The scheme received £75,000 from the Towns Fund.")] == ["grant"]


def test_what_partners_fund_is_what_they_spend():
    text = "The two councils will fund a £90,000 mediation team, which they say will save £200,000 a year."
    assert kinds(text) == [("£90,000", "investment"), ("£200,000", "saving")]


def test_a_sentence_whose_only_kind_words_are_saving_words_is_about_a_saving():
    text = "The savings from pooling the three districts' fleets and depots now come to £410,000."
    assert kinds(text) == [("£410,000", "saving")]
    text = ("The leader, who first proposed the idea to the three districts in the spring of 2019, says it is "
            "£410,000.")
    assert kinds(text) == [("£410,000", "other")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sharing one legal team saved the two boroughs £380,000 in staffing costs.", [("£380,000", "saving")]),
    ("The new boilers save tenants £380,000 on their heating bills.", [("£380,000", "saving")]),
    ("The new franking machine saved £38,000 in postage costs and £9,000 in paper.",
     [("£38,000", "saving"), ("£9,000", "saving")]),
    ("The depot incurred £380,000 in repair costs.", [("£380,000", "budget")]),
])
def test_costs_a_saving_came_off_do_not_make_it_a_budget(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Since the move the council no longer pays £65,000 a year in rent.", [("£65,000", "saving")]),
    ("The council stopped spending £65,000 a year on pool cars.", [("£65,000", "saving")]),
    ("The council avoided paying £65,000 in late-payment fees.", [("£65,000", "saving")]),
    ("The council now pays £240,000 a year for the service, £65,000 less than before.",
     [("£240,000", "budget"), ("£65,000", "saving")]),
])
def test_spending_that_stopped_is_a_saving_and_what_is_still_paid_is_not(text, expected):
    assert kinds(text) == expected


def test_a_proposal_to_do_less_carries_a_saving_under_a_plan_heading():
    text = ("Our proposals for next year\n"
            "- Emptying litter bins less often (£45k)\n"
            "- Closing the Tuesday market office (£30k)\n"
            "- Opening a new youth club (£20k)")
    assert kinds(text) == [("£45k", "saving"), ("£30k", "saving"), ("£20k", "other")]


@pytest.mark.parametrize("text", [
    "Officers think the new triage team avoids £1.7m of hospital discharge costs a year.",
    "Fixing leaks early avoids £85,000 in call-out charges.",
])
def test_spending_a_change_avoids_is_a_saving(text):
    assert [kind for _, kind in kinds(text)] == ["saving"]


@pytest.mark.parametrize("text", [
    "The new framework has taken £2.2m out of its yearly agency spend.",
    "Paperless committees took £45,000 out of printing costs.",
    "Route planning took £310,000 out of the cost of school transport.",
])
def test_money_taken_out_of_spending_or_costs_is_a_saving(text):
    assert [kind for _, kind in kinds(text)] == ["saving"]


@pytest.mark.parametrize("text", [
    "The county's subsidy to the ferry has fallen by £75,000 a year.",
    "Cleaning costs across the two depots have dropped by £48,000.",
])
def test_what_the_council_pays_falling_by_an_amount_is_a_saving(text):
    assert [kind for _, kind in kinds(text)] == ["saving"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Heating bills for its five office buildings fell by 30%.", [("30%", "saving")]),
    ("Savings found this year:\n- Insulation and new boilers in school buildings, £95,000", [("£95,000", "saving")]),
    ("The council is building a new depot for £4m.", [("£4m", "investment")]),
])
def test_buildings_are_where_a_saving_was_made_while_building_is_an_investment(text, expected):
    assert kinds(text) == expected


def test_a_list_item_takes_its_lead_ins_kind_when_no_kind_word_is_near_its_figure():
    text = ("Where this year's savings come from:\n"
            "- Contracts: retendering cleaning and security jointly with the fire and police services, £260,000")
    assert kinds(text) == [("£260,000", "saving")]


@pytest.mark.parametrize("text", [
    "The business case said £6.5m a year once both depots had closed.",
    "Its business case puts the figure at roughly £2m over five years.",
])
def test_money_a_business_case_states_is_a_forecast_saving(text):
    [saving] = extract_savings(text)
    assert saving.status == "estimated"


@pytest.mark.parametrize("text", [
    "Government funding for the county's schools transport fell by £3.2m over four years.",
    "Ministers' settlement means a real-terms cut of £9m for the borough.",
    "The council faces a cut of £4m in its core grant next year.",
])
def test_a_cut_in_what_the_government_gives_is_a_grant_cut_not_a_saving(text):
    assert [kind for _, kind in kinds(text)] == ["grant"]


def test_money_a_sale_is_bringing_in_is_income():
    assert kinds("The county is selling two farms, bringing in £2.4m for the capital programme.") == [
        ("£2.4m", "income")]


def test_trimming_costs_by_an_amount_is_a_saving_though_costs_sit_nearer():
    assert kinds("Merging the two contact centres is trimming staffing costs by £90,000.") == [("£90,000", "saving")]


def test_a_one_off_payment_after_a_saving_is_money_paid_not_saved():
    text = "The new lease saves £140,000 a year. The council will pay a one-off £60,000 to end the old one."
    assert kinds(text) == [("£140,000", "saving"), ("£60,000", "budget")]


@pytest.mark.parametrize("text", [
    "The joint depot will cut the two councils' combined fleet maintenance bill by £210,000 a year.",
    "Smart meters cut heating costs across the whole civic estate by £95,000.",
])
def test_cutting_a_long_named_cost_by_an_amount_is_a_saving(text):
    assert [kind for _, kind in kinds(text)] == ["saving"]


@pytest.mark.parametrize(("text", "kind"), [
    ("The winning tender came in £240,000 under the existing contract.", "saving"),
    ("The successful bid was £130,000 below the current price.", "saving"),
    ("Composting the green waste costs £70,000 below the cost of landfill each year.", "saving"),
    ("The library refit finished £40,000 under budget.", "budget"),
])
def test_money_under_what_the_alternative_costs_is_a_saving_but_under_budget_is_not(text, kind):
    assert [k for _, k in kinds(text)] == [kind]


def test_money_a_change_will_release_is_a_saving():
    assert kinds("Closing the annex is expected to release £65,000 a year.") == [("£65,000", "saving")]


@pytest.mark.parametrize("text", [
    "The in-house team works at an hourly rate of £48.",
    "A cleaner on the old contract cost the council about £19 a session.",
])
def test_a_unit_cost_needs_no_per(text):
    assert [kind for _, kind in kinds(text)] == ["unit_cost"]


def test_staff_time_freed_is_a_saving_at_the_value_put_on_it():
    text = "Automating invoice matching has freed the equivalent of six posts, worth £190,000 a year."
    assert kinds(text) == [("£190,000", "saving")]



def test_a_tax_rise_is_a_rate_not_a_budget():
    assert kinds("Band D council tax goes up by 2.99% in April.") == [("2.99%", "other")]


@pytest.mark.parametrize("text", [
    "The boilers were paid for with a £1.8m interest-free loan from Salix.",
    "The new street lights were funded by a £900,000 low-interest loan.",
])
def test_a_loan_is_borrowing_not_a_grant(text):
    assert [kind for _, kind in kinds(text)] == ["investment"]


def test_an_nhs_cost_improvement_is_a_saving():
    assert kinds("The trust's cost improvement programme delivered £8.2m this year.") == [("£8.2m", "saving")]


@pytest.mark.parametrize("text", [
    "Folding the two finance teams into one removed £430,000 of salary costs.",
    "The review will take out a further £275,000 from back-office spending.",
    "Tighter checks on care invoices helped the county claw back £190,000.",
    "Voluntary exits are now yielding £3m a year in reduced staffing costs.",
])
def test_money_removed_taken_out_or_clawed_back_is_a_saving(text):
    assert [kind for _, kind in kinds(text)] == ["saving"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The district set itself a target of £800,000 by 2019.", [("£800,000", "saving")]),
    ("The leisure trust's income target of £2m was met.", [("£2m", "income")]),
    ("Benefits to date come to £6.1m.", [("£6.1m", "saving")]),
    ("The new rota kept £90,000 in the budget that would otherwise have gone on overtime.", [("£90,000", "saving")]),
    ("Shutting two depots on Sundays, worth about £120,000 a year, is also proposed.", [("£120,000", "saving")]),
    ("The council sold three offices it no longer needed, for a total of £2.6m.", [("£2.6m", "other")]),
])
def test_money_targets_benefits_and_the_value_of_doing_less_are_savings(text, expected):
    assert kinds(text) == expected


def test_what_is_put_at_a_figure_says_what_it_is_and_putting_is_valuing():
    text = "The evaluation puts the fall in the county's spending on residential placements and agency staff at £1.8m."
    assert [(s.amount_gbp, s.status) for s in extract_savings(text)] == [(1.8e6, "estimated")]
    text = "The finance director puts the savings already banked at £3m."
    assert [(s.amount_gbp, s.status) for s in extract_savings(text)] == [(3e6, "achieved")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Upkeep of the old depots, about £400,000 a year, no longer falls on the council.", [("£400,000", "saving")]),
    ("Councils' core spending power fell by 18% in real terms over the decade.", [("18%", "grant")]),
])
def test_costs_that_no_longer_fall_on_the_council_are_saved_but_a_fall_in_spending_power_is_funding(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Of the £3m savings plan, only £1.9m is now forecast to be achieved.", [("£3m", "saving"), ("£1.9m", "saving")]),
    ("By month 9, £6.4m were on track.", [("£6.4m", "saving")]),
    ("The library budget of £3m was delivered on time.", [("£3m", "budget")]),
    ("Cashable savings against last year's supplier prices: £640,000.", [("£640,000", "saving")]),
    ("- Shared contract savings: about £1m a year.", [("£1m", "saving")]),
])
def test_money_said_to_be_delivered_on_track_or_labelled_savings_is_a_saving(text, expected):
    assert kinds(text) == expected


def test_a_saving_that_rises_to_a_new_figure_is_still_the_saving():
    text = "The merger saved £1.2m in its first year. The council says the figure rises to £2m a year from 2026."
    assert kinds(text) == [("£1.2m", "saving"), ("£2m", "saving")]


def test_what_the_council_would_have_paid_more_is_a_saving_but_what_it_would_have_paid_is_not():
    assert kinds("Without the new boilers we would have paid about £300,000 more in the last two years.") == [
        ("£300,000", "saving")]
    assert kinds("We would have paid £300,000 for the boilers.") == [("£300,000", "other")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The £600,000 from the car park deal is not a saving at all.", [("£600,000", "other")]),
    ("Shorter hours will save £150,000, leaving about £250,000 still to find.",
     [("£150,000", "saving"), ("£250,000", "funding_gap")]),
    ("The team saved £90,000. The cost of a phone call is now put at £2.90.", [("£90,000", "saving"), ("£2.90", "unit_cost")]),
])
def test_a_denied_saving_what_is_left_to_find_and_the_cost_of_one_call_are_not_savings(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Moving to online forms was worth £300,000 to the council last year.", [("£300,000", "saving")]),
    ("The cheaper tariff is worth about £80,000 in its first year.", [("£80,000", "saving")]),
    ("The new depot spares the county roughly £45,000 a year.", [("£45,000", "saving")]),
    ("Selling the annexe will shed £200,000 of upkeep.", [("£200,000", "saving")]),
    ("The change leaves the council £150,000 a year better off.", [("£150,000", "saving")]),
    ("Mae'r cyngor wedi arbed £90,000 eleni.", [("£90,000", "saving")]),
    ("The prices we pay fell by 3% next year, which equals £120,000.", [("3%", "saving"), ("£120,000", "saving")]),
    ("Energy bought in bulk came in £60,000 below what the council would have paid.", [("£60,000", "saving")]),
    ("The scheme has saved £2m since 2021, and about £700,000 last year alone.", [("£2m", "saving"), ("£700,000", "saving")]),
])
def test_more_ways_a_page_says_the_council_is_better_off(text, expected):
    assert kinds(text) == expected


def test_a_change_that_is_worth_money_is_an_estimate_and_one_that_was_worth_it_is_achieved():
    assert [s.status for s in extract_savings("The cheaper tariff is worth about £80,000 a year.")] == ["estimated"]
    assert [s.status for s in extract_savings("The shift to online forms was worth £300,000 to the council.")] == [
        "achieved"]


@pytest.mark.parametrize(("text", "expected"), [
    ("- £250,000 from the renegotiation of the cleaning contract", [("£250,000", "saving")]),
    ("The £600,000 from merging the two contact centres is the largest item.", [("£600,000", "saving")]),
    ("The council raised £2m from the sale of the depot.", [("£2m", "income")]),
    ("By March, £4.2m (80%) had been delivered.", [("£4.2m", "saving"), ("80%", "saving")]),
    ("Officers said £1.1m a year was being achieved by 2019.", [("£1.1m", "saving")]),
    ("One-off costs were put at £45,000.", [("£45,000", "investment")]),
])
def test_money_from_a_change_or_said_to_be_delivered_is_saved_but_one_off_costs_are_not(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Savings from merging the two legal teams and their contracts reached £400,000 a year by 2019.",
     [("£400,000", "saving")]),
    ("The reductions in the base budget that the programme made total £2.2m.", [("£2.2m", "saving")]),
    ("Adur's share of the saving was £300,000, Worthing's £500,000 and Arun's £200,000.",
     [("£300,000", "saving"), ("£500,000", "saving"), ("£200,000", "saving")]),
])
def test_a_sentence_about_the_savings_says_what_they_came_to_and_a_list_of_shares_shares_its_kind(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("- £300,000 from a new contract for street cleaning;", [("£300,000", "saving")]),
    ("The tablets cost £2m; savings on printing are put at £150,000 a year.", [("£2m", "budget"), ("£150,000", "saving")]),
    ("Fuel costs fell by £80,000, a saving of just over 40%.", [("£80,000", "saving"), ("40%", "saving")]),
])
def test_a_new_contract_the_savings_a_clause_is_about_and_a_share_just_over(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("- £150,000 from sharing the revenues and benefits service with a neighbour;", [("£150,000", "saving")]),
    ("The borough began a £12m programme of savings in 2023.", [("£12m", "saving")]),
    ("The merger should save £400,000 a year, with about £90,000 coming this year.",
     [("£400,000", "saving"), ("£90,000", "saving")]),
    ("The lower rates are worth about £300,000 a year to Kent and £200,000 to Medway.",
     [("£300,000", "saving"), ("£200,000", "saving")]),
])
def test_a_service_named_revenues_a_programme_of_savings_and_savings_worth_money_to_named_councils(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The borough expects the new rounds to shave £300,000 a year off collection costs.", [("£300,000", "saving")]),
    ("Gas use at the depot has fallen by 40% since 2021, worth about £60,000 a year.", [("40%", "other"), ("£60,000", "saving")]),
    ("The review found efficiencies of £500,000, of which members approved £350,000.",
     [("£500,000", "saving"), ("£350,000", "saving")]),
    ("The council saved £1m. The remaining £200,000 was deferred to next year.", [("£1m", "saving"), ("£200,000", "saving")]),
    ("Earlier help has avoided costs of about £700,000 a year.", [("£700,000", "saving")]),
    ("New lifecycle charges have taken £1.2m off what the council would otherwise have paid.", [("£1.2m", "saving")]),
    ("Handing over the pavilions takes £80,000 a year of upkeep off the council's books.", [("£80,000", "saving")]),
])
def test_money_shaved_off_avoided_or_taken_off_the_books_and_the_rest_of_a_saving(text, expected):
    assert kinds(text) == expected


def test_a_list_of_councils_amounts_shares_the_kind_of_the_first():
    assert kinds("Oldham has made reductions of £90m, Rochdale £80m and Bury £70m.") == [
        ("£90m", "saving"), ("£80m", "saving"), ("£70m", "saving")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Member councils pay about 15% less than they would for agency lawyers, which they estimate adds up to £250,000 a year.",
     [("15%", "saving"), ("£250,000", "saving")]),
    ("The two districts have spent about 12% less on the service since they merged it.", [("12%", "saving")]),
    ("A second review might yield £500,000 a year more.", [("£500,000", "saving")]),
])
def test_paying_or_spending_less_what_it_adds_up_to_and_what_a_review_yields_are_savings(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The cap has held down agency costs by £900,000 since 2022.", [("£900,000", "saving")]),
    ("The hubs were credited with cutting £2m from care spending.", [("£2m", "saving")]),
    ("The partnership's savings fell from £1.2m in 2019 to £0.4m once it was wound up.",
     [("£1.2m", "saving"), ("£0.4m", "saving")]),
    ("The team cut the cost of a licence from £90 to £60.", [("£90", "other"), ("£60", "other")]),
])
def test_costs_held_down_or_cut_from_spending_and_levels_of_savings_are_savings(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("That leaves £2m of this year's savings undelivered.", [("£2m", "saving")]),
    ("Since 2018 the revenue budget has been relieved of £6m.", [("£6m", "saving")]),
    ("The budget asks services to deliver £9m over two years, with about £4m of that next year.",
     [("£9m", "saving"), ("£4m", "saving")]),
    ("£80,000 of it had already been achieved.", [("£80,000", "saving")]),
])
def test_savings_left_undelivered_relieved_asked_for_or_already_achieved(text, expected):
    assert kinds(text) == expected


def test_a_cut_told_past_an_aside_between_dashes_is_a_saving():
    assert kinds("Closing the annexe cuts running costs - heat, light and cleaning - by £90,000 a year.") == [
        ("£90,000", "saving")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Norfolk sells its old depot for £3m", [("£3m", "income")]),
    ("Grit now costs £50 a tonne, compared with £64 under the old contract.", [("£50", "unit_cost"), ("£64", "budget")]),
    ("The partners say they have saved £5m since 2015.\n- Collection rate: 97%\n- Annual running cost: £3.1m",
     [("£5m", "saving"), ("97%", "other"), ("£3.1m", "budget")]),
])
def test_a_sale_a_price_compared_with_the_old_one_and_a_running_cost_under_a_saving_are_not_savings(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text", [
    "The county has absorbed £40m of reductions to its core budget since 2012.",
    "Officers propose £3.5m of further reductions, mainly in back-office teams.",
    "The borough hopes to trim £250,000 from what it spends on taxis for pupils.",
    "The new rota will shave £90,000 from the overtime bill.",
])
def test_reductions_counted_in_money_and_money_trimmed_from_spending_are_savings(text):
    assert [kind for _, kind in kinds(text)] == ["saving"]


@pytest.mark.parametrize(("text", "saving"), [
    ("Next year's budget includes £4.2m of savings.", True),
    ("The plan carries £900,000 of procurement efficiencies.", True),
    ("The budget has to absorb £5m of reductions in grant.", False),
    ("Leaving the partnership could cost £1m in one-off costs and reduce savings by £600,000.", False),
])
def test_money_counted_in_savings_is_saving_even_inside_a_budget(text, saving):
    assert (kinds(text)[0][1] == "saving") == saving


def test_a_further_amount_after_a_saving_is_more_saving_though_a_budget_word_follows_at_a_distance():
    text = ("The council saved £1m on its energy contracts last year. "
            "A further £350,000 is expected next year as more contracts come up for renewal.")
    assert kinds(text) == [("£1m", "saving"), ("£350,000", "saving")]
    # ... but a budget named right after the amount is a budget
    assert kinds("The council saved £1m on energy. A further £350,000 budget was agreed.")[1] == ("£350,000", "budget")


@pytest.mark.parametrize("text", [
    "The programme needs savings of £40m. Of these, £12m are rated high risk.",
    "The merger saved £3.2m, of which £1.9m came in the first year.",
])
def test_a_part_named_before_its_whole_is_part_of_the_saving(text):
    assert [kind for _, kind in kinds(text)] == ["saving", "saving"]


@pytest.mark.parametrize("text", [
    "Nearly 90% of the savings agreed in 2022 have now been delivered.",
    "The pool cars cut staff mileage claims by 30% in their first year.",
])
def test_a_share_of_the_savings_and_a_cut_in_mileage_claims_are_savings(text):
    assert [kind for _, kind in kinds(text)] == ["saving"]


def test_money_a_council_has_found_is_saved():
    assert kinds("Since 2010 the county has found £210m, and it must find another £40m.") == [
        ("£210m", "saving"), ("£40m", "saving")]


def test_the_largest_items_of_a_saving_just_named_are_parts_of_it():
    text = ("The merged service saved £9m last year. "
            "The largest items were senior management (£4.1m) and a single ICT platform (£2.9m).")
    assert [kind for _, kind in kinds(text)] == ["saving", "saving", "saving"]
    # with no saving before them, the largest items of a budget are not savings
    found = kinds("The largest items of spending were care (£40m) and roads (£12m).")
    assert [(written, kind == "saving") for written, kind in found] == [("£40m", False), ("£12m", False)]


@pytest.mark.parametrize("text", [
    "Interest costs were £900,000 lower than budgeted; this is timing and should not be read as a saving.",
    "A £1.5m fall in tonnages was not accepted as a saving because volumes, not a decision, drove it.",
    "Rather than a saving, splitting the service has added around £0.8m a year.",
    "The council records no saving and a net cost increase of £120,000 a year.",
])
def test_money_the_page_says_is_no_saving_is_not_one(text):
    found = kinds(text)
    assert len(found) == 1 and found[0][1] != "saving"  # the one figure is read, and not as a saving


def test_money_that_has_materialised_is_a_saving_had():
    assert kinds("Officers said about £90,000 a year has materialised from the joint depot.") == [("£90,000", "saving")]


def test_money_at_risk_or_that_will_not_be_achieved_is_savings_not_yet_had():
    text = "£3.0m is on track; £0.9m is at risk; the last £400,000 will not be achieved this year."
    assert [kind for _, kind in kinds(text)] == ["saving"] * 3
    assert kinds("A £2m budget is at risk.") == [("£2m", "budget")]


def test_a_difference_between_two_costs_is_a_saving_unless_it_is_to_be_paid_for():
    text = "Running payroll in-house is forecast to cost £2.2m a year, a difference of £400,000."
    assert kinds(text) == [("£2.2m", "budget"), ("£400,000", "saving")]
    text = "The tender came in above the estimate. The difference of around £90,000 will be met from the contingency."
    assert kinds(text) == [("£90,000", "funding_gap")]


def test_a_part_after_its_whole_and_avoided_fees_are_savings():
    assert kinds("Of the £9m of savings built into the budget, £6.5m was delivered in year.") == [
        ("£9m", "saving"), ("£6.5m", "saving")]
    assert kinds("The in-house agency reports avoided fees of £210,000 in its first year.") == [("£210,000", "saving")]
