"""A backup in place of a base: the base it replaces is kept first, and put back when the
restore fails, so nothing is lost either way."""

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from dialdesk.backup.make import make_backup
from dialdesk.backup.replace import replace_base
from dialdesk.backup.restore import restore_into_new_database
from dialdesk.db import migrate
from dialdesk.db.engine import make_engine
from dialdesk.errors import UserError
from tests.conftest import create_database, drop_database


@pytest.fixture
def own_base(pg_server: str, db_dsn: str) -> Iterator[str]:
    """A base of its own, with one company, to be replaced."""
    dsn = create_database(pg_server, "dialdesk_replaced")
    engine = make_engine(dsn, pool_size=1)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO dialdesk.companies (name, name_key) VALUES ('Прежняя', 'прежняя')")
        )
    engine.dispose()
    yield dsn
    drop_database(pg_server, dsn)


def _names(dsn: str) -> list[str]:
    with psycopg.connect(dsn) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM dialdesk.companies ORDER BY 1")]


def test_the_base_is_replaced_and_the_old_one_kept(
    own_base: str, db_dsn: str, tmp_path: Path
) -> None:
    with psycopg.connect(db_dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO dialdesk.companies (name, name_key) VALUES ('Новая', 'новая')")
    backup = make_backup(db_dsn, tmp_path / "new.dialdesk-backup", "другая")
    replaced = replace_base(own_base, backup.path, tmp_path / "kept", "своя")
    assert replaced.restored.matches
    assert _names(own_base) == ["Новая"]
    assert replaced.kept.path.parent == tmp_path / "kept"
    assert replaced.kept.path.name.startswith("before-restore-dialdesk-")
    assert replaced.kept.manifest.tables["dialdesk.companies"] == 1


def _refused_by_the_server(db_dsn: str, tmp_path: Path) -> Path:
    """A sound backup the server cannot take: it grants to a role gone by restore time."""
    with psycopg.connect(db_dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO dialdesk.companies (name, name_key) VALUES ('Новая', 'новая')")
        conn.execute("CREATE ROLE t_gone NOLOGIN")
        conn.execute("GRANT SELECT ON dialdesk.companies TO t_gone")
    try:
        return make_backup(db_dsn, tmp_path / "bad.dialdesk-backup", "другая").path
    finally:
        with psycopg.connect(db_dsn, autocommit=True) as conn:
            conn.execute("REVOKE ALL ON dialdesk.companies FROM t_gone")
            conn.execute("DROP ROLE t_gone")


def test_a_restore_that_fails_puts_the_old_base_back(
    own_base: str, db_dsn: str, tmp_path: Path
) -> None:
    with pytest.raises(UserError, match="back as it was before"):
        replace_base(own_base, _refused_by_the_server(db_dsn, tmp_path), tmp_path / "kept", "своя")
    assert _names(own_base) == ["Прежняя"]


def test_a_failed_restore_into_a_new_database_leaves_no_database_behind(
    db_dsn: str, pg_server: str, tmp_path: Path
) -> None:
    bad = _refused_by_the_server(db_dsn, tmp_path)
    with pytest.raises(UserError, match="nothing was restored"):
        restore_into_new_database(db_dsn, "dialdesk_never_made", bad)
    with psycopg.connect(pg_server) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = 'dialdesk_never_made'")
        assert found.fetchone() is None
