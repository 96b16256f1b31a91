"""A saving's period (annual, cumulative, one-off) is read from words about the saving, not about the page."""

from __future__ import annotations

import pytest
from shopwindow.savings import extract_savings


def periods(text: str) -> list[str | None]:
    return [s.period for s in extract_savings(text)]


def test_an_annual_report_or_meeting_is_not_an_annual_saving():
    assert periods("Its annual report says the shared depot saved £3m.") == [None]
    assert periods("At the annual meeting members heard that the depot had saved £3m.") == [None]
    assert periods("The shared depot saves £3m in annual running costs.") == ["annual"]


@pytest.mark.parametrize("text", [
    "Refinancing the PFI deal will cut payments by £31m over the remaining nine years.",
    "The new waste contract saves £12m over the 15-year contract.",
])
def test_savings_over_the_rest_of_a_term_or_a_contracts_length_are_cumulative(text):
    [saving] = extract_savings(text)
    assert saving.period == "cumulative"
