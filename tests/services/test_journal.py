"""Outcomes kept on disk while the server is unreachable are sent, once, when it returns."""

import random
import threading
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from dialdesk.db.engine import make_engine
from dialdesk.errors import DatabaseUnavailable
from dialdesk.services.floor.monitor import load_floor
from dialdesk.services.shift.journal import OutcomeJournal
from dialdesk.services.shift.outcomes import NextContact, OutcomeInput, record_outcome
from dialdesk.services.shift.queue import claim_next_entry
from dialdesk.services.shift.refusals import report_refused
from tests.services.conftest import Floor
from tests.services.test_queue import MONDAY_10_MSK


def kept_outcome(entry: int) -> OutcomeInput:
    """A warm outcome as the journal keeps it (no questionnaire answers)."""
    return OutcomeInput(**{**_warm(entry).__dict__, "answers": {}})


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
    outcome = kept_outcome(entry)
    journal.add(outcome)

    down = make_engine("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1", pool_size=1)
    result = journal.send(lambda o: record_outcome(down, floor.me, o))
    down.dispose()
    assert (result.sent, result.waiting) == (0, 1)

    result = journal.send(lambda o: record_outcome(floor.my_engine, floor.me, o))
    assert (result.sent, result.waiting) == (1, 0)
    assert journal.pending() == []
    # sent again by mistake (a crash between the save and the rewrite): still one call
    record_outcome(floor.my_engine, floor.me, outcome)
    with floor.db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.calls")).scalar() == 1


def _claimed(floor: Floor, names: list[str]) -> list[int]:
    """Companies the queue gave me, one after another, whose outcomes wait in the journal."""
    return [
        floor.company(name, phone=f"+7495222{n:04d}", holder=floor.me)[2]
        for n, name in enumerate(names)
    ]


def test_a_refused_outcome_is_set_aside_and_the_others_are_still_sent(
    floor: Floor, tmp_path: Path
) -> None:
    first, second, third = _claimed(floor, ["Первая", "Вторая", "Третья"])
    journal = OutcomeJournal(tmp_path / "journal.jsonl")
    kept = [kept_outcome(e) for e in (first, second, third)]
    for outcome in kept:
        journal.add(outcome)
    with floor.db.begin() as conn:  # the first company went to a colleague meanwhile
        conn.execute(
            text("UPDATE dialdesk.campaign_entries SET claimed_by = :o WHERE id = :e"),
            {"o": floor.other, "e": first},
        )

    result = journal.send(lambda o: record_outcome(floor.my_engine, floor.me, o))

    assert (result.sent, result.waiting) == (2, 0)
    assert [o.client_id for o, _ in result.refused] == [kept[0].client_id]
    assert journal.pending() == []
    refused = journal.refused()
    assert [r.outcome for r in refused] == [kept[0]]
    assert "another operator" in refused[0].reason
    with floor.db.connect() as conn:
        saved = conn.execute(text("SELECT entry_id FROM dialdesk.calls ORDER BY entry_id"))
        assert [r[0] for r in saved] == [second, third]


def test_each_refusal_is_reported_once_and_counted_on_the_monitor(
    floor: Floor, tmp_path: Path
) -> None:
    first, second = _claimed(floor, ["Ушла коллеге", "Осталась"])
    journal = OutcomeJournal(tmp_path / "journal.jsonl")
    kept = kept_outcome(first)
    journal.add(kept)
    journal.add(kept_outcome(second))
    with floor.db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.campaign_entries SET claimed_by = :o WHERE id = :e"),
            {"o": floor.other, "e": first},
        )
    save = lambda o: record_outcome(floor.my_engine, floor.me, o)  # noqa: E731
    down = make_engine("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1", pool_size=1)
    try:  # the refusal comes, then the connection goes before it can be reported
        journal.send(save, lambda r: report_refused(down, floor.me, r))
    finally:
        down.dispose()
    assert [r.reported for r in journal.refused()] == [False]

    for _ in range(2):  # reported on the next round, and only once
        journal.send(save, lambda r: report_refused(floor.my_engine, floor.me, r))
    assert [r.reported for r in journal.refused()] == [True]
    with floor.db.connect() as conn:
        rows = conn.execute(
            text("SELECT client_id, operator_id, entry_id, reason FROM dialdesk.refused_outcomes")
        ).all()
    assert [(r[0], r[1], r[2]) for r in rows] == [(kept.client_id, floor.me, first)]
    assert "another operator" in rows[0][3]
    counts = {o.person_id: o.refused for o in load_floor(floor.db).operators}
    assert counts[floor.me] == 1 and counts.get(floor.other, 0) == 0


