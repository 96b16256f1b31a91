"""Bodies a page names in a role other than partner: the publisher under whose masthead the page appears and who
is then only its voice, and a government that only gives councils their yearly settlement (shopwindow.partnerroles,
applied by shopwindow.partners)."""

from __future__ import annotations

import pytest
from test_partners_kinds import named  # (name, kind) of each partner found


def test_an_auditor_heading_its_own_findings_is_no_partner():
    text = ("National Audit Office\nLocal bus subsidies: summary\n\n"
            "Councils cut bus support by a third. Kestrel Borough Council saved £2m by retendering routes.")
    assert named(text) == []


def test_a_sector_body_quoted_under_its_own_masthead_is_no_partner():
    text = ("Local Government Association | Press release\n\n"
            "Councils face a £3bn gap, the Local Government Association said today. "
            "A spokesperson for the Local Government Association said reserves were running low.")
    assert named(text) == []


def test_a_masthead_may_name_the_kind_of_page_or_carry_a_note():
    assert named("LGA blog | 4 March\nWhat sharing taught us about back offices.") == []
    assert named("Audit Commission (archived)\nValue for money in waste collection.") == []


def test_a_publisher_named_again_in_the_scheme_is_a_partner():
    text = ("Eastshire Buying Agency - Annual Review\n\n"
            "Member councils bought £1bn of goods through Eastshire Buying Agency frameworks.")
    assert named(text) == [("Eastshire Buying Agency", "other")]


def test_a_publisher_whose_programme_gives_councils_grants_is_their_funder():
    text = "Local Government Association\nThe programme offers councils grants of up to £50,000 for digital projects."
    assert named(text) == [("Local Government Association", "lga")]


def test_a_report_title_or_a_sentence_opening_the_page_is_no_masthead():
    assert named("Audit Wales: Financial sustainability of local government\nCouncils used reserves.") == [
        ("Audit Wales", "other")]
    assert named("The Local Government Association said councils face a £4bn gap.") == [
        ("Local Government Association", "lga")]


def test_an_nhs_body_heading_its_own_page_stays_a_partner():
    text = "Wessex General Hospitals NHS Trust\nThe trust and Harbourside Council run a joint discharge team."
    assert named(text) == [("Wessex General Hospitals NHS Trust", "nhs")]


def test_a_source_line_under_the_title_is_a_masthead():
    assert named("Westshire Waste Project\nAudit Scotland - extract from a review\n\nFive councils share a plant.") == []
    assert named("Harbourside Council: best value report\nAccounts Commission, March 2021\n\nThe council improved.") == []


def test_a_sentence_above_the_body_leaves_its_name_alone():
    text = "Harbourside saved £1m.\nAudit Scotland | review\nThe review praised the council."
    assert named(text) == [("Audit Scotland", "other")]


def test_a_body_only_quoted_through_its_spokesperson_is_no_partner():
    text = ("Harbourside Council cut its fleet by a fifth. A spokesperson for the Local Government Association "
            "said councils were under pressure.")
    assert named(text) == []


def test_critics_and_a_critical_auditor_are_no_partners():
    text = ("Critics, including CIPFA, warned that the borrowing was too large. A report by auditors Grant Thornton "
            "criticised the council's oversight.")
    assert named(text) == []


def test_a_body_told_or_telling_a_committee_is_no_partner():
    text = "COSLA told the Committee that councils face a gap. The network has told the Welsh Government so."
    assert named(text) == []


def test_a_commenting_body_that_also_works_on_the_scheme_is_a_partner():
    text = ("A spokesperson for the Local Government Association said the pilot worked. The Local Government "
            "Association paid for its evaluation.")
    assert named(text) == [("Local Government Association", "lga")]


def test_a_plain_said_or_according_to_is_left_to_the_evaluation_sets_convention():
    assert named("Councils saved £15bn, according to the Local Government Association.") == [
        ("Local Government Association", "lga")]


def test_an_upper_case_masthead_names_the_same_publisher():
    text = ("LOCAL GOVERNMENT ASSOCIATION\nMedia release\n\nCouncils are £2bn short, according to modelling "
            "published today by the Local Government Association.")
    assert named(text) == []


def test_the_publishers_voice_may_carry_its_abbreviation():
    text = ("District Councils' Network\nPress release\n\nDistricts are squeezed, the District Councils' Network "
            "(DCN) says in its submission.")
    assert named(text) == []


@pytest.mark.parametrize("text", [
    "LGA productivity case study | Shared services\n\nTwo district councils now share one workforce, saving £2m.",
    "Public Accounts Committee - Audit Scotland briefing\n\nIntegration boards delivered £150m of savings.",
    "Ten councils that have cut agency spend (LGA workforce briefing)\n\nCornwall set up its own agency.",
    "Councils that brought leisure in-house (as reported to the LGA, 2024)\n\nShropshire: £420k a year lower cost.\n"
    "Note: the LGA has not verified these figures.",
])
def test_the_publisher_named_with_the_kind_of_page_it_put_out_is_no_partner(text):
    assert named(text) == []
