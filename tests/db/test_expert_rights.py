"""What an expert, an operator and a marketer may do with deals and clients, tried with
plain SQL over their own logins: the database refuses, not the window."""

from decimal import Decimal

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from dialdesk.services.experts.desk import accept_handoff
from dialdesk.services.experts.steps import StepInput, record_step
from tests.conftest import Logins
from tests.services.expert_floor import ExpertFloor


def _refused(engine: Engine, statement: str, **params: object) -> type[Exception]:
    with engine.connect() as conn, pytest.raises(DBAPIError) as caught:
        conn.execute(text(statement), params)
    return type(caught.value.orig)


def _rows(engine: Engine, statement: str, **params: object) -> int:
    with engine.begin() as conn:
        return conn.execute(text(statement), params).rowcount


@pytest.fixture
def won(experts: ExpertFloor) -> tuple[int, int]:
    """(my company with a won deal, a colleague's company)."""
    mine, handoff = experts.handed("Моя")
    accept_handoff(experts.expert_engine, handoff)
    record_step(experts.expert_engine, StepInput(mine, "won", "", Decimal("1000")))
    theirs, handoff = experts.handed("Чужая", expert=experts.other_expert)
    accept_handoff(experts.other_engine, handoff)
    return mine, theirs


def test_an_expert_changes_only_their_own_clients(experts: ExpertFloor, won) -> None:
    mine, theirs = won
    engine = experts.expert_engine
    assert _rows(engine, "UPDATE dialdesk.companies SET notes = 'x' WHERE id = :c", c=theirs) == 0
    assert _rows(engine, "UPDATE dialdesk.companies SET notes = 'x' WHERE id = :c", c=mine) == 1
    refusal = _refused(
        engine,
        "INSERT INTO dialdesk.phones (company_id, e164) VALUES (:c, '+74950000000')",
        c=theirs,
    )
    assert refusal is psycopg.errors.InsufficientPrivilege  # the row-level policy
    _rows(engine, "INSERT INTO dialdesk.phones (company_id, e164) VALUES (:c, '+74950000001')",
          c=mine)  # fmt: skip
    refusal = _refused(engine, "UPDATE dialdesk.companies SET expert_id = NULL WHERE id = :c",
                       c=mine)  # fmt: skip
    assert refusal is psycopg.errors.InsufficientPrivilege


def test_an_expert_reads_only_their_own(experts: ExpertFloor, won) -> None:
    mine, _ = won
    with experts.expert_engine.connect() as conn:
        seen = {
            table: conn.execute(text(f"SELECT count(*) FROM dialdesk.{table}")).scalar_one()
            for table in ("companies", "phones", "calls", "callbacks", "handoffs", "deals",
                          "expert_steps", "answers")
        }  # fmt: skip
        company_ids = conn.execute(text("SELECT id FROM dialdesk.companies")).scalars().all()
    assert company_ids == [mine]
    assert seen["handoffs"] == 1 and seen["deals"] == 1 and seen["calls"] == 1
    with experts.db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.deals")).scalar_one() == 2


def test_deals_are_written_only_through_the_experts_functions(experts: ExpertFloor, won) -> None:
    mine, _ = won
    engine = experts.expert_engine
    for statement in (
        "UPDATE dialdesk.deals SET amount = 1 WHERE company_id = :c",
        "INSERT INTO dialdesk.deals (company_id, expert_id) VALUES (:c, 1)",
        "UPDATE dialdesk.handoffs SET state = 'accepted' WHERE company_id = :c",
        "INSERT INTO dialdesk.expert_steps (client_id, company_id, expert_id, kind, made_at) "
        "VALUES (gen_random_uuid(), :c, 1, 'won', now())",
        "UPDATE dialdesk.callbacks SET state = 'done' WHERE company_id = :c",
    ):
        assert _refused(engine, statement, c=mine) is psycopg.errors.InsufficientPrivilege


def test_operators_see_no_deal_and_no_amount(experts: ExpertFloor, won, logins: Logins) -> None:
    operator = experts.floor.my_engine
    assert _refused(operator, "SELECT count(*) FROM dialdesk.deals") is (
        psycopg.errors.InsufficientPrivilege
    )
    assert _refused(operator, "SELECT amount FROM dialdesk.expert_steps") is (
        psycopg.errors.InsufficientPrivilege
    )
    with operator.connect() as conn:
        kinds = conn.execute(text("SELECT kind FROM dialdesk.expert_steps")).scalars().all()
    assert kinds == ["won"]  # what happened is on the card; how much is not
    marketer = logins.as_role("marketer")
    with marketer.connect() as conn:
        total = conn.execute(text("SELECT sum(amount) FROM dialdesk.deals")).scalar_one()
    assert total == Decimal("1000")
    assert _refused(marketer, "SELECT dialdesk.accept_handoff(1)") is (
        psycopg.errors.InsufficientPrivilege
    )


def test_an_expert_does_not_work_the_operators_queue(experts: ExpertFloor) -> None:
    refusal = _refused(
        experts.expert_engine, "SELECT * FROM dialdesk.claim_next(:me, NULL, now(), NULL)",
        me=experts.expert,
    )  # fmt: skip
    assert refusal is psycopg.errors.InsufficientPrivilege
