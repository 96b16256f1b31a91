"""Built-in plugin: service area and delivery model (see :mod:`shopwindow.classify` and docs/taxonomy.md)."""

from __future__ import annotations

from shopwindow import hookimpl
from shopwindow.classify import classify
from shopwindow.models import Record


@hookimpl
def enrich_record(record: Record, source) -> None:
    """Set ``service_area`` and ``delivery_model`` where the reader left them unset."""
    if record.service_area and record.delivery_model:
        return
    result = classify(record.body or "", title=record.title, summary=record.summary)
    record.service_area = record.service_area or result.service_area
    record.delivery_model = record.delivery_model or result.delivery_model
