"""Bodies a page names in a role other than partner: the publisher under whose masthead the page appears and who
is then only its voice, and a government that only gives councils their yearly settlement (shopwindow.partnerroles,
applied by shopwindow.partners)."""

from __future__ import annotations

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
