"""Each role's refusals come from PostgreSQL itself, over a real login of that role."""

import uuid

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DataError, DBAPIError

from dialdesk.errors import DATABASE_MESSAGES, UserError
from dialdesk.services.people import accounts as people
from tests.conftest import Logins


def _company(db: Engine) -> int:
    with db.begin() as conn:
        return int(
            conn.execute(
                text(
                    "INSERT INTO dialdesk.companies (name, name_key) "
                    "VALUES ('ООО «Ромашка»', 'ромашка') RETURNING id"
                )
            ).scalar_one()
        )


def _refused(engine: Engine, statement: str, **params: object) -> BaseException:
    with pytest.raises(DBAPIError) as caught, engine.begin() as conn:
        conn.execute(text(statement), params)
    return caught.value.orig  # type: ignore[return-value]


def _insufficient(engine: Engine, statement: str, **params: object) -> None:
    error = _refused(engine, statement, **params)
    assert isinstance(error, psycopg.errors.InsufficientPrivilege), error


@pytest.fixture
def operator(logins: Logins) -> tuple[str, Engine]:
    login, password = logins.add("operator")
    return login, logins.engine(login, password)


def test_operator_cannot_delete_companies(db: Engine, operator: tuple[str, Engine]) -> None:
    company = _company(db)
    _insufficient(operator[1], "DELETE FROM dialdesk.companies WHERE id = :id", id=company)


def _held_by(db: Engine, company: int, person: int) -> None:
    """Put ``company`` on ``person``'s card, as the queue would."""
    with db.begin() as conn:
        campaign = conn.execute(
            text("INSERT INTO dialdesk.campaigns (name) VALUES ('Обзвон') RETURNING id")
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO dialdesk.campaign_entries (campaign_id, company_id, state, "
                "claimed_by, lease_expires_at, last_claimed_by, last_claimed_at) "
                "VALUES (:k, :c, 'claimed', :p, now() + interval '10 minutes', :p, now())"
            ),
            {"k": campaign, "c": company, "p": person},
        )


def test_operator_edits_a_company_they_hold_and_row_version_moves(
    db: Engine, logins: Logins, operator: tuple[str, Engine]
) -> None:
    company = _company(db)
    edit = "UPDATE dialdesk.companies SET notes = 'перезвонить' WHERE id = :id"
    error = _refused(operator[1], edit, id=company)  # not on their card
    assert isinstance(error, psycopg.errors.InsufficientPrivilege)
    assert error.diag.message_hint == "dialdesk:not_held"
    _held_by(db, company, logins.person_id(operator[0]))
    with operator[1].begin() as conn:
        version = conn.execute(text(edit + " RETURNING row_version"), {"id": company}).scalar_one()
    assert version == 2


def test_operators_write_calls_and_callbacks_only_through_the_queue(
    db: Engine, logins: Logins, operator: tuple[str, Engine]
) -> None:
    company = _company(db)
    me = logins.person_id(operator[0])
    _insufficient(
        operator[1],
        "INSERT INTO dialdesk.calls (client_id, company_id, operator_id, outcome_id) "
        "VALUES (:cid, :company, :op, (SELECT id FROM dialdesk.outcome_definitions "
        "WHERE code = 'cold'))",
        cid=uuid.uuid4(),
        company=company,
        op=me,
    )
    with db.begin() as conn:
        callback = conn.execute(
            text(
                "INSERT INTO dialdesk.callbacks (company_id, due_at, created_by) "
                "VALUES (:c, now(), :p) RETURNING id"
            ),
            {"c": company, "p": me},
        ).scalar_one()
    _insufficient(
        operator[1],
        "UPDATE dialdesk.callbacks SET state = 'done', taken_by = :me WHERE id = :id",
        id=callback,
        me=me,
    )
    _insufficient(
        operator[1],
        "INSERT INTO dialdesk.callbacks (company_id, due_at, created_by) VALUES (:c, now(), :me)",
        c=company,
        me=me,
    )


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE dialdesk.outcome_definitions SET is_final = true WHERE code = 'warm'",
        "INSERT INTO dialdesk.outcome_definitions (code, label_ru, label_en) "
        "VALUES ('x', 'x', 'x')",
        "INSERT INTO dialdesk.campaigns (name) VALUES ('своя кампания')",
        "UPDATE dialdesk.campaigns SET is_active = false",
        "UPDATE dialdesk.people SET role = 'admin'",
        "INSERT INTO dialdesk.companies (name, name_key) VALUES ('Импорт', 'импорт')",
        "INSERT INTO dialdesk.import_batches (file_name) VALUES ('list.xlsx')",
        "SELECT * FROM dialdesk.audit_log",
        "UPDATE dialdesk.audit_log SET db_user = 'nobody'",
        "SELECT dialdesk.create_person('mallory', 'M', 'admin', 'x')",
        "SELECT dialdesk.set_person_role('nobody', 'admin')",
    ],
)
def test_operator_refusals(operator: tuple[str, Engine], statement: str) -> None:
    _insufficient(operator[1], statement)


@pytest.mark.parametrize("role", ["supervisor", "marketer"])
def test_only_admins_manage_logins(logins: Logins, role: str) -> None:
    engine = logins.as_role(role)
    with pytest.raises(UserError, match="refused"):
        people.add_person(engine, "t_someone", "Someone", "operator", "password123")


@pytest.mark.parametrize("role", ["supervisor", "marketer"])
def test_only_admins_read_the_audit_log(logins: Logins, role: str) -> None:
    _insufficient(logins.as_role(role), "SELECT count(*) FROM dialdesk.audit_log")


