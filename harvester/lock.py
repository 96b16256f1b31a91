"""Per-source locks, so two overlapping harvest runs never harvest the same source at once.

Each source has a lock file under ``<database folder>/.locks/`` locked with ``fcntl.flock``. The
operating system releases a flock when its process exits, however it exits, so a lock left by a
killed run is simply free again: there is no stale state to clean up, and the next run takes it over.
The holder writes its pid into the file, so a second run can say who holds a source.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

LOCK_DIR_NAME = ".locks"


def lock_dir_for(db_path: str | os.PathLike[str]) -> Path:
    """Where a database's source locks live: beside it, or in the temp folder for an in-memory database."""
    if str(db_path) == ":memory:":
        return Path(tempfile.gettempdir()) / "shopwindow-locks"
    return Path(db_path).resolve().parent / LOCK_DIR_NAME / Path(db_path).name


class SourceLocks:
    """Hold locks on some sources for the length of a run. Use as a context manager, or call :meth:`release`.

    ``held`` maps each source another process holds to that process's pid (None if unknown).
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.acquired: dict[str, IO[str]] = {}
        self.held: dict[str, int | None] = {}

    def _path(self, source: str) -> Path:
        # Source names are already restricted by config validation; be safe for names from elsewhere.
        return self.directory / (re.sub(r"[^A-Za-z0-9_.-]", "_", source) + ".lock")

    def acquire(self, sources: list[str]) -> list[str]:
        """Try to lock each source without waiting; return those now held by this run (the rest go to ``held``)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        for source in sources:
            if source in self.acquired:
                continue
            handle = open(self._path(source), "a+", encoding="utf-8")
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                self.held[source] = _pid(handle.read())
                handle.close()
                log.info("source %s is being harvested by another run (pid %s); skipping it", source, self.held[source])
                continue
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            self.acquired[source] = handle
        return [s for s in sources if s in self.acquired]

    def release(self) -> None:
        """Release every lock this object holds (the lock files stay, empty of meaning until locked again)."""
        for handle in self.acquired.values():
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            finally:
                handle.close()
        self.acquired.clear()

    def __enter__(self) -> SourceLocks:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    async def __aenter__(self) -> SourceLocks:  # so a run can hold its locks in the same ``async with`` as its fetcher
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.release()


def _pid(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def held_message(source: str, pid: int | None) -> str:
    """The line a run prints for a source it skipped because another run holds it."""
    who = f"pid {pid}" if pid else "another process"
    return f"another harvest run ({who}) is harvesting {source}; skipped it this time"
