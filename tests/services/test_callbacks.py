"""The callbacks panel: mine, anyone's, and a colleague's left untaken past the grace period."""

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import text

from dialdesk.errors import UserError
from dialdesk.services.shift.callbacks import my_callbacks
from dialdesk.services.shift.open_entry import open_callback
from dialdesk.services.shift.outcomes import OutcomeInput, record_outcome
from tests.services.conftest import Floor
from tests.services.test_queue import MONDAY_10_MSK


def test_mine_anyones_and_a_colleagues_after_the_grace_period(floor: Floor) -> None:
    _, _, mine = floor.company("Мой")
    _, _, shared = floor.company("Общий")
    _, _, theirs = floor.company("Чужой")
    floor.callback(mine, MONDAY_10_MSK + timedelta(hours=1), floor.me, floor.me)
    floor.callback(shared, MONDAY_10_MSK + timedelta(hours=2), None, floor.other)
    floor.callback(theirs, MONDAY_10_MSK - timedelta(minutes=10), floor.other, floor.other)
    listed = my_callbacks(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    assert [(c.company, c.mine) for c in listed] == [("Мой", True), ("Общий", False)]
    later = MONDAY_10_MSK + timedelta(minutes=25)  # the 30-minute grace has run out
    listed = my_callbacks(floor.my_engine, floor.me, now=later)
    assert [(c.company, c.mine) for c in listed] == [
        ("Чужой", False),
        ("Мой", True),
        ("Общий", False),
    ]
    assert listed[0].when(later) == "overdue"


def test_a_chosen_callback_opens_its_company_before_older_ones(floor: Floor) -> None:
    _, _, older = floor.company("Давний", phone="+74952220001")
    _, _, chosen = floor.company("Выбранный", phone="+74952220002")
    floor.callback(older, MONDAY_10_MSK - timedelta(hours=3), floor.me, floor.me)
    callback = floor.callback(chosen, MONDAY_10_MSK - timedelta(minutes=1), floor.me, floor.other)
    claim, promise = open_callback(floor.my_engine, floor.me, callback, now=MONDAY_10_MSK)
    assert (claim.entry_id, claim.callback_id) == (chosen, callback)
    assert promise.due_at == MONDAY_10_MSK - timedelta(minutes=1)
    assert promise.promised_by  # the colleague who promised it, by name
    entry = floor.entry(chosen)
    assert (entry["state"], entry["claimed_by"]) == ("claimed", floor.me)
    # saved with the claim's callback, the promise is kept
    outcome = OutcomeInput(
        client_id=uuid.uuid4(), entry_id=chosen, outcome_code="competitor",
        started_at=MONDAY_10_MSK, ended_at=MONDAY_10_MSK, spoke_with="Петров",
        callback_id=claim.callback_id,
    )  # fmt: skip
    record_outcome(floor.my_engine, floor.me, outcome)
    with floor.db.connect() as conn:
        state = conn.execute(
            text("SELECT state FROM dialdesk.callbacks WHERE id = :c"), {"c": callback}
        ).scalar()
    assert state == "done"


def test_a_callback_a_colleague_holds_is_refused_with_their_name(floor: Floor) -> None:
    _, _, entry = floor.company("У коллеги")
    callback = floor.callback(entry, MONDAY_10_MSK - timedelta(minutes=5), None, floor.other)
    open_callback(floor.other_engine, floor.other, callback, now=MONDAY_10_MSK)
    with floor.db.connect() as conn:
        name = conn.execute(
            text("SELECT full_name FROM dialdesk.people WHERE id = :p"), {"p": floor.other}
        ).scalar()
    with pytest.raises(UserError) as refused:
        open_callback(floor.my_engine, floor.me, callback, now=MONDAY_10_MSK)
    assert str(refused.value) == f"{name} is on this company now."
    assert floor.entry(entry)["claimed_by"] == floor.other


def test_a_colleagues_own_callback_waits_for_its_grace_period(floor: Floor) -> None:
    _, _, entry = floor.company("Чужой")
    callback = floor.callback(entry, MONDAY_10_MSK, floor.other, floor.other)
    with pytest.raises(UserError, match="grace period"):
        open_callback(floor.my_engine, floor.me, callback, now=MONDAY_10_MSK)
    later = MONDAY_10_MSK + timedelta(minutes=31)
    assert open_callback(floor.my_engine, floor.me, callback, now=later)[0].entry_id == entry


def test_a_callback_already_made_is_refused(floor: Floor) -> None:
    _, _, entry = floor.company("Сделан")
    callback = floor.callback(entry, MONDAY_10_MSK, floor.me, floor.me)
    with floor.db.begin() as conn:
        conn.execute(text("UPDATE dialdesk.callbacks SET state = 'done' WHERE id = :c"),
                     {"c": callback})  # fmt: skip
    with pytest.raises(UserError, match="already been made"):
        open_callback(floor.my_engine, floor.me, callback, now=MONDAY_10_MSK)
