"""A real PostgreSQL for every test: ``DIALDESK_TEST_DSN`` if set, else an embedded server.

The session makes its own database, migrates it, and every test starts from clean data.
"""

import os
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from PySide6.QtCore import QThreadPool
from sqlalchemy import Engine, text

from dialdesk.db import migrate
from dialdesk.db.dsn import with_credentials
from dialdesk.db.embedded import EmbeddedServer
from dialdesk.db.engine import make_engine
from dialdesk.db.logins import drop_login
from dialdesk.demo.base import DemoResult, load_demo
from dialdesk.services.people import accounts as people
from dialdesk.services.people.login import LoggedIn, log_in

# fixtures more than one folder uses
pytest_plugins = ["tests.services.expert_floor", "tests.mail_server"]


def _dsn_for(server_dsn: str, dbname: str) -> str:
    params = conninfo_to_dict(server_dsn)
    params["dbname"] = dbname
    return make_conninfo(**params)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """Superuser DSN of the server the tests use (its maintenance database)."""
    given = os.environ.get("DIALDESK_TEST_DSN", "").strip()
    if given:
        yield given
        return
    folder = Path(tempfile.mkdtemp(prefix="dialdesk-test-"))
    server = EmbeddedServer(folder)
    server.start()
    try:
        yield server.superuser_dsn("postgres")
    finally:
        server.stop()


def dialable_company(engine: Engine, name: str) -> tuple[int, int]:
    """A campaign open round the clock with one company to call: (campaign, company)."""
    with engine.begin() as conn:
        campaign = conn.execute(
            text(
                "INSERT INTO dialdesk.campaigns (name, calling_hours_start, calling_hours_end, "
                "working_days_only) VALUES (:n, '00:00', '23:59:59', false) RETURNING id"
            ),
            {"n": f"Весь день: {name}"},
        ).scalar_one()
        company = conn.execute(
            text("INSERT INTO dialdesk.companies (name, name_key) VALUES (:n, :k) RETURNING id"),
            {"n": name, "k": name.lower()},
        ).scalar_one()
        conn.execute(
            text("INSERT INTO dialdesk.phones (company_id, e164) VALUES (:c, '+74951112233')"),
            {"c": company},
        )
        conn.execute(
            text("INSERT INTO dialdesk.campaign_entries (campaign_id, company_id) VALUES (:k, :c)"),
            {"k": campaign, "c": company},
        )
    return int(campaign), int(company)


