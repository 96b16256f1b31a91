"""Golden output of the extraction pipeline, to prove a speed change leaves every result identical.

Runs the full pipeline (split, councils, partners, savings, classification) over every evaluation passage,
every snapshot page (the readers' records before the pipeline) and the benchmark articles, and writes one JSON.

    .venv/bin/python scripts/extraction_golden.py write /tmp/golden.json
    .venv/bin/python scripts/extraction_golden.py check /tmp/golden.json   # exit 1 and name the first difference

The readers' raw records are cached in /tmp, keyed by a hash of harvester/ and plugins/.
"""

from __future__ import annotations

import copy
import hashlib
import dataclasses
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extraction import article  # noqa: E402
from extraction_eval import HELDOUT, load_passages  # noqa: E402

from shopwindow.config import Source, load_config  # noqa: E402
from shopwindow.councils import find_councils, find_partners  # noqa: E402
from shopwindow.classify import classify  # noqa: E402
from shopwindow.manager import new_plugin_manager  # noqa: E402
from shopwindow.models import Record  # noqa: E402
from shopwindow.money import find_figures  # noqa: E402
from shopwindow.pipeline import process_record  # noqa: E402
from shopwindow.registry import reader_classes  # noqa: E402
from shopwindow.savings import extract_savings  # noqa: E402
from shopwindow.snapshot import SnapshotTransport  # noqa: E402
from shopwindow.testing import crawl  # noqa: E402

def _readers_fingerprint() -> str:
    """A hash of the code that turns pages into records, so the cache is rebuilt when that code changes."""
    digest = hashlib.sha256()
    for path in sorted([*(ROOT / "plugins").glob("*.py"), *(ROOT / "harvester").glob("*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


RAW_CACHE = Path(f"/tmp/extraction_golden_raw-{_readers_fingerprint()}.pickle")


def raw_snapshot_records() -> list[tuple[Source, Record]]:
    """Every record the configured readers yield from the snapshot, before the pipeline."""
    if RAW_CACHE.exists():
        return pickle.loads(RAW_CACHE.read_bytes())
    config = load_config(ROOT / "harvest.toml")
    readers = reader_classes()
    transport = SnapshotTransport(ROOT / "data" / "snapshot")
    out = []
    for source in config.sources:
        records = crawl(readers[source.plugin], source.urls, transport=transport, options=source.options,
                        council=source.council, pipeline=False, max_pages=5000)
        out.extend((source, r) for r in records)
    RAW_CACHE.write_bytes(pickle.dumps(out))
    return out


def dump(value):
    """JSON-ready form of records, matches and savings."""
    if dataclasses.is_dataclass(value):
        return {k: dump(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, (list, tuple)):
        return [dump(v) for v in value]
    if isinstance(value, dict):
        return {str(k): dump(v) for k, v in value.items()}
    return value


def functions(text: str) -> dict:
    """The plain-string API on one text."""
    return {
        "councils": dump(find_councils(text)),
        "partners": dump(find_partners(text)),
        "savings": dump(extract_savings(text)),
        "classify": dump(classify(text)),
        "figures": [repr(f) for f in find_figures(text)],
    }


def golden() -> dict:
    pm = new_plugin_manager()
    plain = Source(name="golden", plugin="pages", urls=[])
    out: dict = {}
    passages = load_passages() + load_passages(HELDOUT)
    texts = [p["text"] for p in passages]
    texts += [article(load_passages(), prose_per_passage=p) for p in (4, 0)]
    for i, text in enumerate(texts):
        out[f"text{i}"] = functions(text)
        rec = Record(title=f"Text {i}", url=f"https://example.org/{i}", body=text)
        out[f"text{i}/pipeline"] = dump(process_record(pm, rec, plain))
    for i, (source, rec) in enumerate(raw_snapshot_records()):
        out[f"snap{i}:{rec.url}"] = dump(process_record(pm, copy.deepcopy(rec), source))
    return out


def differences(old, new, where: str = ""):
    """(path, expected, got) for each leaf that differs, so a change shows where it is, not two whole dumps."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            yield from differences(old.get(key), new.get(key), f"{where}.{key}")
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for k, (a, b) in enumerate(zip(old, new)):
            yield from differences(a, b, f"{where}[{k}]")
    elif old != new:
        yield where, old, new


USAGE = """usage: extraction_golden.py write|check FILE

  write FILE   save the whole extraction pipeline's output on the eval passages, snapshot pages and benchmark articles
  check FILE   compare the current output with FILE; exit 1 and show the first differences if any differ"""


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("write", "check"):
        print(USAGE, file=sys.stderr)
        return 2
    mode, path = sys.argv[1], Path(sys.argv[2])
    if mode == "check" and not path.exists():
        print(f"Error: {path} does not exist: run 'write {path}' before your change.", file=sys.stderr)
        return 2
    result = json.loads(json.dumps(golden(), sort_keys=True, default=repr))
    if mode == "write":
        path.write_text(json.dumps(result, sort_keys=True, indent=0))
        print(f"wrote {len(result)} entries")
        return 0
    expected = json.loads(path.read_text())
    bad = [k for k in expected if expected[k] != result.get(k)] + [k for k in result if k not in expected]
    for key in bad[:5]:
        print("DIFF", key)
        for where, old, new in list(differences(expected.get(key), result.get(key)))[:8]:
            print(f"  at {where or '.'}\n    expected {json.dumps(old)[:400]}\n    got      {json.dumps(new)[:400]}")
    print(f"{len(result)} entries, {len(bad)} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
