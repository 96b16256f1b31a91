"""How a partner's name is read when the page shortens it, lists its places or calls it a contractor, and when a
government is only the giver of councils' yearly funding (shopwindow.partners)."""

from __future__ import annotations

import pytest
from test_partners_kinds import named  # (name, kind) of each partner found


def test_the_opening_words_of_a_longer_name_on_the_page_are_that_body():
    text = ("Harbourside Council and NHS Wessex agree a joint team.\n\n"
            "Harbourside Council and NHS Wessex Integrated Care Board will share staff. Patients at Wessex General "
            "Hospital benefit. Wessex General Hospitals NHS Trust joins next year.")
    assert named(text) == [("NHS Wessex Integrated Care Board", "nhs"),
                           ("Wessex General Hospitals NHS Trust", "nhs")]


def test_a_longer_name_going_on_with_and_is_another_body():
    assert named("Avon Police and Avon Police and Crime Commissioner signed.") == [
        ("Avon Police", "police"), ("Avon Police and Crime Commissioner", "police")]


def test_an_nhs_body_named_by_a_comma_list_of_places_is_one_name():
    assert named("The council and NHS Upper, Middle and Lower Vale Clinical Commissioning Group pool funds.") == [
        ("NHS Upper, Middle and Lower Vale Clinical Commissioning Group", "nhs")]
    # bodies that each carry "NHS" stay apart
    assert named("NHS Fife, NHS Tayside and NHS Lothian agreed.") == [
        ("NHS Fife", "nhs"), ("NHS Tayside", "nhs"), ("NHS Lothian", "nhs")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The ten-year waste contract, signed in 2019, was awarded to Greenbin in March.", ("Greenbin", "company")),
    ("The council extended its road repairs contract with Tarmac Highway Services for two years.",
     ("Tarmac Highway Services", "company")),
    ("The licences came through supplier Chatterbox, which ran the web chat.", ("Chatterbox", "company")),
    ("Successful supplier: Breathe Easy Shire CIC\nValue: £1m", ("Breathe Easy Shire CIC", "company")),
    ("A contract with Serco for ICT and payroll saves £1m.", ("Serco", "company")),
])
def test_whoever_holds_a_councils_contract_is_a_partner(text, expected):
    assert named(text) == [expected]


def test_an_award_that_is_not_a_contract_or_a_plural_supplier_word_names_no_contractor():
    assert named("The prize was awarded to Jenny Smith. We pay our contractors the Real Living Wage.") == []


def test_a_council_holding_the_contract_is_not_a_partner():
    assert named("The contract with Northshire County Council runs to 2030.") == []


def test_a_one_word_company_the_page_introduces_is_named():
    assert named("The county's wholly owned company, Fenworks, runs the depots.") == [("Fenworks", "company")]


@pytest.mark.parametrize("text", [
    "After the Scottish Government settlement the council still has a gap of £8m.",
    "Councils' revenue funding from the Welsh Government fell by 2% in real terms.",
])
def test_a_government_giving_only_the_yearly_settlement_is_not_a_partner(text):
    assert named(text) == []


def test_a_government_funding_a_scheme_is_a_partner_even_beside_the_settlement():
    text = "The settlement rose by 3%. A Welsh Government grant paid for the new lorries."
    assert named(text) == [("Welsh Government", "other")]


def test_an_nhs_area_of_two_places_is_one_name():
    assert named("The pooled budget is held with NHS Upshire and Downdale under a section 75 agreement.") == [
        ("NHS Upshire and Downdale", "nhs")]
    assert named("The board is hosted with NHS Upshire & Downdale.") == [("NHS Upshire & Downdale", "nhs")]


def test_a_council_or_a_second_nhs_body_after_an_nhs_area_stays_apart():
    assert named("NHS Upshire and NHS Downdale agreed.") == [("NHS Upshire", "nhs"), ("NHS Downdale", "nhs")]
    assert named("NHS Upshire and Downdale Council pool £4m.") == [("NHS Upshire", "nhs")]