def create_database(server_dsn: str, prefix: str = "dialdesk_test") -> str:
    name = f"{prefix}_{secrets.token_hex(4)}"
    with psycopg.connect(server_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return _dsn_for(server_dsn, name)


def drop_database(server_dsn: str, dsn: str) -> None:
    name = conninfo_to_dict(dsn)["dbname"]
    with psycopg.connect(server_dsn, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@pytest.fixture(scope="session")
def database_dsn(pg_server: str) -> Iterator[str]:
    """A migrated database of our own for the whole session."""
    dsn = create_database(pg_server)
    engine = make_engine(dsn, pool_size=1)
    migrate.upgrade(engine)
    engine.dispose()
    _keep_seed_rows(dsn)
    try:
        yield dsn
    finally:
        drop_database(pg_server, dsn)


# The rows the migrations leave in a new base (outcome codes, pause reasons), kept aside
# once the session's database is migrated and put back after every test.
SEED_TABLES = (
    "outcome_definitions",
    "pause_codes",
    "lost_reasons",
    "sales_settings",
    "mail_settings",
)


def _keep_seed_rows(dsn: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        for table in SEED_TABLES:
            conn.execute(
                sql.SQL("CREATE TABLE {} AS TABLE {}").format(
                    sql.Identifier("public", f"seed_{table}"), sql.Identifier("dialdesk", table)
                )
            )


def _put_seed_rows_back(conn: psycopg.Connection) -> None:
    for table in SEED_TABLES:
        conn.execute(
            sql.SQL("INSERT INTO {} TABLE {}").format(
                sql.Identifier("dialdesk", table), sql.Identifier("public", f"seed_{table}")
            )
        )
        conn.execute(
            sql.SQL("SELECT setval(pg_get_serial_sequence({}, 'id'), max(id)) FROM {}").format(
                sql.Literal(f"dialdesk.{table}"), sql.Identifier("dialdesk", table)
            )
        )


def reset_data(dsn: str) -> None:
    """Remove every row and every login the test made; put the seed rows back."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        # a test that left a transaction open fails here instead of hanging the whole run
        conn.execute("SET lock_timeout = '15s'")
        logins = [r[0] for r in conn.execute("SELECT login FROM dialdesk.people")]
        tables = [
            r[0]
            for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'dialdesk'")
        ]
        conn.execute(
            sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(
                sql.SQL(", ").join(sql.Identifier("dialdesk", t) for t in tables)
            )
        )
        _put_seed_rows_back(conn)
        for login in logins:
            drop_login(conn, login)


@pytest.fixture
def db_dsn(database_dsn: str) -> Iterator[str]:
    """Superuser DSN of the session database, clean for this test."""
    yield database_dsn
    reset_data(database_dsn)


@pytest.fixture(scope="session")
def demo_prefix() -> str:
    """Demo logins for this session: logins are server-wide, so keep clear of real demos."""
    return f"t{secrets.token_hex(2)}_"


@pytest.fixture
def db(db_dsn: str) -> Iterator[Engine]:
    engine = make_engine(db_dsn, pool_size=2)
    yield engine
    engine.dispose()


class Logins:
    """Makes people with real logins and hands out engines connected as them."""

    def __init__(self, admin: Engine, dsn: str) -> None:
        self._admin = admin
        self._dsn = dsn
        self._engines: list[Engine] = []

    def add(self, role: str, login: str | None = None) -> tuple[str, str]:
        login = login or f"t_{role}_{secrets.token_hex(3)}"
        password = secrets.token_urlsafe(12)
        people.add_person(self._admin, login, f"Test {role}", role, password)
        return login, password

    def engine(self, login: str, password: str) -> Engine:
        engine = make_engine(with_credentials(self._dsn, login, password), pool_size=1)
        self._engines.append(engine)
        return engine

    def as_role(self, role: str) -> Engine:
        return self.engine(*self.add(role))

    def person_id(self, login: str) -> int:
        """The person behind ``login``."""
        with self._admin.connect() as conn:
            return int(
                conn.execute(
                    text("SELECT id FROM dialdesk.people WHERE login = :l"), {"l": login}
                ).scalar_one()
            )

    def close(self) -> None:
        for engine in self._engines:
            engine.dispose()


@pytest.fixture
def logins(db: Engine, db_dsn: str) -> Iterator[Logins]:
    made = Logins(db, db_dsn)
    yield made
    made.close()


@pytest.fixture
def demo(db: Engine, demo_prefix: str) -> DemoResult:
    """The demo base, its campaigns open round the clock: a test that takes a card must not
    depend on the hour or the day of the week the suite runs at."""
    made = load_demo(db, 300, login_prefix=demo_prefix)
    with db.begin() as conn:
        conn.execute(
            text(
                "UPDATE dialdesk.campaigns SET calling_hours_start = '00:00', "
                "calling_hours_end = '23:59:59', working_days_only = false"
            )
        )
    return made


@pytest.fixture
def session_as(db_dsn: str, demo: DemoResult) -> Iterator:
    opened: list[LoggedIn] = []

    def open_session(role: str) -> LoggedIn:
        login = next(item for item in demo.logins if item.role == role)
        session = log_in(db_dsn, login.login, login.password)
        opened.append(session)
        return session

    yield open_session
    QThreadPool.globalInstance().waitForDone(10000)  # queries the widgets started
    for session in opened:
        session.engine.dispose()
