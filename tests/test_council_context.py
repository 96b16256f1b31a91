"""When a place name is a council and when it only describes, locates or dates something (shopwindow.councils)."""

from __future__ import annotations

import pytest
from test_council_linking import codes  # GSS codes found, in order


@pytest.mark.parametrize(("text", "expected"), [
    ("Tunbridge Wells Borough Council, a small Kent district, set up the scheme.", ["E07000116"]),
    ("The ambulance trust moved out of its Maidstone depot last year.", []),
    ("Tunbridge Wells Borough Council took over the fire service's Maidstone station.", ["E07000116"]),
    ("The two districts now plan to merge into a single Maidstone council by 2030.", []),
])
def test_a_place_describing_a_thing_names_no_council(text, expected):
    assert codes(text) == expected


def test_the_place_still_names_its_council_without_a_describing_word_before_it():
    assert codes("Maidstone cut its costs. A Kent County Council team helped.") == ["E07000110", "E10000016"]


def test_an_area_called_the_conurbation_or_town_of_a_place_is_not_its_council():
    assert codes("One council would serve the conurbation of Brighton and Hove, with Lewes District Council.") == [
        "E07000063"]


def test_on_a_page_naming_an_abolished_council_a_bare_place_is_that_council():
    text = ("Shaping Somerset: the case for one council\n\nThe Somerset councils agree. Somerset County Council "
            "and Mendip District Council back the plan.")
    assert codes(text) == ["E10000027", "E07000187"]


def test_a_bare_place_keeps_the_current_council_when_the_page_names_that_one_outright():
    text = "Somerset Council replaced Somerset County Council in 2023. Somerset now runs one budget."
    assert codes(text) == ["E06000066", "E10000027"]


def test_a_place_with_a_plural_council_word_in_a_list_names_each_council():
    assert codes("Mendip and Sedgemoor district councils share staff.") == ["E07000187", "E07000188"]


def test_an_everyday_word_name_in_a_column_of_council_names_is_a_council():
    table = "Council | Gap | Savings\nAberdeenshire | £12m | £8m\nMoray | £3m | £2m\nAngus | £4m | £3m"
    assert codes(table) == ["S12000034", "S12000020", "S12000041"]
    # the same word opening a line of prose, with no column beside it, still needs a council word
    assert codes("Aberdeenshire | £12m\n\nMoray eels were seen.") == ["S12000034"]
