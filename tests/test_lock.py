"""Per-source locks: an overlapping run never harvests a held source, says so, and exits 0; a killed holder's lock is free."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

from click.testing import CliRunner

from shopwindow.lock import SourceLocks, lock_dir_for
from shopwindow.runner import harvest

from mini_site import MiniSite, mini_config, mini_pm

HOLDER = textwrap.dedent(
    """
    import sys, time
    from shopwindow.lock import SourceLocks
    locks = SourceLocks(sys.argv[1])
    print(locks.acquire(sys.argv[2:]), flush=True)
    time.sleep(60)
    """
)


def hold_in_subprocess(directory, *sources) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(directory), *sources], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == repr(list(sources))  # it holds them now
    return proc


def test_second_holder_gets_only_free_sources_and_learns_who_holds_the_rest(tmp_path):
    with SourceLocks(tmp_path) as first:
        assert first.acquire(["a", "b"]) == ["a", "b"]
        second = SourceLocks(tmp_path)
        assert second.acquire(["b", "c"]) == ["c"]
        assert second.held == {"b": os.getpid()}
        second.release()
    third = SourceLocks(tmp_path)
    assert third.acquire(["a", "b"]) == ["a", "b"]  # released on exit from the with block
    third.release()


def test_lock_held_by_another_process_names_its_pid(tmp_path):
    proc = hold_in_subprocess(tmp_path, "council-news")
    try:
        locks = SourceLocks(tmp_path)
        assert locks.acquire(["council-news"]) == []
        assert locks.held == {"council-news": proc.pid}
    finally:
        proc.kill()
        proc.wait()


def test_lock_of_a_killed_run_is_taken_over(tmp_path):
    proc = hold_in_subprocess(tmp_path, "council-news")
    os.kill(proc.pid, signal.SIGKILL)  # no cleanup runs: the lock file stays behind with the dead pid in it
    proc.wait()
    assert (tmp_path / "council-news.lock").read_text().strip() == str(proc.pid)
    locks = SourceLocks(tmp_path)
    assert locks.acquire(["council-news"]) == ["council-news"]
    assert (tmp_path / "council-news.lock").read_text().strip() == str(os.getpid())
    locks.release()


def test_overlapping_run_skips_held_source_harvests_the_rest_and_exits_0(tmp_path):
    db = tmp_path / "sw.db"
    with SourceLocks(lock_dir_for(db)) as other_run:
        other_run.acquire(["alpha"])
        report = harvest(mini_config("alpha", "beta"), str(db), offline=True, transport=MiniSite(3).transport(), pm=mini_pm())
    by_name = {s.source: s for s in report.sources}
    assert by_name["alpha"].status == "skipped" and "is harvesting alpha" in by_name["alpha"].errors[0]
    assert by_name["beta"].status == "ok" and by_name["beta"].records == 3
    assert report.exit_code == 0 and "1 skipped (held by another run)" in report.summary()
    runs = sqlite3.connect(db).execute("select source from harvest_runs").fetchall()
    assert runs == [("beta",)]  # the held source was not harvested twice


def test_run_command_says_which_sources_are_held_and_exits_0(tmp_path, write_config):
    from shopwindow.cli import cli

    db = tmp_path / "sw.db"
    config = write_config('[[sources]]\nname = "alpha"\nplugin = "feed"\nurl = "https://mini.example.gov.uk/rss"\n')
    proc = hold_in_subprocess(lock_dir_for(db), "alpha")
    try:
        result = CliRunner().invoke(cli, ["run", "--config", str(config), "--db", str(db), "--no-progress"])
    finally:
        proc.kill()
        proc.wait()
    assert result.exit_code == 0, result.output
    assert f"SKIPPED alpha: another harvest run (pid {proc.pid}) is harvesting alpha" in result.stderr
