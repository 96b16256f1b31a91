"""Reading sterling amounts and percentages, and refusing malformed ones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shopwindow.money import MAX_GBP, find_figures, find_money, find_percentages, fiscal_year, parse_amount


@pytest.mark.parametrize(("text", "amount"), [
    ("£462 million", 462e6),
    ("£3.5bn", 3.5e9),
    ("£6m", 6e6),
    ("£45,000", 45_000),
    ("£1.2 m", 1.2e6),
    ("1.5 million pounds", 1.5e6),
    ("£300k", 300_000),
    ("£4½m", 4.5e6),
    ("£12.3million", 12.3e6),
    ("saved£5m", 5e6),
    ("almost six million pounds", 6e6),
    ("half a million pounds", 5e5),
    ("£5M", 5e6),
    ("GBP 2.5m", 2.5e6),
    ("£5,000,000", 5e6),
    ("£1.2 billion", 1.2e9),
    ("£1.5-million", 1.5e6),
    ("twenty-five million pounds", 25e6),  # not "five million pounds"
    ("seventy five thousand pounds", 75e3),
    ("sixteen million pounds", 16e6),
    ("£3-billion", 3e9),
])
def test_common_sterling_forms(text, amount):
    assert parse_amount(text) == pytest.approx(amount)


def test_range_keeps_lower_and_upper_bound():
    [figure] = find_money("a saving of £2-3m")
    assert (figure.amount_gbp, figure.high_gbp) == (2e6, 3e6)
    [figure] = find_money("between £2m-£3.5m")
    assert (figure.amount_gbp, figure.high_gbp) == (2e6, 3.5e6)


def test_year_after_an_amount_is_not_a_range_but_a_fiscal_year():
    [figure] = find_money("£9.1m in 2018-19")
    assert figure.amount_gbp == 9.1e6 and figure.high_gbp is None and figure.fiscal_year == "2018-19"
    [figure] = find_money("£5m to 2020")
    assert figure.amount_gbp == 5e6 and figure.high_gbp is None


@pytest.mark.parametrize(("text", "qualifier"), [
    ("up to £2m", "up to"), ("more than £1.5bn", "more than"), ("around £40,000", "around"),
    ("almost six million pounds", "almost"), ("at least £1m", "at least"), ("£5m", None),
])
def test_qualifiers_are_kept(text, qualifier):
    assert find_money(text)[0].qualifier == qualifier


@pytest.mark.parametrize(("text", "percent", "qualifier"), [
    ("savings of 25%", 25, None), ("up to 15%", 15, "up to"), ("a 12.5 per cent cut", 12.5, None),
])
def test_percentages(text, percent, qualifier):
    [figure] = find_percentages(text)
    assert (figure.percent, figure.qualifier) == (percent, qualifier)


@pytest.mark.parametrize("text", ["£-5m", "£1,2,3", "£" + "9" * 25, "£" + "9" * 13 + "bn", "150%", "£0", "£m"])
def test_malformed_or_absurd_figures_are_rejected(text):
    assert find_figures(text) == []


def test_fiscal_years_are_normalised():
    assert fiscal_year("in 2019/20") == "2019-20"
    assert fiscal_year("2018-2019 accounts") == "2018-19"
    assert fiscal_year("2018-20") is None


def test_figures_come_back_in_text_order_with_offsets():
    text = "It saved £2m (10%) and plans £1.5m more."
    figures = find_figures(text)
    assert [f.text for f in figures] == ["£2m", "10%", "£1.5m"]
    assert all(text[f.start:f.end] == f.text for f in figures)


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_and_never_returns_negative_or_absurd_amounts(text):
    for figure in find_figures(text):
        if figure.amount_gbp is not None:
            assert 0 < figure.amount_gbp <= MAX_GBP
        if figure.percent is not None:
            assert 0 < figure.percent <= 100


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="£0123456789.,-–mbnkK½ %poundsmillion", max_size=40))
def test_money_like_noise_never_raises(text):
    for figure in find_money(text):
        assert 0 < figure.amount_gbp <= MAX_GBP
        assert figure.high_gbp is None or figure.high_gbp >= figure.amount_gbp


@pytest.mark.parametrize(("text", "low", "high", "written"), [
    ("savings put at between £0.4m and £0.9m", 4e5, 9e5, "between £0.4m and £0.9m"),
    ("between £250,000 and £300,000 a year", 2.5e5, 3e5, "between £250,000 and £300,000"),
    ("a cut of £2m to £4m", 2e6, 4e6, "£2m to £4m"),
])
def test_a_range_written_with_between_is_one_figure_with_its_bounds(text, low, high, written):
    [figure] = find_money(text)
    assert (figure.amount_gbp, figure.high_gbp, figure.text) == (low, high, written)


def test_two_amounts_joined_by_and_without_between_stay_two_figures():
    assert [f.amount_gbp for f in find_money("It spent £2m and saved £3m.")] == [2e6, 3e6]


@pytest.mark.parametrize("text", ["Costs went from £12m to £9m.", "The bill fell £12m to £9m."])
def test_a_change_between_two_levels_is_two_figures_not_a_range(text):
    assert [(f.amount_gbp, f.high_gbp) for f in find_money(text)] == [(12e6, None), (9e6, None)]


def test_a_change_then_the_level_it_came_to_is_two_figures_but_a_range_after_by_stays_one():
    assert [(f.amount_gbp, f.high_gbp) for f in find_money("Reserves fell by £0.8bn to £4.45bn.")] == [
        (8e8, None), (4.45e9, None)]
    assert [(f.amount_gbp, f.high_gbp) for f in find_money("It will cut costs by £2m to £3m.")] == [(2e6, 3e6)]


@pytest.mark.parametrize(("text", "amount"), [("£4.1m", 4_100_000), ("£8.2 million", 8_200_000), ("£0.7bn", 700_000_000)])
def test_decimal_amounts_are_exact_pounds_not_binary_float_approximations(text, amount):
    assert parse_amount(text) == amount  # equality, so the same saving written twice is one saving


@pytest.mark.parametrize(("text", "amount", "percent"), [
    ("£1.2\xa0million", 1.2e6, None),  # &nbsp; between number and word, as web pages write it
    ("£\xa0300k", 3e5, None),
    ("£4\u202fbn", 4e9, None),
    ("15\xa0per cent", None, 15.0),
])
def test_no_break_and_thin_spaces_read_as_spaces(text, amount, percent):
    [figure] = find_figures(f"a saving of {text} a year")
    assert (figure.amount_gbp, figure.percent) == (amount, percent)


def test_a_compound_written_number_is_left_unread_rather_than_misread():
    assert find_money("The scheme cost one hundred and twenty million pounds.") == []
    assert [f.amount_gbp for f in find_money("The scheme cost twenty million pounds.")] == [20_000_000.0]


def test_every_kind_of_odd_space_reads_as_a_space():
    assert [f.amount_gbp for f in find_money("saved £1.2\u2002million and £3\u200amillion")] == [1_200_000.0, 3_000_000.0]


def test_a_multiplier_matched_case_insensitively_is_looked_up_case_folded():
    # IGNORECASE matches "thouſand" (long s) as "thousand": it must scale the figure, not leave it at £3.
    assert [f.amount_gbp for f in find_figures("It cost 3 thouſand pounds.")] == [3000.0]
