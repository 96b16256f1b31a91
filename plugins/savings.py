"""Built-in plugin: find savings in a record's text (see :mod:`shopwindow.savings`)."""

from __future__ import annotations

from shopwindow import hookimpl
from shopwindow.models import Record, Saving
from shopwindow.savings import extract_savings, record_text


@hookimpl
def enrich_record(record: Record, source) -> None:
    """Add the savings the title, summary and body describe, unless the reader already supplied them."""
    if record.savings:
        return
    text = record_text(record)
    best: dict[tuple, Saving] = {}
    for saving in extract_savings(text, councils_hint=record.councils):
        # The title and summary often repeat the body's headline figure: keep the fullest telling.
        key = (saving.amount_gbp, saving.percent, saving.status)
        if key not in best or _detail(saving) > _detail(best[key]):
            best[key] = saving
    record.savings.extend(best.values())


def _detail(saving: Saving) -> tuple[int, int]:
    return (bool(saving.period) + bool(saving.fiscal_year) + bool(saving.councils), len(saving.quote))
