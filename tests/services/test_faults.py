"""The database server restarts in the middle of work: an import is written whole or not at
all, and an outcome in flight is saved exactly once, from the operator's journal.

Each test runs its own built-in server (the session's shared one may not be restarted)."""

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine

from dialdesk.db import migrate
from dialdesk.db.dsn import with_credentials
from dialdesk.db.embedded import EmbeddedServer
from dialdesk.db.engine import make_engine
from dialdesk.errors import DatabaseUnavailable
from dialdesk.services.lists.import_options import ImportOptions
from dialdesk.services.lists.imports import run_import
from dialdesk.services.people import accounts as people
from dialdesk.services.shift.journal import OutcomeJournal
from dialdesk.services.shift.outcomes import OutcomeInput, record_outcome
from dialdesk.services.shift.queue import claim_next_entry
from tests.conftest import dialable_company
from tests.importing.files import csv_file


@dataclass
class Restartable:
    server: EmbeddedServer
    admin: Engine

    def login(self, role: str) -> tuple[int, Engine]:
        login, password = f"t_fault_{role}", "fault-password"
        person = people.add_person(self.admin, login, login, role, password)
        dsn = with_credentials(self.server.login_dsn(), login, password)
        return person, make_engine(dsn, pool_size=1, max_overflow=1)

    def restart(self) -> None:
        self.server.stop()
        self.server.start()

    def count(self, table: str) -> int:
        with psycopg.connect(self.server.superuser_dsn()) as conn:
            row = conn.execute(f"SELECT count(*) FROM dialdesk.{table}").fetchone()
        assert row is not None
        return int(row[0])


@pytest.fixture
def restartable(tmp_path: Path) -> Iterator[Restartable]:
    server = EmbeddedServer(tmp_path / "DialDesk")
    server.start()
    admin = make_engine(server.superuser_dsn(), pool_size=1)
    try:
        migrate.upgrade(admin)
        yield Restartable(server, admin)
    finally:
        admin.dispose()
        server.stop()


def test_a_restart_during_an_import_leaves_nothing_half_written(
    restartable: Restartable, tmp_path: Path
) -> None:
    rows = [
        [f"ООО Ромашка {n}", "", f"+7 495 {n:03d}-{n % 100:02d}-{n % 97:02d}", "", "Москва", "", ""]
        for n in range(1, 601)
    ]
    path = csv_file(tmp_path / "список.csv", rows, "utf-8")
    _, marketer = restartable.login("marketer")

    def restart_before_commit(stage: str, done: int, total: int) -> None:
        if (stage, done) == ("write", total):  # everything written, nothing committed
            restartable.restart()

    with pytest.raises(DatabaseUnavailable):
        run_import(marketer, None, path, ImportOptions("Выставка"), progress=restart_before_commit)
    for table in ("companies", "phones", "import_batches", "campaigns", "campaign_entries"):
        assert restartable.count(table) == 0, table
    result = run_import(marketer, None, path, ImportOptions("Выставка"))  # tried again
    assert (result.companies_created, result.entries_added) == (600, 600)
    assert (restartable.count("companies"), restartable.count("import_batches")) == (600, 1)
    marketer.dispose()


def test_an_outcome_in_flight_at_a_restart_is_saved_once_from_the_journal(
    restartable: Restartable, tmp_path: Path
) -> None:
    dialable_company(restartable.admin, "Б")
    me, operator = restartable.login("operator")
    claim = claim_next_entry(operator, me)
    assert claim is not None
    started = datetime.now(UTC) - timedelta(minutes=2)
    outcome = OutcomeInput(uuid.uuid4(), claim.entry_id, "no_contact", started, started)
    journal = OutcomeJournal(tmp_path / "outcomes.jsonl")
    journal.add(outcome)  # kept on disk before it is sent, as the card does

    def save(data: OutcomeInput) -> object:
        return record_outcome(operator, me, data)

    # the save reaches the server and waits there (a colleague's lock on the entry) when
    # the server goes down
    blocker = psycopg.connect(restartable.server.superuser_dsn())
    blocker.execute("SELECT 1 FROM dialdesk.campaign_entries FOR UPDATE")
    results: list[object] = []
    sending = threading.Thread(target=lambda: results.append(journal.send(save)))
    sending.start()
    with psycopg.connect(restartable.server.superuser_dsn(), autocommit=True) as watch:
        for _ in range(100):
            row = watch.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            ).fetchone()
            if row and row[0]:
                break
            threading.Event().wait(0.05)
        else:
            pytest.fail("the save never reached the server")
    restartable.restart()
    sending.join(timeout=30)
    blocker.close()
    assert results and results[0].waiting == 1  # type: ignore[attr-defined]
    assert restartable.count("calls") == 0
    assert journal.send(save).sent == 1  # the next round, after the restart
    journal.add(outcome)  # the app died before it could forget the sent outcome
    assert journal.send(save).sent == 1  # "already saved": nothing doubles
    assert len(journal) == 0
    assert restartable.count("calls") == 1
    operator.dispose()
