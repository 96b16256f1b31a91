"""Which organisations count as partners, under what name and kind (shopwindow.partners)."""

from __future__ import annotations

import pytest

from shopwindow.councils import find_councils
from shopwindow.partners import find_partners


def named(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.kind) for p in find_partners(text)]


def test_two_blue_light_services_joined_by_and_stay_two():
    assert named("Dorset Fire and Rescue Service and Dorset Police now share a control room.") == [
        ("Dorset Fire and Rescue Service", "fire"), ("Dorset Police", "police")]


def test_a_place_list_inside_one_nhs_name_is_kept_whole():
    assert named("NHS Bath and North East Somerset Integrated Care Board pays half.") == [
        ("NHS Bath and North East Somerset Integrated Care Board", "nhs")]
    assert named("Royal Devon and Exeter NHS Foundation Trust runs the ward.") == [
        ("Royal Devon and Exeter NHS Foundation Trust", "nhs")]
    # ...but two bodies that each carry their own body word are two.
    assert named("NHS Fife and NHS Tayside agreed.") == [("NHS Fife", "nhs"), ("NHS Tayside", "nhs")]


def test_of_inside_a_place_is_part_of_the_name_but_a_title_before_of_is_not():
    assert named("Isle of Man Fire and Rescue Service trained the crews.") == [
        ("Isle of Man Fire and Rescue Service", "fire")]
    assert named("The Chief Executive of the Environment Agency visited.") == [("Environment Agency", "other")]


def test_county_in_a_fire_service_name_does_not_make_it_a_council():
    assert named("Durham County Fire and Rescue Service moved into the depot.") == [
        ("Durham County Fire and Rescue Service", "fire")]
    assert named("County Durham and Darlington NHS Foundation Trust") == [
        ("County Durham and Darlington NHS Foundation Trust", "nhs")]


def test_the_same_body_under_its_initials_is_one_partner():
    text = "The District Councils' Network (DCN) says its members saved £1m; the DCN wants a settlement."
    assert named(text) == [("District Councils' Network", "other")]


def test_the_health_service_as_a_whole_names_no_partner():
    assert named("Local NHS trusts and NHS staff were consulted.") == []
    assert named("The NHS was consulted.") == []


def test_a_title_case_headline_is_not_a_name():
    assert named("Council Signs Deal With College And Hospital") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The scheme was paid for by the Welsh Government.", ("Welsh Government", "other")),
    ("A grant from the Department for Levelling Up covered it.", ("Department for Levelling Up", "other")),
    ("Audit Scotland praised the approach.", ("Audit Scotland", "other")),
    ("The Care Quality Commission rated it good.", ("Care Quality Commission", "other")),
    ("The Food Standards Agency inspected.", ("Food Standards Agency", "other")),
    ("HMRC and the DWP shared data.", ("HMRC", "other")),
    ("Ofwat agreed the plan.", ("Ofwat", "other")),
])
def test_government_and_its_agencies_regulators_and_auditors_are_partners(text, expected):
    assert expected in named(text)


def test_a_body_made_of_councils_is_a_partner_not_a_council():
    text = "The County Councils Network published the figures."
    assert named(text) == [("County Councils Network", "other")]
    assert find_councils(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Profits go back to the council through its housing company, Abbey Homes Partnership, each year.",
     ("Abbey Homes Partnership", "company")),
    ("Elm Tree Services, the company wholly owned by the council, cleans the schools.",
     ("Elm Tree Services", "company")),
    ("Libraries are run by Westgate Culture and Heritage, a charity that took over in 2018.",
     ("Westgate Culture and Heritage", "other")),
    ("Riverside Care Collective, the community interest company owned by staff, runs day centres.",
     ("Riverside Care Collective", "other")),
    ("Repairs go to a joint venture between Anytown Borough Council and Mears Group this year.",
     ("Mears Group", "company")),
])
def test_a_name_the_page_calls_a_company_charity_or_joint_venture_is_a_partner(text, expected):
    assert expected in named(text)


def test_a_month_or_a_single_ordinary_word_before_the_company_is_not_a_name():
    assert named("In March, the company that runs the car parks was sold. Meanwhile, the charity that helped closed.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Greyfriars Waste Company collects the bins.", ("Greyfriars Waste Company", "company")),
    ("East Midlands Airport gave land.", ("East Midlands Airport", "company")),
    ("Hillside Group (Holdings) Ltd bought the site.", ("Hillside Group (Holdings) Ltd", "company")),
    ("Salix Finance lent £2m.", ("Salix Finance", "company")),
    ("Leeds Children's Trust took over the service.", ("Leeds Children's Trust", "other")),
    ("The Canal and River Trust cleared the towpath.", ("Canal and River Trust", "other")),
    ("Riverside Housing Group built the homes.", ("Riverside Housing Group", "other")),
    ("Essex Police, Fire and Crime Commissioner agreed the budget.",
     ("Essex Police, Fire and Crime Commissioner", "police")),
])
def test_companies_trusts_and_authorities_named_without_a_suffix(text, expected):
    assert expected in named(text)


def test_a_body_word_alone_names_no_one():
    assert named("The Company said the Trust and the University agreed.") == []


def test_a_supplier_whose_letters_appear_in_a_longer_names_initials_is_still_named():
    names = [p.name for p in find_partners("BT and Bradford Teaching Hospitals NHS Foundation Trust worked with the council.")]
    assert names == ["BT", "Bradford Teaching Hospitals NHS Foundation Trust"]
