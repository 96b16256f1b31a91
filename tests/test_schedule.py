"""Due-ness across time (frozen clocks with time-machine), and the crontab / systemd output."""

from __future__ import annotations

from datetime import datetime, timezone

import sqlite_utils
import time_machine
from click.testing import CliRunner

from shopwindow.config import Config, HarvestSettings, Source
from shopwindow.schedule import crontab, due_sources, harvest_command, schedule_status, systemd_units
from shopwindow.schema import ensure_schema

WEEKLY = Source(name="weekly", plugin="feed", urls=["https://a.example.gov.uk/rss"], schedule="0 3 * * 1")  # 03:00 Mondays
DAILY = Source(name="daily", plugin="feed", urls=["https://b.example.gov.uk/rss"])  # no schedule: daily
OFF = Source(name="off", plugin="feed", urls=["https://c.example.gov.uk/rss"], enabled=False)


def config() -> Config:
    return Config(path=None, harvest=HarvestSettings(), sources=[WEEKLY, DAILY, OFF])


def database() -> sqlite_utils.Database:
    return ensure_schema(sqlite_utils.Database(memory=True))


def ran(db: sqlite_utils.Database, source: str, started: str, status: str = "ok") -> None:
    db["harvest_runs"].insert({"source": source, "started": started, "finished": started, "status": status})


def test_never_run_sources_are_due_and_disabled_ones_never_are():
    with time_machine.travel(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc), tick=False):
        assert due_sources(config(), database()) == ["weekly", "daily"]


def test_scheduled_source_is_due_only_after_its_next_cron_slot():
    db = database()
    ran(db, "weekly", "2026-11-23T03:00:05+00:00")  # Monday's run
    with time_machine.travel(datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc), tick=False):  # Thursday
        assert "weekly" not in due_sources(config(), db)
    with time_machine.travel(datetime(2026, 11, 30, 2, 59, tzinfo=timezone.utc), tick=False):  # a minute early
        assert "weekly" not in due_sources(config(), db)
    with time_machine.travel(datetime(2026, 11, 30, 3, 0, tzinfo=timezone.utc), tick=False):  # next Monday 03:00
        assert "weekly" in due_sources(config(), db)


def test_missed_slots_are_caught_up_once():
    db = database()
    ran(db, "weekly", "2026-11-02T03:00:00+00:00")
    with time_machine.travel(datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc), tick=False):  # three Mondays missed
        assert "weekly" in due_sources(config(), db)
        ran(db, "weekly", "2026-11-25T10:00:00+00:00")
        assert "weekly" not in due_sources(config(), db)


def test_unscheduled_source_is_due_a_day_after_its_last_attempt():
    db = database()
    ran(db, "daily", "2026-11-23T06:00:00+00:00")
    with time_machine.travel(datetime(2026, 11, 24, 5, 59, tzinfo=timezone.utc), tick=False):
        assert "daily" not in due_sources(config(), db)
    with time_machine.travel(datetime(2026, 11, 24, 6, 0, tzinfo=timezone.utc), tick=False):
        assert "daily" in due_sources(config(), db)


def test_failed_run_counts_as_an_attempt_but_interrupted_and_running_do_not():
    db = database()
    with time_machine.travel(datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc), tick=False):
        ran(db, "daily", "2026-11-23T11:00:00+00:00", status="failed")
        assert "daily" not in due_sources(config(), db)
        ran(db, "weekly", "2026-11-23T11:00:00+00:00", status="interrupted")
        ran(db, "weekly", "2026-11-23T11:30:00+00:00", status="running")
        assert "weekly" in due_sources(config(), db)


def test_schedule_status_gives_next_due_time():
    db = database()
    ran(db, "weekly", "2026-11-23T03:00:05+00:00")
    with time_machine.travel(datetime(2026, 11, 24, 0, 0, tzinfo=timezone.utc), tick=False):
        status = {d.source: d for d in schedule_status(config(), db)}
    assert status["weekly"].next_due == datetime(2026, 11, 30, 3, 0, tzinfo=timezone.utc)
    assert status["weekly"].due is False
    assert status["daily"].due is True and status["daily"].last_started is None


