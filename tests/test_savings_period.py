"""A saving's period (annual, cumulative, one-off) is read from words about the saving, not about the page."""

from __future__ import annotations

from shopwindow.savings import extract_savings


def periods(text: str) -> list[str | None]:
    return [s.period for s in extract_savings(text)]


def test_an_annual_report_or_meeting_is_not_an_annual_saving():
    assert periods("Its annual report says the shared depot saved £3m.") == [None]
    assert periods("At the annual meeting members heard that the depot had saved £3m.") == [None]
    assert periods("The shared depot saves £3m in annual running costs.") == ["annual"]
