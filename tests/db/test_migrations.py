"""Migrations go up and down cleanly, and the client refuses a schema it must not use."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, inspect, text

from dialdesk.db import migrate
from dialdesk.db.engine import make_engine
from dialdesk.db.target import require_current_schema
from dialdesk.errors import UserError
from dialdesk.models import Base
from tests.conftest import create_database, drop_database


@pytest.fixture
def blank(pg_server: str) -> Iterator[Engine]:
    dsn = create_database(pg_server, "dialdesk_mig")
    engine = make_engine(dsn, pool_size=1)
    yield engine
    engine.dispose()
    drop_database(pg_server, dsn)


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names(schema="dialdesk"))


def _group_roles(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(
            conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE 'dialdesk\\_%'")
            ).scalars()
        )


def test_up_down_up(blank: Engine) -> None:
    migrate.upgrade(blank)
    assert _tables(blank) == {t.name for t in Base.metadata.tables.values()}
    assert {
        "dialdesk_operator",
        "dialdesk_supervisor",
        "dialdesk_marketer",
        "dialdesk_admin",
    } <= _group_roles(blank)
    with blank.connect() as conn:
        outcomes = (
            conn.execute(text("SELECT code FROM dialdesk.outcome_definitions ORDER BY sort_order"))
            .scalars()
            .all()
        )
    assert outcomes == ["hot", "warm", "competitor", "cold", "no_contact", "nonexistent"]
    migrate.downgrade(blank)
    with blank.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM pg_namespace WHERE nspname = 'dialdesk'")
            ).scalar_one()
            == 0
        )
        assert migrate.schema_status(conn).state is migrate.SchemaState.EMPTY
    migrate.upgrade(blank)
    with blank.connect() as conn:
        assert migrate.schema_status(conn).state is migrate.SchemaState.CURRENT


def test_every_step_goes_down_and_up(blank: Engine) -> None:
    migrate.upgrade(blank)
    revisions = migrate.all_revisions()
    assert revisions[:18] == [f"{n:04d}" for n in range(1, 19)]
    for target in [*reversed(revisions[:-1]), "base"]:
        migrate.downgrade(blank, target)
    for target in revisions:
        migrate.upgrade(blank, target)
    with blank.connect() as conn:
        assert migrate.schema_status(conn).current == migrate.latest_revision()


def test_models_match_the_migrated_schema(blank: Engine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    migrate.upgrade(blank)
    with blank.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_schemas": True,
                "version_table_schema": "public",
                "include_name": lambda name, kind, _: kind != "schema" or name == "dialdesk",
            },
        )
        differences = [
            d
            for d in compare_metadata(context, Base.metadata)
            if not (
                isinstance(d, tuple) and d[0] == "remove_table" and d[1].name == "alembic_version"
            )
        ]
    assert differences == []


def test_empty_database_asks_for_upgrade(blank: Engine) -> None:
    with pytest.raises(UserError, match="dialdesk db upgrade"):
        require_current_schema(blank)


def test_older_schema_names_the_command(blank: Engine) -> None:
    migrate.upgrade(blank, "0002")
    with pytest.raises(UserError, match=r"older .* dialdesk db upgrade"):
        require_current_schema(blank)


def test_newer_schema_is_refused(blank: Engine) -> None:
    migrate.upgrade(blank)
    with blank.begin() as conn:
        conn.execute(text("UPDATE public.alembic_version SET version_num = '9999'"))
    with pytest.raises(UserError, match="newer DialDesk"):
        require_current_schema(blank)


def test_current_schema_is_accepted(blank: Engine) -> None:
    migrate.upgrade(blank)
    assert require_current_schema(blank).state is migrate.SchemaState.CURRENT


def test_companies_regrouped_when_no_contact_stops_setting_the_group(blank: Engine) -> None:
    """0016: a warm company whose last call went unanswered is warm again; a company only
    ever unanswered stays "no contact"."""
    migrate.upgrade(blank, "0015")
    with blank.begin() as conn:
        ids = dict(conn.execute(text("SELECT code, id FROM dialdesk.outcome_definitions")).all())
        person = conn.execute(
            text("INSERT INTO dialdesk.people (login, full_name, role) "
                 "VALUES ('m', 'M', 'operator') RETURNING id")
        ).scalar_one()  # fmt: skip
        companies = {}
        for name, calls in (("warm_then_silent", ["warm", "no_contact"]),
                            ("silent", ["no_contact"])):  # fmt: skip
            company = conn.execute(
                text("INSERT INTO dialdesk.companies (name, name_key, current_outcome_id) "
                     "VALUES (:n, :n, :o) RETURNING id"),
                {"n": name, "o": ids[calls[-1]]},
            ).scalar_one()  # fmt: skip
            for hours, code in enumerate(calls):
                conn.execute(
                    text("INSERT INTO dialdesk.calls (client_id, company_id, operator_id, "
                         "outcome_id, started_at) VALUES (gen_random_uuid(), :c, :p, :o, "
                         "now() - make_interval(hours => 5 - :h))"),
                    {"c": company, "p": person, "o": ids[code], "h": hours},
                )  # fmt: skip
            companies[name] = company
    migrate.upgrade(blank)
    with blank.connect() as conn:
        groups = dict(
            conn.execute(
                text("SELECT c.name, o.code FROM dialdesk.companies c "
                     "JOIN dialdesk.outcome_definitions o ON o.id = c.current_outcome_id")
            ).all()
        )  # fmt: skip
    assert groups == {"warm_then_silent": "warm", "silent": "no_contact"}
