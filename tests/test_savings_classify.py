"""Which figures are savings, their status, period, year and councils; service area and delivery model."""

from __future__ import annotations

import pytest

from shopwindow.classify import DELIVERY_MODELS, SERVICE_AREAS, classify
from shopwindow.savings import classify_figures, extract_savings


def kinds(text: str) -> list[tuple[str, str]]:
    return [(c.figure.text, c.kind) for c in classify_figures(text)]


def test_saving_and_investment_in_one_sentence_are_told_apart():
    assert kinds("Kirklees Council has saved £2.1m a year and invested £400,000 in software.") == [
        ("£2.1m", "saving"), ("£400,000", "investment")]


@pytest.mark.parametrize(("text", "kind"), [
    ("The council has a net revenue budget of £300m.", "budget"),
    ("It faces a £20m funding gap next year.", "funding_gap"),
    ("A £5m cut in government grant hit services.", "grant"),
    ("The project received £1.2m from the Local Growth Fund.", "grant"),
    ("The trading company generated £300k of income.", "income"),
    ("Care packages cost £450 per week per client.", "unit_cost"),
    ("Collections cost £35 per household.", "unit_cost"),
    ("The new system avoided costs of £600,000.", "saving"),
    ("Efficiencies worth £3m were delivered.", "saving"),
])
def test_figure_kinds(text, kind):
    assert [k for _, k in kinds(text)] == [kind]


@pytest.mark.parametrize(("text", "status"), [
    ("The council has saved £2m.", "achieved"),
    ("The scheme saved £2m last year.", "achieved"),
    ("The council aims to save £12m.", "target"),
    ("The service will save £1m.", "target"),
    ("There is a savings target of £5m.", "target"),
    ("The shared service could save up to £1.5m.", "estimated"),
    ("Savings of £3m are expected once it goes live.", "estimated"),
    ("The council could have saved £2m.", "estimated"),
    ("Projected savings of £800,000 were reported to cabinet.", "estimated"),
])
def test_saving_status(text, status):
    [saving] = extract_savings(text)
    assert saving.status == status


@pytest.mark.parametrize(("text", "period"), [
    ("It has saved £2m a year.", "annual"),
    ("It saves £2m per annum.", "annual"),
    ("It has saved £10m since 2015.", "cumulative"),
    ("It has saved £10m to date.", "cumulative"),
    ("It will save £10m over five years.", "cumulative"),
    ("A one-off saving of £250,000 was made.", "one-off"),
    ("It saved £250,000.", None),
])
def test_saving_period(text, period):
    [saving] = extract_savings(text)
    assert saving.period == period


def test_saving_keeps_fiscal_year_councils_and_quote():
    text = "Background first. Ipswich BC and Suffolk County Council saved £9.1m in 2018-19 through joint working."
    [saving] = extract_savings(text)
    assert saving.fiscal_year == "2018-19"
    assert saving.councils == ["E07000202", "E10000029"]
    assert saving.quote == text.split(". ", 1)[1]
    assert saving.amount_text == "£9.1m"


def test_sector_wide_figures_name_no_council():
    [saving] = extract_savings("Councils across England have saved £6bn since 2010, the LGA said.")
    assert saving.sector_wide and saving.councils == [] and saving.period == "cumulative"


def test_percentage_savings_and_percentages_that_describe_a_money_saving():
    [saving] = extract_savings("The redesign cut costs by 25%.")
    assert (saving.amount_gbp, saving.percent) == (None, 25)
    [saving] = extract_savings("The move saved £2m (10%) on the contract.")
    assert (saving.amount_gbp, saving.percent) == (2e6, 10)


def test_single_hinted_council_owns_savings_whose_sentence_names_none():
    [saving] = extract_savings("We have saved £2m on bins.", councils_hint=["E06000018"])
    assert saving.councils == ["E06000018"]
    [saving] = extract_savings("We have saved £2m on bins.", councils_hint=["E06000018", "E10000024"])
    assert saving.councils == []


def test_text_without_savings_gives_none():
    assert extract_savings("The council's budget is £300m and it received a £2m grant.") == []
    assert extract_savings("") == []


@pytest.mark.parametrize(("title", "body", "area", "model"), [
    ("Shared waste service", "Two councils merged their waste and recycling teams into a shared service.",
     "waste_environment", "shared_service"),
    ("Leisure company", "The council set up a wholly owned company to run its leisure centres.",
     "culture_leisure", "trading_company"),
    ("Digital front door", "Using AI and a chatbot, the contact centre cut call volumes by moving forms online.",
     "customer_services", "digital_channel_shift"),
    ("Discharge to assess", "Integrated care with the NHS got older people home from hospital sooner, with reablement.",
     "adult_social_care", "health_integration"),
    ("Staff mutual", "Library staff formed a public service mutual, a social enterprise that now runs libraries.",
     "culture_leisure", "mutual"),
])
def test_service_area_and_delivery_model(title, body, area, model):
    result = classify(body, title=title)
    assert (result.service_area, result.delivery_model) == (area, model)


def test_text_about_nothing_in_particular_is_unclassified():
    result = classify("The meeting was held on Tuesday.", title="Minutes")
    assert (result.service_area, result.delivery_model) == (None, None)


def test_taxonomy_is_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "taxonomy.md").read_text(encoding="utf-8")
    for slug in list(SERVICE_AREAS) + list(DELIVERY_MODELS):
        assert f"`{slug}`" in doc, slug


def test_a_percentage_fall_in_something_other_than_money_is_not_a_saving():
    assert kinds("Hospital admissions fell by about 9% among the people supported.") == [("9%", "other")]
    assert kinds("Printing costs fell by 30% after the move online.") == [("30%", "saving")]


def test_averages_per_person_are_unit_figures():
    assert kinds("Tenants who joined saved an average of £180 a year on heating.") == [("£180", "unit_cost")]


def test_a_saving_without_its_own_status_word_takes_the_one_before_it():
    statuses = [c.status for c in classify_figures("The council expects costs to drop by 20%, saving about £3m a year.")]
    assert statuses == ["estimated", "estimated"]
    [saving] = extract_savings("The council expects costs to drop by 20%, saving about £3m a year.")
    assert (saving.amount_gbp, saving.percent, saving.status) == (3e6, 20, "estimated")


def test_a_gerund_at_the_start_of_a_sentence_is_not_a_plan():
    [saving] = extract_savings("Planning rounds jointly has saved roughly £90,000 in its first year.")
    assert saving.status == "achieved"


def test_page_furniture_on_its_own_line_stays_out_of_the_quote():
    [saving] = extract_savings("Published: 3 March 2021\nGedling BC has saved £80,000 by sharing its payroll team.")
    assert saving.quote == "Gedling BC has saved £80,000 by sharing its payroll team."
