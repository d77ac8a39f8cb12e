"""Supervisor actions from the monitor, and the database refusing them to operators."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import text

from dialdesk.services.errors import UserError
from dialdesk.services.queue import claim_next_entry
from dialdesk.services.supervision import reassign_callback, release_stuck_claim, set_plan
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
    assert release_stuck_claim(floor.my_engine, floor.other) == 0  # row security hides it
    assert floor.entry(entry)["claimed_by"] == floor.other
    with pytest.raises(UserError, match="refused"):
        set_plan(floor.my_engine, floor.me, date(2026, 11, 23), 1, 1)
