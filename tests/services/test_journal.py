"""Outcomes kept on disk while the server is unreachable are sent, once, when it returns."""

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from dialdesk.db.engine import make_engine
from dialdesk.services.journal import OutcomeJournal
from dialdesk.services.outcomes import NextContact, OutcomeInput, record_outcome
from dialdesk.services.queue import claim_next_entry
from tests.services.conftest import Floor
from tests.services.test_queue import MONDAY_10_MSK


def _warm(entry: int) -> OutcomeInput:
    now = datetime.now(UTC).replace(microsecond=0)
    return OutcomeInput(
        client_id=uuid.uuid4(),
        entry_id=entry,
        outcome_code="warm",
        started_at=now - timedelta(minutes=2),
        ended_at=now,
        spoke_with="Иванова Ольга",
        comment="просит перезвонить",
        answers={1: "да"},
        next_contact=NextContact(now + timedelta(days=2), "call", True),
    )


def test_round_trip_through_the_file(tmp_path: Path) -> None:
    journal = OutcomeJournal(tmp_path / "journal.jsonl")
    outcome = _warm(7)
    journal.add(outcome)
    journal.add(outcome)  # the same call kept twice stays one line
    assert journal.pending() == [outcome]


def test_replay_after_the_connection_returns(floor: Floor, tmp_path: Path) -> None:
    _, _, entry = floor.company("Офлайн")
    assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is not None
    journal = OutcomeJournal(tmp_path / "journal.jsonl")
    with floor.db.connect() as conn:  # questionnaire ids must exist
        conn.execute(text("SELECT 1"))
    outcome = _warm(entry)
    outcome = OutcomeInput(**{**outcome.__dict__, "answers": {}})
    journal.add(outcome)

    down = make_engine("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1", pool_size=1)
    sent, waiting = journal.send(lambda o: record_outcome(down, floor.me, o))
    down.dispose()
    assert (sent, waiting) == (0, 1)

    sent, waiting = journal.send(lambda o: record_outcome(floor.my_engine, floor.me, o))
    assert (sent, waiting) == (1, 0)
    assert journal.pending() == []
    # sent again by mistake (a crash between the save and the rewrite): still one call
    record_outcome(floor.my_engine, floor.me, outcome)
    with floor.db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.calls")).scalar() == 1
