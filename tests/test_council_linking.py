"""Finding councils and partners in text, and resolving names to GSS codes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopwindow.councils import find_councils, find_partners, resolve


def codes(text: str, **kwargs) -> list[str]:
    return [m.code for m in find_councils(text, **kwargs)]


@pytest.mark.parametrize(("name", "code"), [
    ("Ipswich BC", "E07000202"),
    ("LB Croydon", "E09000008"),
    ("Croydon Council", "E09000008"),
    ("the London Borough of Croydon", "E09000008"),
    ("Kirklees MBC", "E08000034"),
    ("Bucks", "E06000060"),
    ("BANES", "E06000022"),
    ("Brighton & Hove", "E06000043"),
    ("Nottingham City Council", "E06000018"),
    ("Nottinghamshire County Council", "E10000024"),
    ("Dorset Council", "E06000059"),
    ("Dorset County Council", "E10000009"),
    ("Royal Borough of Greenwich", "E09000011"),
    ("City of Edinburgh Council", "S12000036"),
    ("Belfast City Council", "N09000003"),
    ("Rhondda Cynon Taf", "W06000016"),
])
def test_resolve_names_people_write(name, code):
    assert resolve(name) == code


@pytest.mark.parametrize("name", ["Surrey Police", "Cheshire Fire and Rescue Service", "NHS Kent", "Capita", ""])
def test_resolve_returns_none_for_non_councils(name):
    assert resolve(name) is None


def test_city_and_county_with_shared_stem_are_told_apart():
    assert codes("Nottingham City Council and Nottinghamshire County Council signed up.") == ["E06000018", "E10000024"]


def test_county_name_inside_police_or_fire_is_a_partner_not_the_council():
    text = "Surrey Police and Cheshire Fire and Rescue Service joined the project."
    assert codes(text) == []
    assert {(p.name, p.kind) for p in find_partners(text)} == {
        ("Surrey Police", "police"), ("Cheshire Fire and Rescue Service", "fire")}


def test_a_county_inside_a_fire_services_name_is_not_the_county_council():
    assert codes("Durham County Fire and Rescue Service joined the hub.") == []
    assert codes("Durham County Council and the fire service joined the hub.") == ["E06000047"]


def test_a_partner_named_twice_hides_the_place_in_its_name_both_times():
    text = ("Devon and Cornwall Police and Plymouth City Council opened a shared front desk.\n\n"
            "A year on, Devon and Cornwall Police and the council reported fewer repeat calls.")
    assert codes(text) == ["E06000026"]


def test_list_with_plural_council_word_links_every_member():
    assert codes("Leeds, Bradford and Kirklees councils share a service.") == ["E08000035", "E08000032", "E08000034"]
    assert codes("Harrow and Brent LBCs run a joint team. The two authorities saved money.") == ["E09000015", "E09000005"]


def test_list_members_may_carry_their_own_tier_word_before_the_shared_plural():
    assert codes("Derby City and Derbyshire County Councils have merged their payroll teams.") == [
        "E06000015", "E10000007"]
    assert codes("Babergh District and Mid Suffolk District Councils have one staff.") == ["E07000200", "E07000203"]
    # A tier word with no council list after it is still a football club.
    assert codes("Birmingham City and Aston Villa fans met at the ground.") == []


def test_a_body_named_after_a_place_and_its_councils_is_not_that_places_council():
    assert codes("The Wessex Councils Partnership was set up by Dorset Councils Alliance members.") == []
    assert codes("Staff of the North Kent Councils' Procurement Group met.") == []
    # ...but a partnership that lists its member councils names each of them.
    assert codes("Harrow and Brent Councils Partnership runs legal services.") == ["E09000015", "E09000005"]


def test_everyday_word_names_need_a_council_word_or_a_list():
    assert codes("Reading the report, Rugby fans were pleased.") == []
    assert codes("Reading, Slough and Wokingham borough councils agreed.") == ["E06000038", "E06000039", "E06000041"]
    assert codes("Reading Borough Council agreed.") == ["E06000038"]


def test_suffix_abbreviations_possessives_and_line_breaks():
    assert codes("Croydon's scheme and Brighton & Hove City Council's waste team") == ["E09000008", "E06000043"]
    assert codes("Nottingham-\nshire County\nCouncil signed.") == ["E10000024"]
    assert codes("East Devon DC, Gedling BC and Tameside MBC") == ["E07000040", "E07000173", "E08000008"]


def test_abolished_council_keeps_its_code_and_knows_its_successor():
    [match] = find_councils("In 2016 Allerdale Borough Council outsourced its leisure centres.")
    assert match.code == "E07000026" and not match.current and match.successor_codes == ("E06000063",)


def test_place_inside_a_bigger_name_is_not_the_council():
    text = "Kent and Medway NHS Trust, the University of Kent and East Kent Hospitals met Greater Manchester leaders."
    assert codes(text) == []
    assert {p.kind for p in find_partners(text)} == {"nhs", "other"}


def test_companies_and_the_lga_are_partners():
    text = "The London Borough of Croydon teamed up with BT and Civica Ltd, backed by the LGA."
    assert codes(text) == ["E09000008"]
    assert [(p.name, p.kind) for p in find_partners(text)] == [
        ("BT", "company"), ("Civica Ltd", "company"), ("LGA", "lga")]


def test_default_council_is_used_only_when_the_text_names_none():
    assert codes("We have saved £2m on waste.", default="E06000018") == ["E06000018"]
    assert codes("Kirklees Council has saved £2m.", default="E06000018") == ["E08000034"]


def test_headline_in_title_case_still_links():
    assert codes("Kent Saves Millions With New Care Technology") == ["E10000016"]


def test_lower_case_place_words_are_ignored():
    assert codes("the bury bins were emptied in a reading room") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("KENT COUNTY COUNCIL ANNOUNCES NEW SCHEME", ["E10000016"]),
    ("St. Helens and Newcastle-under-Lyme BC signed up.", ["E08000013", "E07000195"]),
    ("City of London Police worked with Manchester United.", []),
    ("Cyngor Gwynedd and Ynys Môn share a planning unit.", ["W06000002", "W06000001"]),
])
def test_capitals_punctuation_and_welsh_names(text, expected):
    assert codes(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_linking_never_raises(text):
    for match in find_councils(text):
        assert text[match.start:match.end] == match.text
    find_partners(text)


def test_an_everyday_word_name_listed_beside_a_council_is_a_council_too():
    assert codes("Lichfield and Tamworth run one waste service.") == ["E07000194", "E07000199"]
    assert codes("Rugby and Reading supporters met.") == []  # two everyday words vouch for nothing


def test_a_place_followed_by_its_council_in_lower_case_names_that_council():
    assert codes("Lincoln's city council brought its car parks back in-house.") == ["E07000138"]
    assert codes("In Kent, the county council cut costs. Medway Council did too.") == ["E10000016", "E06000035"]
    # Without the council after it, a place named beside a council is only where something happened.
    assert codes("An office in Ipswich opened. Suffolk County Council said so.") == ["E10000029"]
    # ...and so is a place before a new clause, or a council's tax.
    assert codes("Medway Council staff held talks in Reading, the council confirmed.") == ["E06000035"]
    assert codes("Reading's council tax rose, Medway Council said.") == ["E06000035"]


def test_an_initiative_belongs_to_the_councils_in_its_lead_not_those_named_once_in_passing():
    from shopwindow.councils import LEAD, lead_councils

    lead = "Kirklees Council handed four branch libraries to community groups, saving £300,000 a year. "
    filler = "Volunteers now open the doors six days a week and the council trains them. " * (LEAD // 70)
    text = lead + filler + "Leeds had faced the same choice a year earlier."
    assert [m.code for m in lead_councils(text)] == ["E08000034"]
    assert [m.code for m in find_councils(text)] == ["E08000034", "E08000035"]  # still named, and linked as named
    # Named twice, a council is part of the story; and a page whose lead names none keeps every council it names.
    assert [m.code for m in lead_councils(text + " Leeds Council later did the same.")] == ["E08000034", "E08000035"]
    assert [m.code for m in lead_councils(filler + "Leeds City Council agreed.")] == ["E08000035"]


@pytest.mark.parametrize("heading", ["Related stories", "Related", "Related shortlisted entries", "Other letters"])
def test_councils_named_only_under_a_related_stories_heading_are_other_pages(heading):
    text = ("Bolton Council has merged its two contact centres.\n\n"
            f"{heading}\n"
            "Wigan saves £2m on leisure\n"
            "Bury launches a new app")
    assert codes(text) == ["E08000001"]


def test_a_related_stories_headline_does_not_make_a_passing_council_part_of_the_story():
    from shopwindow.councils import LEAD, find_council_mentions, lead_councils
    # Kirklees is named once in passing below the lead and again in a related headline: still only in passing.
    filler = "Volunteers now open the doors six days a week and the council trains them. " * (LEAD // 70)
    text = ("Calderdale Council has handed its libraries to a trust.\n\n" + filler
            + "Kirklees had looked at the same model.\n\nRelated stories\nKirklees trust saves £1m")
    assert [m.code for m in lead_councils(text)] == ["E08000033"]
    assert [m.code for m in find_council_mentions(text)] == ["E08000033", "E08000034"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Richmondshire's leader said the district had seen no savings.", ["E07000166"]),
    ("The leader of Richmondshire said so.", ["E07000166"]),
    ("In Richmondshire, bins are collected weekly.", []),
    ("A review by the universities of Cambridge and Salford found little change.", []),
])
def test_an_everyday_word_name_is_the_council_when_its_leader_is_named_and_no_council_inside_an_institution(
        text, expected):
    assert codes(text) == expected
