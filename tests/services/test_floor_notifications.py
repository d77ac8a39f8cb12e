"""What listeners hear of the floor: one announcement per transaction, never one per row,
and only what they draw (PostgreSQL serialises the commits of transactions that notify)."""

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from dialdesk.db.listener import NotificationListener
from dialdesk.services.shift.outcomes import NextContact, OutcomeInput, save_and_claim_next
from dialdesk.services.shift.queue import claim_next_entry
from tests.services.conftest import Floor
from tests.services.test_queue import MONDAY_10_MSK

CHANNELS = ("dialdesk_floor", "dialdesk_callbacks")


@pytest.fixture
def heard(db_dsn: str) -> Iterator[NotificationListener]:
    listener = NotificationListener(db_dsn, CHANNELS)
    listener.connect()
    yield listener
    listener.close()


def _received(listener: NotificationListener) -> list[tuple[str, dict]]:
    return list(listener.wait(timeout=1))


def test_save_and_next_is_announced_once(floor: Floor, heard: NotificationListener) -> None:
    _, phone, first = floor.company("Первая", holder=floor.me)
    floor.company("Вторая")
    callback = floor.callback(first, datetime.now(UTC), floor.me, floor.me)
    with floor.db.begin() as conn:  # the callback is being worked on: the entry is held
        conn.execute(
            text("UPDATE dialdesk.campaign_entries SET state = 'claimed' WHERE id = :e"),
            {"e": first},
        )
    _received(heard)  # what setting the floor up announced
    start = datetime.now(UTC) - timedelta(minutes=2)
    data = OutcomeInput(
        client_id=uuid.uuid4(),
        entry_id=first,
        outcome_code="warm",
        started_at=start,
        ended_at=start + timedelta(minutes=1),
        phone_id=phone,
        spoke_with="Директор",
        next_contact=NextContact(datetime.now(UTC) + timedelta(days=2)),
        callback_id=callback,
    )
    # one transaction: a call added, the callback closed, a new one made, the entry saved,
    # the next entry claimed
    saved, claim = save_and_claim_next(floor.my_engine, floor.me, data, now=MONDAY_10_MSK)
    assert claim is not None and not saved.already_saved
    assert _received(heard) == [
        ("dialdesk_floor", {}),
        ("dialdesk_callbacks", {"assigned_to": floor.me}),
    ]


def test_a_claim_that_finds_nothing_announces_nothing(
    floor: Floor, heard: NotificationListener
) -> None:
    assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is None
    assert _received(heard) == []


def test_an_import_of_500_entries_is_one_announcement(
    floor: Floor, heard: NotificationListener
) -> None:
    with floor.db.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.companies (name, name_key) "
                "SELECT 'Компания ' || g, 'компания ' || g FROM generate_series(1, 500) g"
            )
        )
        conn.execute(
            text(
                "INSERT INTO dialdesk.campaign_entries (campaign_id, company_id) "
                "SELECT :k, id FROM dialdesk.companies"
            ),
            {"k": floor.campaign},
        )
    assert _received(heard) == [("dialdesk_floor", {})]


def test_a_reassigned_callback_is_announced_to_both_people(
    floor: Floor, heard: NotificationListener
) -> None:
    _, _, entry = floor.company("Перезвон")
    callback = floor.callback(entry, datetime.now(UTC), floor.me, floor.me)
    _received(heard)
    with floor.db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.callbacks SET assigned_to = :p WHERE id = :c"),
            {"p": floor.other, "c": callback},
        )
    received = _received(heard)
    assert received[0] == ("dialdesk_floor", {})
    assert sorted(p["assigned_to"] for _, p in received[1:]) == sorted([floor.me, floor.other])