def test_crontab_calls_run_due_with_absolute_paths(tmp_path):
    cfg = config()
    cfg.path = tmp_path / "harvest.toml"
    command = harvest_command(cfg.path, tmp_path / "data" / "sw.db", executable="/opt/sw/bin/harvest")
    text = crontab(cfg, command, every=15, log_path="/var/log/harvest.log")
    line = text.strip().splitlines()[-1]
    assert line.startswith(f"*/15 * * * * cd {tmp_path} && /opt/sw/bin/harvest --quiet run --due --no-progress --config ")
    assert str(tmp_path / "harvest.toml") in line and line.endswith(">> /var/log/harvest.log 2>&1")
    assert "#   weekly: 0 3 * * 1" in text and "#   daily: daily (no schedule set)" in text


def test_systemd_units_have_a_oneshot_service_and_a_persistent_timer(tmp_path):
    cfg = config()
    cfg.path = tmp_path / "harvest.toml"
    text = systemd_units(cfg, "/opt/sw/bin/harvest run --due", every=30)
    assert "Type=oneshot" in text and "ExecStart=/opt/sw/bin/harvest run --due" in text
    assert "OnCalendar=*:0/30" in text and "Persistent=true" in text and f"WorkingDirectory={tmp_path}" in text
    assert "OnCalendar=hourly" in systemd_units(cfg, "x", every=60)


def test_schedule_command_prints_cron_and_systemd(tmp_path, write_config):
    from shopwindow.cli import cli

    path = write_config('[[sources]]\nname = "n"\nplugin = "feed"\nurl = "https://a.example.gov.uk/rss"\nschedule = "0 3 * * 1"\n')
    cron = CliRunner().invoke(cli, ["schedule", "--config", str(path)])
    assert cron.exit_code == 0, cron.output
    assert " run --due " in cron.output and cron.output.count("\n*/15 * * * *") == 1
    units = CliRunner().invoke(cli, ["schedule", "--config", str(path), "--format", "systemd"])
    assert units.exit_code == 0 and "[Timer]" in units.output and "[Service]" in units.output


def test_run_due_harvests_due_sources_once_then_nothing(tmp_path):
    from shopwindow.runner import harvest

    from mini_site import MiniSite, mini_config, mini_pm

    db, cfg = str(tmp_path / "sw.db"), mini_config("weekly", schedule="0 3 * * 1")
    with time_machine.travel(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc), tick=False):
        first = harvest(cfg, db, offline=True, transport=MiniSite(2).transport(), pm=mini_pm(), due=True)
        second = harvest(cfg, db, offline=True, transport=MiniSite(2).transport(), pm=mini_pm(), due=True)
    assert [s.source for s in first.sources] == ["weekly"] and second.sources == []
    with time_machine.travel(datetime(2026, 11, 30, 3, 1, tzinfo=timezone.utc), tick=False):
        third = harvest(cfg, db, offline=True, transport=MiniSite(2).transport(), pm=mini_pm(), due=True)
    assert [s.source for s in third.sources] == ["weekly"]


def test_run_due_command_with_nothing_due_says_when_next_and_exits_0(tmp_path, write_config):
    from shopwindow.cli import cli

    path = write_config('[[sources]]\nname = "n"\nplugin = "feed"\nurl = "https://a.example.gov.uk/rss"\nschedule = "0 3 * * 1"\n')
    db = tmp_path / "sw.db"
    ran(ensure_schema(sqlite_utils.Database(db)), "n", "2026-11-23T03:00:00+00:00")
    with time_machine.travel(datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc), tick=False):
        result = CliRunner().invoke(cli, ["run", "--due", "--config", str(path), "--db", str(db), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "Nothing is due. Next: n at 2026-11-30T03:00:00+00:00." in result.output
