"""The built-in base backs itself up every day without anyone remembering: at the first start
of a day, and on quit when the newest copy is older than a day, into the folder the admin
chose, keeping the newest ``keep`` copies."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from dialdesk.backup.container import SUFFIX
from dialdesk.backup.make import NAME_STAMP, Written, backup_name, make_backup

KEEP = 14
DAILY_PREFIX = "dialdesk-"  # before-restore copies are named otherwise and never pruned


@dataclass(frozen=True)
class Copy:
    path: Path
    taken_at: datetime
    size: int


def copies(folder: Path) -> list[Copy]:
    """The daily copies in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{DAILY_PREFIX}*{SUFFIX}"):
        stamp = path.name.removeprefix(DAILY_PREFIX).removesuffix(SUFFIX)
        try:  # the name says when (backup_name), whatever copying the file did to its dates
            taken = datetime.strptime(stamp, NAME_STAMP).astimezone()
        except ValueError:
            continue  # not one of ours
        found.append(Copy(path, taken, path.stat().st_size))
    return sorted(found, key=lambda copy: copy.taken_at, reverse=True)


def is_due(folder: Path, now: datetime, *, quitting: bool) -> bool:
    """At a start: no copy yet today (local time). On quit: none in the last 24 hours."""
    newest = copies(folder)
    if not newest:
        return True
    taken = newest[0].taken_at
    if quitting:
        return now - taken >= timedelta(days=1)
    return taken.astimezone(now.tzinfo).date() < now.date()


def back_up_if_due(
    dsn: str, folder: Path, now: datetime, *, quitting: bool, label: str, keep: int = KEEP
) -> Written | None:
    """Write today's copy when one is due and prune the oldest beyond ``keep``."""
    if not is_due(folder, now, quitting=quitting):
        return None
    written = make_backup(dsn, folder / backup_name(now), label)
    for old in copies(folder)[max(keep, 1) :]:
        old.path.unlink(missing_ok=True)
    return written
