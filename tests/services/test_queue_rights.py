"""Operators change the queue, the calls and the groups only through the queue's functions,
which act only in the caller's own name, on the server's clock, on what the queue gave them."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dialdesk.errors import UserError
from dialdesk.services.shift.outcomes import OutcomeInput, record_outcome
from dialdesk.services.shift.queue import claim_next_entry, extend_lease
from tests.services.conftest import Floor


def _outcome(entry: int, at: datetime, phone: int | None = None) -> OutcomeInput:
    return OutcomeInput(
        client_id=uuid.uuid4(),
        entry_id=entry,
        outcome_code="no_contact",
        started_at=at,
        ended_at=at + timedelta(minutes=1),
        phone_id=phone,
    )


def test_operators_change_the_queue_only_through_its_functions(floor: Floor) -> None:
    _, _, entry = floor.company("Чужая", holder=floor.other)
    for statement in (
        "UPDATE dialdesk.campaign_entries SET state = 'done'",
        "UPDATE dialdesk.campaign_entries SET claimed_by = NULL",
        "DELETE FROM dialdesk.campaign_entries",
        "UPDATE dialdesk.callbacks SET state = 'cancelled'",
        "INSERT INTO dialdesk.do_not_call (e164) SELECT e164 FROM dialdesk.phones",
        "UPDATE dialdesk.companies SET current_outcome_id = 1",
        "UPDATE dialdesk.companies SET expert_id = 1",
        "UPDATE dialdesk.companies SET source = 'x', potential_score = 100",
    ):
        with pytest.raises(DBAPIError, match="permission denied"), floor.my_engine.begin() as c:
            c.execute(text(statement))
    assert floor.entry(entry)["claimed_by"] == floor.other


def test_a_claim_is_taken_only_in_ones_own_name_and_on_the_servers_clock(floor: Floor) -> None:
    _, _, entry = floor.company("Чужая", holder=floor.other)
    with pytest.raises(UserError, match="own name"):
        claim_next_entry(floor.my_engine, floor.other)
    # a clock set a day ahead does not lapse a colleague's lease nor lengthen one's own
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    assert claim_next_entry(floor.my_engine, floor.me, now=tomorrow) is None
    assert floor.entry(entry)["claimed_by"] == floor.other
    assert not extend_lease(floor.my_engine, floor.me, entry, now=tomorrow)  # not mine
    assert extend_lease(floor.other_engine, floor.other, entry, now=tomorrow)
    assert floor.entry(entry)["lease_expires_at"] < datetime.now(UTC) + timedelta(hours=1)


def test_an_outcome_is_saved_only_on_a_company_the_queue_gave(floor: Floor) -> None:
    now = datetime.now(UTC)
    _, _, never = floor.company("Не выдана", phone="+74952220001")
    with pytest.raises(UserError, match="not given to you"):
        record_outcome(floor.my_engine, floor.me, _outcome(never, now))
    _, theirs, _ = floor.company("Чужая", phone="+74952220002", holder=floor.other)
    _, _, mine = floor.company("Моя", phone="+74952220003", holder=floor.me)
    with pytest.raises(UserError, match="outside the time"):  # back-dated by a week
        record_outcome(floor.my_engine, floor.me, _outcome(mine, now - timedelta(days=7)))
    with pytest.raises(UserError, match="not this company's"):  # marking their phone dead
        record_outcome(floor.my_engine, floor.me, _outcome(mine, now, phone=theirs))
    with pytest.raises(UserError, match="own name"):
        record_outcome(floor.my_engine, floor.other, _outcome(mine, now))
    saved = record_outcome(floor.my_engine, floor.me, _outcome(mine, now))
    assert not saved.already_saved
    with floor.db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.calls")).scalar_one() == 1
