"""A backup in place of the built-in base: the file checked first, the base it replaces
backed up, and, should the restore fail, that copy put back, so the base is never lost."""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from dialdesk.backup.container import opened_backup
from dialdesk.backup.make import Written, backup_name, make_backup
from dialdesk.backup.restore import Restored, refuse_newer, restore_backup
from dialdesk.errors import UserError

BEFORE_RESTORE = "before-restore-"


@dataclass(frozen=True)
class Replaced:
    kept: Written  # the base as it was, backed up before it made way
    restored: Restored


def replace_base(dsn: str, path: Path, folder: Path, label: str) -> Replaced:
    """Replace the whole base at ``dsn`` (the built-in server's superuser) with ``path``."""
    with opened_backup(path) as (manifest, _dump):  # a bad file changes nothing
        refuse_newer(manifest)
    kept = make_backup(dsn, folder / (BEFORE_RESTORE + backup_name(datetime.now(UTC))), label)
    _empty(dsn)
    try:
        restored = restore_backup(path, dsn)
    except Exception as exc:
        _empty(dsn)
        restore_backup(kept.path, dsn)
        raise UserError(
            "Restoring {file} failed ({detail}); the base is back as it was before.",
            file=path.name,
            detail=exc,
        ) from exc
    return Replaced(kept, restored)


def _empty(dsn: str) -> None:
    """The base's database dropped and made again, empty (no one may be connected)."""
    name = sql.Identifier(str(conninfo_to_dict(dsn)["dbname"]))
    with psycopg.connect(make_conninfo(dsn, dbname="postgres"), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))
