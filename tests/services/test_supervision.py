"""Supervisor actions from the monitor, and the database refusing them to operators."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import text

from dialdesk.errors import UserError
from dialdesk.services.floor.supervision import (
    held_companies,
    move_companies,
    reassign_callback,
    release_stuck_claim,
    set_plan,
)
from dialdesk.services.shift.queue import claim_next_entry
from tests.conftest import Logins
from tests.services.conftest import Floor, make_campaign
from tests.services.test_queue import MONDAY_10_MSK


def test_a_supervisor_frees_a_stuck_claim(floor: Floor, logins: Logins) -> None:
    _, _, entry = floor.company("Застряла")
    assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is not None
    supervisor = logins.as_role("supervisor")
    assert release_stuck_claim(supervisor, floor.me) == 1
    row = floor.entry(entry)
    assert (row["state"], row["claimed_by"]) == ("fresh", None)


def test_a_callback_goes_to_a_colleague_or_to_anyone(floor: Floor, logins: Logins) -> None:
    _, _, entry = floor.company("Перезвон")
    callback = floor.callback(entry, datetime.now(UTC) + timedelta(hours=1), floor.me, floor.me)
    supervisor = logins.as_role("supervisor")
    reassign_callback(supervisor, callback, floor.other)
    reassign_callback(supervisor, callback, None)
    with floor.db.connect() as conn:
        assert (
            conn.execute(
                text("SELECT assigned_to FROM dialdesk.callbacks WHERE id = :c"), {"c": callback}
            ).scalar()
            is None
        )
    with floor.db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.callbacks SET state = 'done' WHERE id = :c"), {"c": callback}
        )
    with pytest.raises(UserError, match="no longer waiting"):
        reassign_callback(supervisor, callback, floor.me)


def test_a_daily_plan_is_set_and_replaced(floor: Floor, logins: Logins) -> None:
    supervisor = logins.as_role("supervisor")
    day = date(2026, 11, 23)
    set_plan(supervisor, floor.me, day, 80, 20)
    set_plan(supervisor, floor.me, day, 100, 25)
    with floor.db.connect() as conn:
        plan = conn.execute(
            text(
                "SELECT calls_target, contacts_target FROM dialdesk.operator_plans "
                "WHERE person_id = :p"
            ),
            {"p": floor.me},
        ).one()
    assert tuple(plan) == (100, 25)
    with pytest.raises(UserError, match="negative"):
        set_plan(supervisor, floor.me, day, -1, 0)


def test_operators_may_not_do_a_supervisors_work(floor: Floor) -> None:
    # a live lease on the database's clock: an expired one would be free for anyone
    always = make_campaign(floor.db, "Круглосуточно", time(0), time(23, 59, 59), False)
    _, _, entry = floor.company("Чужая", campaign=always)
    assert claim_next_entry(floor.other_engine, floor.other) is not None
    with pytest.raises(UserError, match="refused"):  # operators may not touch the queue
        release_stuck_claim(floor.my_engine, floor.other)
    assert floor.entry(entry)["claimed_by"] == floor.other
    with pytest.raises(UserError, match="refused"):
        set_plan(floor.my_engine, floor.me, date(2026, 11, 23), 1, 1)


def _handoff(floor: Floor, company: int, expert: int) -> None:
    with floor.db.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.handoffs (company_id, expert_id, created_by) "
                "VALUES (:c, :x, :by)"
            ),
            {"c": company, "x": expert, "by": floor.me},
        )


def test_companies_move_between_operators_and_experts(floor: Floor, logins: Logins) -> None:
    later = datetime.now(UTC) + timedelta(hours=1)
    first, _, first_entry = floor.company("Первая")
    second, _, second_entry = floor.company("Вторая", phone="+74952223355")
    _, _, kept_entry = floor.company("Остаётся", phone="+74952223366")
    for entry in (first_entry, second_entry, kept_entry):
        floor.callback(entry, later, floor.me, floor.me)
    expert = logins.person_id(logins.add("operator")[0])
    new_expert = logins.person_id(logins.add("operator")[0])
    with floor.db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.people SET is_expert = true WHERE id IN (:a, :b)"),
            {"a": expert, "b": new_expert},
        )
    _handoff(floor, first, expert)
    supervisor = logins.as_role("supervisor")

    held = held_companies(supervisor, floor.me)
    assert [(h.company, h.kind, h.campaign) for h in held] == [  # by time, then name
        ("Вторая", "callback", "Проверка"),
        ("Остаётся", "callback", "Проверка"),
        ("Первая", "callback", "Проверка"),
    ]
    moved = move_companies(supervisor, floor.me, floor.other, [first, second])
    assert (moved.callbacks, moved.handoffs) == (2, 0)
    assert {h.company for h in held_companies(supervisor, floor.other)} == {"Первая", "Вторая"}
    assert [h.company for h in held_companies(supervisor, floor.me)] == ["Остаётся"]

    assert [(h.company, h.kind) for h in held_companies(supervisor, expert)] == [
        ("Первая", "expert")
    ]
    moved = move_companies(supervisor, expert, new_expert, [first])
    assert (moved.callbacks, moved.handoffs) == (0, 1)
    assert held_companies(supervisor, expert) == []
    assert [h.company for h in held_companies(supervisor, new_expert)] == ["Первая"]
    with floor.db.connect() as conn:  # every move is in the audit log
        audited = conn.execute(
            text(
                "SELECT count(*) FROM dialdesk.audit_log WHERE table_name IN "
                "('callbacks', 'handoffs') AND action = 'UPDATE'"
            )
        ).scalar()
    assert audited >= 3


def test_a_move_is_refused_with_a_reason_and_changes_nothing(floor: Floor, logins: Logins) -> None:
    later = datetime.now(UTC) + timedelta(hours=1)
    company, _, entry = floor.company("Перезвон")
    floor.callback(entry, later, floor.me, floor.me)
    not_expert = logins.person_id(logins.add("operator")[0])
    _handoff(floor, company, floor.other)
    with floor.db.begin() as conn:
        conn.execute(text("UPDATE dialdesk.people SET is_expert = true WHERE id = :p"),
                     {"p": floor.other})  # fmt: skip
    supervisor = logins.as_role("supervisor")
    marketer_login = logins.add("marketer")[0]
    marketer = logins.person_id(marketer_login)
    with pytest.raises(UserError, match="someone else"):
        move_companies(supervisor, floor.me, floor.me, [company])
    with pytest.raises(UserError, match="Tick"):
        move_companies(supervisor, floor.me, floor.other, [])
    with pytest.raises(UserError, match="not an expert"):
        move_companies(supervisor, floor.other, not_expert, [company])
    with pytest.raises(UserError, match="does not make calls"):
        move_companies(supervisor, floor.me, marketer, [company])
    with pytest.raises(UserError, match="no longer held"):
        move_companies(supervisor, not_expert, floor.me, [company])
    assert [h.kind for h in held_companies(supervisor, floor.other)] == ["expert"]
    assert [h.kind for h in held_companies(supervisor, floor.me)] == ["callback"]
    # operators and marketers may not move anybody's companies: the database refuses
    for engine in (floor.my_engine, logins.as_role("marketer")):
        with pytest.raises(UserError, match="refused"):
            move_companies(engine, floor.me, not_expert, [company])
    assert [h.kind for h in held_companies(supervisor, floor.me)] == ["callback"]
