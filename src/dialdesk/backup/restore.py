"""Restoring a backup into an empty database: group roles and people's logins the server lacks
are made first (disabled: they set a new password), the dump goes in as one transaction, the
database is opened to its own people only, and an older schema is brought up to date."""

import logging
import subprocess
import tempfile
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

from dialdesk.backup.container import opened_backup
from dialdesk.backup.manifest import Manifest, count_rows
from dialdesk.backup.tools import connection_arguments, program
from dialdesk.db import migrate
from dialdesk.db.engine import make_engine
from dialdesk.errors import UserError, plain_database_errors
from dialdesk.vocabulary import ROLES

log = logging.getLogger(__name__)

GROUPS = ROLES  # each role's group role, dialdesk_<role>


@dataclass
class Restored:
    manifest: Manifest
    counts: dict[str, int]  # rows as restored, before any upgrade of the schema
    recreated_logins: list[str] = field(default_factory=list)  # disabled until a new password
    upgraded_from: str | None = None  # the backup's older schema revision

    @property
    def matches(self) -> bool:
        return self.counts == self.manifest.tables


def restore_backup(path: Path, dsn: str) -> Restored:
    """Restore ``path`` into the empty database at ``dsn`` (as its owner or a superuser)."""
    with opened_backup(path) as (manifest, dump):
        refuse_newer(manifest)
        with plain_database_errors(), psycopg.connect(dsn, autocommit=True) as conn:
            _refuse_a_full_database(conn)
            recreated = _make_missing_logins(conn, manifest)
            server_version = conn.info.server_version
        _load(dump, dsn, server_version)
        with plain_database_errors(), psycopg.connect(dsn, autocommit=True) as conn:
            counts = count_rows(conn)  # as restored: what follows is audited, as it should be
            _seal(conn)
            if recreated:
                conn.execute(
                    "UPDATE dialdesk.people SET active = false WHERE login = ANY(%s)", (recreated,)
                )
    restored = Restored(manifest, counts, recreated)
    if manifest.revision != migrate.latest_revision():
        engine = make_engine(dsn, pool_size=1)
        try:
            migrate.upgrade(engine)
        finally:
            engine.dispose()
        restored.upgraded_from = manifest.revision
    log.info("backup %s restored (revision %s, upgraded from %s)", path, manifest.revision,
             restored.upgraded_from)  # fmt: skip
    return restored


def restore_into_new_database(owner_dsn: str, database: str, path: Path) -> Restored:
    """Make the empty database ``database`` on the server of ``owner_dsn`` (as the owner,
    who may create databases) and restore ``path`` into it."""
    with opened_backup(path) as (manifest, _dump):  # a bad file creates nothing
        refuse_newer(manifest)
    with plain_database_errors(), psycopg.connect(owner_dsn, autocommit=True) as conn:
        try:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
        except psycopg.errors.DuplicateDatabase as exc:
            raise UserError(
                "The database {database} already exists: name a new one.", database=database
            ) from exc
    try:
        return restore_backup(path, make_conninfo(owner_dsn, dbname=database))
    except BaseException:  # nothing half-made stays behind under that name
        with psycopg.connect(owner_dsn, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
            )
        raise


def refuse_newer(manifest: Manifest) -> None:
    if manifest.revision not in migrate.all_revisions():
        raise UserError(
            "This backup comes from a newer DialDesk (schema {revision}); update DialDesk "
            "before restoring it.",
            revision=manifest.revision,
        )


def _refuse_a_full_database(conn: psycopg.Connection[Any]) -> None:
    row = conn.execute(
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'dialdesk' "
        "OR (schemaname = 'public' AND tablename = 'alembic_version')"
    ).fetchone()
    if row and row[0]:
        raise UserError(
            "The database {database} already holds a DialDesk base; restore into a new, empty "
            "database.",
            database=conn.info.dbname,
        )


def _make_missing_logins(conn: psycopg.Connection[Any], manifest: Manifest) -> list[str]:
    """Group roles and people's logins are the server's, not the database's: make those it
    lacks, the logins unable to log in until an admin sets a new password."""
    existing = {row[0] for row in conn.execute("SELECT rolname FROM pg_roles")}
    for group in (f"dialdesk_{name}" for name in GROUPS):
        if group not in existing:
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
    recreated = []
    for person in manifest.people:
        if person.login in existing:
            continue
        conn.execute(
            sql.SQL("CREATE ROLE {} NOLOGIN IN ROLE {}").format(
                sql.Identifier(person.login), sql.Identifier(f"dialdesk_{person.role}")
            )
        )
        recreated.append(person.login)
    return recreated


def _load(dump: Path, dsn: str, server_version: int) -> None:
    """pg_restore writes the dump as SQL and psql runs it in one transaction: all or nothing."""
    connect, env = connection_arguments(dsn)
    # what the two say goes to files, not pipes: a pipe nobody reads could stall them
    # the dump is opened here and handed over as standard input (see tools.run)
    with (
        tempfile.TemporaryFile() as read_log,
        tempfile.TemporaryFile() as write_log,
        dump.open("rb") as source,
    ):
        reader = subprocess.Popen(
            [str(program("pg_restore")), "--no-owner", "--file=-"],
            stdin=source,
            stdout=subprocess.PIPE,
            stderr=read_log,
        )
        writer = subprocess.Popen(
            [str(program("psql")), "--no-psqlrc", "--quiet", "--single-transaction",
             "--set=ON_ERROR_STOP=1", *connect],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=write_log,
            env=env,
        )  # fmt: skip
        assert reader.stdout is not None and writer.stdin is not None
        try:
            for line in reader.stdout:
                if not _foreign(line, server_version):
                    writer.stdin.write(line)
        except BrokenPipeError:
            pass  # psql stopped at an error: said below
        finally:
            with suppress(BrokenPipeError):
                writer.stdin.close()
            reader.stdout.close()
            writer.wait()
            reader.wait()
        if reader.returncode == 0 and writer.returncode == 0:
            return
        write_log.seek(0)
        read_log.seek(0)
        said = (write_log.read() or read_log.read()).decode("utf-8", "replace").strip()
    raise UserError(
        "Restoring failed, and nothing was restored: {detail}",
        detail=" / ".join(said.splitlines()[-3:]) or "no message",
    )


def _foreign(line: bytes, server_version: int) -> bool:
    """A line of the dump that the receiving server would refuse although nothing of the base
    is in it: pg_restore 18 sets transaction_timeout, unknown to servers before 17; some
    servers keep a private version number on every column (``pg_attver``), which pg_dump
    carries as a column option that other servers do not know."""
    if line.startswith(b"SET transaction_timeout"):
        return server_version < 170000
    return line.startswith(b"ALTER TABLE ONLY ") and b" SET (pg_attver=" in line


def _seal(conn: psycopg.Connection[Any]) -> None:
    """As migration 0019 leaves a base: only its own people may connect."""
    database = sql.Identifier(conn.info.dbname)
    conn.execute(sql.SQL("REVOKE CONNECT, TEMPORARY ON DATABASE {} FROM PUBLIC").format(database))
    for (login,) in conn.execute(
        "SELECT p.login FROM dialdesk.people p JOIN pg_roles r ON r.rolname = p.login"
    ).fetchall():
        conn.execute(
            sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(
                database, sql.Identifier(login)
            )
        )
