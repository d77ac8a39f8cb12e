"""A backup restores the whole base: every table's rows, the audit log and the people; a
damaged, foreign or newer file is refused before anything changes."""

import threading
import uuid
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, text

from dialdesk.backup.container import MANIFEST
from dialdesk.backup.make import make_backup
from dialdesk.backup.restore import restore_backup
from dialdesk.db import migrate
from dialdesk.db.dsn import with_credentials
from dialdesk.db.embedded import EmbeddedServer
from dialdesk.db.engine import make_engine
from dialdesk.demo.base import DemoResult
from dialdesk.errors import UserError
from dialdesk.services.people import accounts as people
from dialdesk.services.shift.outcomes import OutcomeInput, save_and_claim_next
from dialdesk.services.shift.queue import claim_next_entry
from tests.conftest import Logins, create_database, drop_database


@pytest.fixture
def empty_base(pg_server: str, db_dsn: str) -> Iterator[str]:
    """A new, empty database on the same server (gone before the test's logins are)."""
    dsn = create_database(pg_server, "dialdesk_restored")
    yield dsn
    drop_database(pg_server, dsn)


def _rows(dsn: str, query: str) -> list[tuple[object, ...]]:
    with psycopg.connect(dsn) as conn:
        return [tuple(row) for row in conn.execute(query).fetchall()]


def test_a_demo_base_comes_back_whole(
    demo: DemoResult, db_dsn: str, empty_base: str, tmp_path: Path
) -> None:
    written = make_backup(db_dsn, tmp_path / "base.dialdesk-backup", "проверка")
    assert written.manifest.tables["dialdesk.companies"] == 300
    assert written.manifest.tables["dialdesk.audit_log"] > 0
    assert {p.role for p in written.manifest.people} >= {"operator", "admin"}
    restored = restore_backup(written.path, empty_base)
    assert restored.matches and restored.upgraded_from is None
    assert restored.recreated_logins == []  # the same server still has them
    for query in (
        "SELECT id, name, inn, current_outcome_id, row_version FROM dialdesk.companies "
        "ORDER BY id LIMIT 50",
        "SELECT id, client_id, company_id, outcome_id, started_at, comment FROM dialdesk.calls "
        "ORDER BY id DESC LIMIT 50",
        "SELECT id, table_name, action, row_id, db_user, at, new_row FROM dialdesk.audit_log "
        "ORDER BY id LIMIT 50",
        "SELECT login, full_name, role, active FROM dialdesk.people ORDER BY login",
        "SELECT version_num FROM public.alembic_version",
    ):
        assert _rows(empty_base, query) == _rows(db_dsn, query), query