def test_adding_while_sending_over_a_flapping_connection_loses_nothing(
    floor: Floor, tmp_path: Path
) -> None:
    """The window adds outcomes on its thread while the worker sends on another, and the
    connection drops every few saves: every outcome reaches the server exactly once."""
    with floor.db.begin() as conn:
        conn.execute(text("CREATE TABLE public.journal_probe (client_id uuid PRIMARY KEY, "
                          "saves int NOT NULL)"))  # fmt: skip
    try:
        journal = OutcomeJournal(tmp_path / "journal.jsonl")
        dice = random.Random(12)
        added: list[uuid.UUID] = []
        adding_done = threading.Event()

        def save(outcome: OutcomeInput) -> None:
            if dice.random() < 0.3:
                raise DatabaseUnavailable("The server cannot be reached.")
            with floor.db.begin() as conn:
                conn.execute(
                    text("INSERT INTO public.journal_probe VALUES (:c, 1) ON CONFLICT (client_id) "
                         "DO UPDATE SET saves = journal_probe.saves + 1"),
                    {"c": outcome.client_id},
                )  # fmt: skip

        def window() -> None:
            for n in range(300):
                outcome = _warm(n + 1)
                journal.add(outcome)
                added.append(outcome.client_id)
            adding_done.set()

        failures: list[BaseException] = []

        def worker() -> None:
            try:
                while not (adding_done.is_set() and not journal.pending()):
                    journal.send(save)  # type: ignore[arg-type]
            except BaseException as failure:  # shown by the assertion below, not lost
                failures.append(failure)
                raise

        threads = [threading.Thread(target=window), threading.Thread(target=worker)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert not any(thread.is_alive() for thread in threads)
        assert failures == []

        with floor.db.connect() as conn:
            rows = conn.execute(text("SELECT client_id, saves FROM public.journal_probe"))
            saves = {row[0]: row[1] for row in rows}
        assert len(added) == 300
        assert set(saves) == set(added)  # nothing lost
        assert set(saves.values()) == {1}  # nothing sent twice
        assert journal.pending() == [] and journal.refused() == []
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith("journal.jsonl.")] == [
            "journal.jsonl.lock"
        ]  # no temporary file left behind
    finally:
        with floor.db.begin() as conn:
            conn.execute(text("DROP TABLE public.journal_probe"))


def test_a_line_cut_inside_a_letter_is_skipped_not_fatal(tmp_path: Path) -> None:
    """Another thread or process may be half-way through appending when the file is read:
    the cut may fall inside a Cyrillic letter's bytes. What is whole is still read."""
    journal = OutcomeJournal(tmp_path / "journal.jsonl")
    whole = _warm(1)
    journal.add(whole)
    half = _warm(2)
    journal.add(half)
    data = journal.path.read_bytes()
    cut = data.rindex("Ольга".encode()) + 1  # inside the "О"
    journal.path.write_bytes(data[:cut])
    assert [o.client_id for o in journal.pending()] == [whole.client_id]


def test_unicode_line_separators_in_a_comment_survive(tmp_path: Path) -> None:
    journal = OutcomeJournal(tmp_path / "journal.jsonl")
    outcome = OutcomeInput(**{**_warm(3).__dict__, "comment": "первая\u2028вторая\x85третья"})
    journal.add(outcome)
    assert journal.pending() == [outcome]
