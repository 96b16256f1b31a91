"""Built-in plugin: split a page describing several council schemes into one record each."""

from __future__ import annotations

from shopwindow import hookimpl
from shopwindow.models import Record
from shopwindow.split import split_page


@hookimpl(trylast=True)
def split_record(record: Record, source) -> list[Record] | None:
    """One record per scheme (shortlists, case-study boxes, round-ups); None keeps the page whole."""
    return split_page(record)
