"""Built-in plugin: service area and delivery model (see :mod:`shopwindow.classify` and docs/taxonomy.md)."""

from __future__ import annotations

from shopwindow import hookimpl
from shopwindow.classify import DELIVERY_MODELS, SERVICE_AREAS, classify, to_slug
from shopwindow.models import Record


@hookimpl
def enrich_record(record: Record, source) -> None:
    """Set ``service_area`` and ``delivery_model`` where the reader left them unset."""
    # Readers may give a label ("shared service"); the database stores the taxonomy's slugs.
    record.service_area = to_slug(record.service_area, SERVICE_AREAS)
    record.delivery_model = to_slug(record.delivery_model, DELIVERY_MODELS)
    if record.service_area and record.delivery_model:
        return
    result = classify(record.body or "", title=record.title, summary=record.summary)
    record.service_area = record.service_area or result.service_area
    record.delivery_model = record.delivery_model or result.delivery_model


@hookimpl
def prepare_database(db) -> None:
    """Keep the service_areas and delivery_models lookup tables in step with the taxonomy."""
    for table, taxonomy in (("service_areas", SERVICE_AREAS), ("delivery_models", DELIVERY_MODELS)):
        rows = [{"slug": slug, "label": label, "description": "; ".join(phrases[:8])} for slug, (label, phrases) in taxonomy.items()]
        current = {(r["slug"], r["label"], r["description"]) for r in db[table].rows}
        if current != {(r["slug"], r["label"], r["description"]) for r in rows}:
            with db.atomic():
                db[table].delete_where()
                db[table].insert_all(rows, pk="slug")