def test_the_restored_base_works_for_its_people(
    db: Engine, db_dsn: str, empty_base: str, logins: Logins, tmp_path: Path
) -> None:
    login, password = logins.add("operator")
    written = make_backup(db_dsn, tmp_path / "base.dialdesk-backup", "проверка")
    restore_backup(written.path, empty_base)
    with psycopg.connect(with_credentials(empty_base, login, password)) as conn:
        assert conn.execute("SELECT dialdesk.current_person_id() IS NOT NULL").fetchone() == (True,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the rights came back too
            conn.execute("UPDATE dialdesk.campaign_entries SET state = 'done'")


def test_a_base_is_restored_only_into_an_empty_database(db_dsn: str, tmp_path: Path) -> None:
    written = make_backup(db_dsn, tmp_path / "base.dialdesk-backup", "проверка")
    with pytest.raises(UserError, match="already holds a DialDesk base"):
        restore_backup(written.path, db_dsn)


def test_a_damaged_foreign_or_newer_file_is_refused(
    db_dsn: str, empty_base: str, tmp_path: Path
) -> None:
    written = make_backup(db_dsn, tmp_path / "base.dialdesk-backup", "проверка")
    whole = written.path.read_bytes()
    cut = tmp_path / "cut.dialdesk-backup"
    cut.write_bytes(whole[: len(whole) // 2])
    foreign = tmp_path / "list.dialdesk-backup"
    foreign.write_text("Наименование;ИНН\n", encoding="utf-8")
    flipped = tmp_path / "flipped.dialdesk-backup"
    middle = len(whole) // 2
    flipped.write_bytes(whole[:middle] + bytes([whole[middle] ^ 0xFF]) + whole[middle + 1 :])
    newer = tmp_path / "newer.dialdesk-backup"
    with zipfile.ZipFile(written.path) as source, zipfile.ZipFile(newer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == MANIFEST:
                data = data.replace(b'"revision": "', b'"revision": "9999')
            target.writestr(item, data)
    for path, said in (
        (cut, "not a DialDesk backup, or it is damaged"),
        (foreign, "not a DialDesk backup, or it is damaged"),
        (flipped, "damaged"),
        (newer, "newer DialDesk"),
        (tmp_path / "missing.dialdesk-backup", "There is no backup file"),
    ):
        with pytest.raises(UserError, match=said):
            restore_backup(path, empty_base)
        tables = "SELECT count(*) FROM pg_tables WHERE schemaname = 'dialdesk'"
        assert _rows(empty_base, tables) == [(0,)], path


def test_a_backup_of_an_older_schema_is_brought_up_to_date(
    pg_server: str, empty_base: str, tmp_path: Path
) -> None:
    older = create_database(pg_server, "dialdesk_older")
    try:
        engine = make_engine(older, pool_size=1)
        migrate.upgrade(engine, "0015")
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO dialdesk.companies (name, name_key) VALUES ('Старая', 'старая')")
            )
        engine.dispose()
        written = make_backup(older, tmp_path / "older.dialdesk-backup", "старая")
    finally:
        drop_database(pg_server, older)
    assert written.manifest.revision == "0015"
    restored = restore_backup(written.path, empty_base)
    assert restored.matches and restored.upgraded_from == "0015"
    assert _rows(empty_base, "SELECT version_num FROM public.alembic_version") == [
        (migrate.latest_revision(),)
    ]
    assert _rows(empty_base, "SELECT name FROM dialdesk.companies") == [("Старая",)]


def test_on_a_new_server_the_people_come_back_disabled_until_a_new_password(
    db_dsn: str, logins: Logins, tmp_path: Path
) -> None:
    login, _password = logins.add("admin")
    written = make_backup(db_dsn, tmp_path / "base.dialdesk-backup", "проверка")
    server = EmbeddedServer(tmp_path / "new-server")  # another computer, empty
    server.start()
    try:
        restored = restore_backup(written.path, server.superuser_dsn())
        assert restored.matches and restored.recreated_logins == [login]
        target = make_engine(server.superuser_dsn(), pool_size=1)
        assert [(p.login, p.active) for p in people.list_people(target)] == [(login, False)]
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(with_credentials(server.login_dsn(), login, "anything")).close()
        people.set_password(target, login, "a-new-password")  # dialdesk user password
        people.set_active(target, login, True)
        target.dispose()
        with psycopg.connect(with_credentials(server.login_dsn(), login, "a-new-password")) as c:
            assert c.execute("SELECT role FROM dialdesk.people").fetchone() == ("admin",)
    finally:
        server.stop()


def test_a_backup_taken_while_operators_save_is_consistent(
    db: Engine, db_dsn: str, empty_base: str, logins: Logins, tmp_path: Path
) -> None:
    with db.begin() as conn:
        campaign = conn.execute(
            text(
                "INSERT INTO dialdesk.campaigns (name, calling_hours_start, calling_hours_end, "
                "working_days_only, max_attempts) VALUES ('Весь день', '00:00', '23:59:59', "
                "false, 1000) RETURNING id"
            )
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO dialdesk.companies (name, name_key) "
                "SELECT 'Компания ' || g, 'компания ' || g FROM generate_series(1, 300) g"
            )
        )
        conn.execute(
            text(
                "INSERT INTO dialdesk.phones (company_id, e164) "
                "SELECT id, '+7495' || lpad(id::text, 7, '0') FROM dialdesk.companies"
            )
        )
        conn.execute(
            text(
                "INSERT INTO dialdesk.campaign_entries (campaign_id, company_id) "
                "SELECT :k, id FROM dialdesk.companies"
            ),
            {"k": campaign},
        )
    stop = threading.Event()
    saves: list[int] = []

    def work(role_engine: Engine, me: int) -> None:
        claim = claim_next_entry(role_engine, me)
        while claim is not None and not stop.is_set():
            at = datetime.now(UTC) - timedelta(seconds=30)
            data = OutcomeInput(uuid.uuid4(), claim.entry_id, "no_contact", at, at)
            _, claim = save_and_claim_next(role_engine, me, data)
            saves.append(1)

    workers = []
    for _ in range(3):
        login, password = logins.add("operator")
        workers.append(
            threading.Thread(
                target=work, args=(logins.engine(login, password), logins.person_id(login))
            )
        )
    for worker in workers:
        worker.start()
    try:
        while len(saves) < 20:
            threading.Event().wait(0.05)
        written = make_backup(db_dsn, tmp_path / "busy.dialdesk-backup", "проверка")
    finally:
        stop.set()
        for worker in workers:
            worker.join()
    restored = restore_backup(written.path, empty_base)
    assert restored.matches
    calls = restored.counts["dialdesk.calls"]
    assert 20 <= calls < len(saves) + 1
    # every save adds one call and one attempt together: a torn copy would tell them apart
    assert _rows(empty_base, "SELECT sum(attempts) FROM dialdesk.campaign_entries") == [(calls,)]


def test_a_new_database_for_a_restore_must_really_be_new(
    db_dsn: str, empty_base: str, tmp_path: Path
) -> None:
    from psycopg.conninfo import conninfo_to_dict

    from dialdesk.backup.restore import restore_into_new_database

    written = make_backup(db_dsn, tmp_path / "base.dialdesk-backup", "проверка")
    taken = str(conninfo_to_dict(empty_base)["dbname"])
    with pytest.raises(UserError, match=f"The database {taken} already exists"):
        restore_into_new_database(db_dsn, taken, written.path)
