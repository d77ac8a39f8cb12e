"""The built-in base's daily copy, with the clock given: once a day at the first start, on
quit when the newest copy is a day old, the oldest pruned beyond the number kept."""

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from dialdesk.backup.daily import back_up_if_due, copies, is_due

MOSCOW = ZoneInfo("Europe/Moscow")
MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=MOSCOW)


def test_one_copy_a_day_at_the_first_start(db_dsn: str, tmp_path: Path) -> None:
    folder = tmp_path / "USB"
    assert is_due(folder, MONDAY_9, quitting=False)  # nothing yet, not even the folder
    first = back_up_if_due(db_dsn, folder, MONDAY_9, quitting=False, label="проверка")
    assert first is not None and first.path.parent == folder
    later_that_day = MONDAY_9 + timedelta(hours=8)
    assert back_up_if_due(db_dsn, folder, later_that_day, quitting=False, label="x") is None
    assert back_up_if_due(db_dsn, folder, later_that_day, quitting=True, label="x") is None
    next_morning = MONDAY_9 + timedelta(hours=23)
    assert back_up_if_due(db_dsn, folder, next_morning, quitting=False, label="x") is not None
    assert len(copies(folder)) == 2


def test_on_quit_a_day_old_copy_is_renewed(db_dsn: str, tmp_path: Path) -> None:
    back_up_if_due(db_dsn, tmp_path, MONDAY_9, quitting=False, label="x")
    assert not is_due(tmp_path, MONDAY_9 + timedelta(hours=23, minutes=59), quitting=True)
    assert is_due(tmp_path, MONDAY_9 + timedelta(days=1), quitting=True)


def test_the_oldest_copies_go_beyond_the_number_kept(db_dsn: str, tmp_path: Path) -> None:
    (tmp_path / "before-restore-dialdesk-2026-11-01-100000.dialdesk-backup").write_bytes(b"kept")
    (tmp_path / "notes.txt").write_text("не трогать", encoding="utf-8")
    for day in range(5):
        moment = MONDAY_9 + timedelta(days=day)
        assert back_up_if_due(db_dsn, tmp_path, moment, quitting=False, label="x", keep=3)
    kept = copies(tmp_path)
    assert [c.taken_at.date() for c in kept] == [
        (MONDAY_9 + timedelta(days=day)).date() for day in (4, 3, 2)
    ]
    assert (tmp_path / "notes.txt").exists()
    assert (tmp_path / "before-restore-dialdesk-2026-11-01-100000.dialdesk-backup").exists()