def test_marketer_imports_but_cannot_change_outcome_codes(logins: Logins) -> None:
    marketer = logins.as_role("marketer")
    with marketer.begin() as conn:
        conn.execute(
            text("INSERT INTO dialdesk.companies (name, name_key) VALUES ('Импорт', 'импорт')")
        )
        conn.execute(text("INSERT INTO dialdesk.import_batches (file_name) VALUES ('a.xlsx')"))
    _insufficient(marketer, "UPDATE dialdesk.outcome_definitions SET hidden = true")


def test_admin_manages_logins_and_reads_but_cannot_rewrite_the_audit(
    db: Engine, logins: Logins
) -> None:
    admin = logins.as_role("admin")
    new_id = people.add_person(admin, "t_newbie", "Новичок", "operator", "password123")
    assert new_id > 0
    people.set_active(admin, "t_newbie", False)
    with admin.begin() as conn:
        rows = conn.execute(
            text(
                "SELECT db_user, action, new_row ->> 'login', new_row ->> 'active' "
                "FROM dialdesk.audit_log WHERE table_name = 'people' AND row_id = :id "
                "ORDER BY id"
            ),
            {"id": str(new_id)},
        ).all()
    admin_login = rows[0][0]
    assert admin_login.startswith("t_admin_")
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("INSERT", "t_newbie", "true"),
        ("UPDATE", "t_newbie", "false"),
    ]
    _insufficient(admin, "UPDATE dialdesk.audit_log SET db_user = 'nobody'")
    _insufficient(admin, "DELETE FROM dialdesk.audit_log")


def test_audit_records_old_and_new_values_of_a_company_edit(
    db: Engine, logins: Logins, operator: tuple[str, Engine]
) -> None:
    company = _company(db)
    _held_by(db, company, logins.person_id(operator[0]))
    with operator[1].begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.companies SET city = 'Омск' WHERE id = :id"), {"id": company}
        )
    with db.connect() as conn:
        who, old, new = conn.execute(
            text(
                "SELECT db_user, old_row ->> 'city', new_row ->> 'city' FROM dialdesk.audit_log "
                "WHERE table_name = 'companies' AND row_id = :id"
            ),
            {"id": str(company)},
        ).one()
    assert (who, old, new) == (operator[0], None, "Омск")


def test_disabled_person_cannot_log_in(db: Engine, logins: Logins) -> None:
    login, password = logins.add("operator")
    people.set_active(db, login, False)
    with pytest.raises(UserError, match="Cannot reach"):
        people.whoami(logins.engine(login, password))


def test_whoami_reports_the_role_from_the_database(db: Engine, logins: Logins) -> None:
    login, password = logins.add("supervisor")
    identity = people.whoami(logins.engine(login, password))
    assert (identity.login, identity.role, identity.is_superuser) == (login, "supervisor", False)
    assert people.whoami(db).is_superuser


def test_bad_login_names_are_refused_by_the_database(db: Engine) -> None:
    with pytest.raises(UserError, match="not allowed"):
        people.add_person(db, "Robert'); DROP", "x", "operator", "password123")
    with pytest.raises(UserError, match="reserved"):
        people.add_person(db, "dialdesk_admin", "x", "operator", "password123")


def test_database_refusals_carry_a_translatable_message(db: Engine) -> None:
    with pytest.raises(UserError) as caught:
        people.add_person(db, "Bad Login", "x", "operator", "password123")
    assert caught.value.template == DATABASE_MESSAGES["login_not_allowed"]
    assert caught.value.params == {"login": "Bad Login"}
    with pytest.raises(UserError) as caught:
        people.set_active(db, "ghost", False)
    assert str(caught.value) == "There is no DialDesk user 'ghost'."


def test_unknown_role_is_refused(db: Engine) -> None:
    with pytest.raises(UserError, match="Unknown role"):
        people.add_person(db, "t_x", "x", "boss", "password123")
    with pytest.raises(DataError, match="unknown role"), db.begin() as conn:
        conn.execute(text("SELECT dialdesk.create_person('t_x', 'x', 'boss', 'v')"))


def test_refused_outcome_reports_are_each_operators_own(logins: Logins) -> None:
    """An operator reports refusals only in their own name, reads only their own, and no one
    rewrites or removes a report; supervisors read them all."""
    mine_login, mine_password = logins.add("operator")
    theirs_login, theirs_password = logins.add("operator")
    mine = logins.engine(mine_login, mine_password)
    theirs = logins.engine(theirs_login, theirs_password)
    report = (
        "INSERT INTO dialdesk.refused_outcomes (client_id, operator_id, outcome_code, reason, "
        "refused_at) VALUES (:c, :p, 'warm', 'held by another operator', now())"
    )
    me, them = logins.person_id(mine_login), logins.person_id(theirs_login)
    with mine.begin() as conn:
        conn.execute(text(report), {"c": uuid.uuid4(), "p": me})
    _insufficient(mine, report, c=uuid.uuid4(), p=them)
    with theirs.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.refused_outcomes")).scalar() == 0
    for statement in (
        "UPDATE dialdesk.refused_outcomes SET reason = 'x'",
        "DELETE FROM dialdesk.refused_outcomes",
    ):
        _insufficient(mine, statement)
        _insufficient(logins.as_role("supervisor"), statement)
    with logins.as_role("supervisor").connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.refused_outcomes")).scalar() == 1
    _insufficient(logins.as_role("marketer"), "SELECT * FROM dialdesk.refused_outcomes")
