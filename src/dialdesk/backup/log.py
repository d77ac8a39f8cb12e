"""The backups the base has recorded (``backups_made``), newest first, and whether the newest
is old enough to warn the admin."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, text

from dialdesk.errors import plain_database_errors

WARN_AFTER = timedelta(days=2)


@dataclass(frozen=True)
class BackupLine:
    taken_at: datetime
    file: str
    bytes: int
    made_by: str


def recent_backups(engine: Engine, limit: int = 100) -> list[BackupLine]:
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT taken_at, file, bytes, made_by FROM dialdesk.backups_made "
                "ORDER BY taken_at DESC, id DESC LIMIT :n"
            ),
            {"n": limit},
        ).all()
    return [BackupLine(*row) for row in rows]


def is_overdue(newest: BackupLine | None, now: datetime) -> bool:
    """No backup at all, or the newest older than two days."""
    return newest is None or now - newest.taken_at > WARN_AFTER
