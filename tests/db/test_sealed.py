"""The holes a hostile probe found, closed: every refusal comes from PostgreSQL itself, over a
real login of the role that tries."""

from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from dialdesk.db import migrate
from dialdesk.db.dsn import with_credentials
from dialdesk.db.engine import make_engine
from dialdesk.errors import UserError
from dialdesk.services.people import accounts as people
from tests.conftest import Logins, create_database, drop_database


@pytest.fixture
def other_base(pg_server: str) -> Iterator[str]:
    """A second DialDesk database on the same server, with an admin of its own."""
    dsn = create_database(pg_server, "dialdesk_other")
    engine = make_engine(dsn, pool_size=1)
    migrate.upgrade(engine)
    people.add_person(engine, "t_other_admin", "Админ Б", "admin", "password123")
    engine.dispose()
    try:
        yield dsn
    finally:
        drop_database(pg_server, dsn)
        with psycopg.connect(pg_server, autocommit=True) as conn:
            conn.execute("DROP ROLE IF EXISTS t_other_admin")


def test_people_of_one_database_cannot_connect_to_another(logins: Logins, other_base: str) -> None:
    for role in ("operator", "admin"):
        login, password = logins.add(role)
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            psycopg.connect(with_credentials(other_base, login, password)).close()
    # the other database's own admin still can
    with psycopg.connect(with_credentials(other_base, "t_other_admin", "password123")) as conn:
        assert conn.execute("SELECT count(*) FROM dialdesk.people").fetchone() == (1,)


def test_an_admin_manages_only_the_people_of_their_own_database(
    logins: Logins, other_base: str
) -> None:
    admin = logins.as_role("admin")
    for change in (
        lambda: people.set_password(admin, "t_other_admin", "taken-over-1"),
        lambda: people.set_active(admin, "t_other_admin", False),
        lambda: people.set_role(admin, "t_other_admin", "operator"),
    ):
        with pytest.raises(UserError, match="no DialDesk user"):
            change()


def test_disabling_a_person_ends_their_open_session_at_once(db_dsn: str, logins: Logins) -> None:
    login, password = logins.add("operator")
    session = psycopg.connect(with_credentials(db_dsn, login, password), autocommit=True)
    assert session.execute("SELECT count(*) FROM dialdesk.companies").fetchone() == (0,)
    people.set_active(logins.as_role("admin"), login, False)
    with pytest.raises(psycopg.OperationalError):
        session.execute("SELECT count(*) FROM dialdesk.companies")
    session.close()


def test_an_owner_who_may_not_end_sessions_still_disables_and_says_why(
    db: Engine, db_dsn: str, logins: Logins
) -> None:
    """On a central server the database's owner is often no superuser and not a member of
    pg_signal_backend: the person is out all the same (NOLOGIN), and the admin is told that
    their open session lasts until the server's administrator grants the role."""
    login, password = logins.add("operator")
    session = psycopg.connect(with_credentials(db_dsn, login, password), autocommit=True)
    with psycopg.connect(db_dsn, autocommit=True) as owner:
        owner.execute("DROP ROLE IF EXISTS t_weak_owner")
        owner.execute("CREATE ROLE t_weak_owner NOLOGIN NOSUPERUSER")
        owner.execute("GRANT USAGE ON SCHEMA dialdesk TO t_weak_owner")
        owner.execute("GRANT EXECUTE ON FUNCTION dialdesk.managed_login(text) TO t_weak_owner")
        owner.execute("GRANT SELECT ON dialdesk.people TO t_weak_owner")  # an owner reads it
        owner.execute("ALTER FUNCTION dialdesk.end_sessions(text) OWNER TO t_weak_owner")
        try:
            with pytest.raises(UserError, match="pg_signal_backend") as told:
                people.set_active(logins.as_role("admin"), login, False)
        finally:
            owner.execute("ALTER FUNCTION dialdesk.end_sessions(text) OWNER TO CURRENT_USER")
            owner.execute("REVOKE ALL ON SCHEMA dialdesk FROM t_weak_owner")
            owner.execute("REVOKE ALL ON FUNCTION dialdesk.managed_login(text) FROM t_weak_owner")
            owner.execute("REVOKE ALL ON dialdesk.people FROM t_weak_owner")
            owner.execute("DROP ROLE t_weak_owner")
        assert login in str(told.value) and "t_weak_owner" in str(told.value)
        row = owner.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (login,))
        assert row.fetchone() == (False,)
        active = owner.execute("SELECT active FROM dialdesk.people WHERE login = %s", (login,))
        assert active.fetchone() == (False,)
    with pytest.raises(psycopg.OperationalError):  # nobody new gets in
        psycopg.connect(with_credentials(db_dsn, login, password)).close()
    # the open session is what the message warns of
    assert session.execute("SELECT 1").fetchone() == (1,)
    session.close()


def test_nobody_forges_the_audit_log(db: Engine, logins: Logins) -> None:
    operator = logins.as_role("operator")
    forge = "permission denied for function dialdesk.write_audit"
    with pytest.raises(DBAPIError, match=forge), operator.begin() as conn:
        conn.execute(text("CREATE TEMP TABLE calls (id integer)"))
        conn.execute(
            text(
                "CREATE TRIGGER audit AFTER INSERT ON calls FOR EACH ROW "
                "EXECUTE FUNCTION dialdesk.write_audit()"
            )
        )
    # even where a trigger could be made (the superuser), it writes only for our own tables
    with pytest.raises(DBAPIError, match="serves only DialDesk"), db.begin() as conn:
        conn.execute(text("CREATE TEMP TABLE calls (id integer)"))
        conn.execute(
            text(
                "CREATE TRIGGER audit AFTER INSERT ON calls FOR EACH ROW "
                "EXECUTE FUNCTION dialdesk.write_audit()"
            )
        )
        conn.execute(text("INSERT INTO calls VALUES (42)"))
    with db.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM dialdesk.audit_log WHERE table_name = 'calls'")
            ).scalar_one()
            == 0
        )


def test_the_database_is_open_only_to_its_own_people(db: Engine, logins: Logins) -> None:
    login, _ = logins.add("operator")
    with db.connect() as conn:
        acl = conn.execute(
            text("SELECT datacl::text[] FROM pg_database WHERE datname = current_database()")
        ).scalar_one()
    assert not [item for item in acl if item.startswith("=")]  # nothing left for PUBLIC
    mine = next(item for item in acl if item.startswith(f"{login}="))
    assert set(mine.split("=")[1].split("/")[0]) == {"c", "T"}  # connect, temporary tables
