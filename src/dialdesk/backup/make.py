"""Writing a backup: the dump and the manifest's row counts come from one snapshot of the
base, so a backup taken while operators save is consistent; the file is checked after
writing."""

import logging
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from psycopg import IsolationLevel

from dialdesk import __version__
from dialdesk.backup.container import SUFFIX, opened_backup, write_container
from dialdesk.backup.manifest import Manifest, count_rows, people_of
from dialdesk.backup.tools import ToolFailed, run
from dialdesk.errors import UserError, plain_database_errors

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Written:
    path: Path
    size: int  # bytes
    manifest: Manifest


def make_backup(dsn: str, path: Path, database: str) -> Written:
    """Back the base at ``dsn`` up into ``path`` (its owner's or a superuser's DSN: only
    they read every row), then check what was written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dialdesk-backup-") as folder:
        dump = Path(folder) / "base.dump"
        with plain_database_errors(), psycopg.connect(dsn) as conn:
            conn.isolation_level = IsolationLevel.REPEATABLE_READ
            conn.read_only = True
            row = conn.execute("SELECT pg_export_snapshot()").fetchone()
            assert row is not None
            revision = conn.execute("SELECT version_num FROM public.alembic_version").fetchone()
            if revision is None:
                raise UserError("The database holds no DialDesk schema: nothing to back up.")
            manifest = Manifest(
                dialdesk_version=__version__,
                revision=str(revision[0]),
                created_at=datetime.now(UTC),
                database=database,
                tables=count_rows(conn),
                people=people_of(conn),
            )
            # while this transaction stays open, pg_dump reads the very same snapshot
            try:
                run("pg_dump", ["--format=custom", f"--snapshot={row[0]}"], dsn=dsn,
                    writing=dump)  # fmt: skip
            except ToolFailed as exc:
                raise UserError("The backup could not be written: {detail}", detail=exc) from exc
        write_container(path, manifest, dump)
    with opened_backup(path):
        pass
    written = Written(path, path.stat().st_size, manifest)
    _record(dsn, written)
    log.info("backup of %s written: %s, %d bytes", database, path, written.size)
    return written


def _record(dsn: str, written: Written) -> None:
    """Note the backup in the base itself, for the admin's window (a base of an older schema
    has nowhere to note it)."""
    with plain_database_errors(), psycopg.connect(dsn, autocommit=True) as conn:
        found = conn.execute("SELECT to_regclass('dialdesk.backups_made')").fetchone()
        if found is None or found[0] is None:
            return
        conn.execute(
            "INSERT INTO dialdesk.backups_made (taken_at, file, bytes, revision) "
            "VALUES (%s, %s, %s, %s)",
            (written.manifest.created_at, str(written.path), written.size,
             written.manifest.revision),
        )  # fmt: skip


NAME_STAMP = "%Y-%m-%d-%H%M%S"  # local time, as the admin reads the folder


def backup_name(now: datetime) -> str:
    return f"dialdesk-{now.astimezone():{NAME_STAMP}}{SUFFIX}"
