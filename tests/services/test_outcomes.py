"""Saving an outcome: one transaction, exactly once, with the follow-ups its flags ask for."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from dialdesk.errors import UserError
from dialdesk.services.shift.outcomes import (
    NextContact,
    OutcomeInput,
    record_outcome,
    save_and_claim_next,
)
from dialdesk.services.shift.queue import claim_next_entry
from tests.services.conftest import Floor
from tests.services.test_queue import MONDAY_10_MSK


def _claimed(floor: Floor, name: str = "ООО Ромашка") -> tuple[int, int, int]:
    company, phone, entry = floor.company(name)
    claim = claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    assert claim is not None and claim.entry_id == entry
    return company, phone, entry


def _outcome(entry: int, code: str, **extra: object) -> OutcomeInput:
    start = datetime.now(UTC) - timedelta(minutes=3)
    return OutcomeInput(
        client_id=uuid.uuid4(),
        entry_id=entry,
        outcome_code=code,
        started_at=start,
        ended_at=start + timedelta(minutes=2),
        **extra,  # type: ignore[arg-type]
    )


def _scalar(floor: Floor, query: str, **params: object) -> object:
    with floor.db.connect() as conn:
        return conn.execute(text(query), params).scalar()


def test_saving_twice_writes_once(floor: Floor) -> None:
    company, phone, entry = _claimed(floor)
    data = _outcome(entry, "cold", phone_id=phone, spoke_with="Иванов И.И., директор")
    first = record_outcome(floor.my_engine, floor.me, data)
    again = record_outcome(floor.my_engine, floor.me, data)
    assert (again.call_id, again.already_saved) == (first.call_id, True)
    assert _scalar(floor, "SELECT count(*) FROM dialdesk.calls") == 1
    assert first.entry_state == "done"
    group = _scalar(
        floor,
        "SELECT o.code FROM dialdesk.companies c JOIN dialdesk.outcome_definitions o "
        "ON o.id = c.current_outcome_id WHERE c.id = :c",
        c=company,
    )
    assert group == "cold"


def test_no_contact_retries_after_the_delay_up_to_the_limit(floor: Floor) -> None:
    _, phone, entry = _claimed(floor)
    for attempt in (1, 2):
        saved = record_outcome(
            floor.my_engine, floor.me, _outcome(entry, "no_contact", phone_id=phone)
        )
        row = floor.entry(entry)
        assert (saved.entry_state, row["attempts"], row["claimed_by"]) == ("retry", attempt, None)
        assert row["next_attempt_at"] > datetime.now(UTC) + timedelta(minutes=55)
        with floor.db.begin() as conn:  # the retry time comes (in the test's own clock)
            conn.execute(
                text("UPDATE dialdesk.campaign_entries SET next_attempt_at = :t WHERE id = :e"),
                {"t": MONDAY_10_MSK - timedelta(minutes=1), "e": entry},
            )
        assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is not None
    third = record_outcome(floor.my_engine, floor.me, _outcome(entry, "no_contact"))
    assert third.entry_state == "done"  # the campaign allows 3 attempts


def test_nonexistent_closes_and_marks_the_phone_dead(floor: Floor) -> None:
    _, phone, entry = _claimed(floor)
    saved = record_outcome(
        floor.my_engine, floor.me, _outcome(entry, "nonexistent", phone_id=phone)
    )
    assert saved.entry_state == "done"
    assert _scalar(floor, "SELECT is_dead FROM dialdesk.phones WHERE id = :p", p=phone) is True


def test_competitor_is_recalled_after_90_days(floor: Floor) -> None:
    _, _, entry = _claimed(floor)
    saved = record_outcome(
        floor.my_engine, floor.me, _outcome(entry, "competitor", spoke_with="Петров")
    )
    assert saved.entry_state == "retry"
    due = floor.entry(entry)["next_attempt_at"]
    assert timedelta(days=89) < due - datetime.now(UTC) < timedelta(days=91)


def test_warm_needs_a_next_contact_and_whom_we_spoke_with(floor: Floor) -> None:
    _, _, entry = _claimed(floor)
    with pytest.raises(UserError, match="whom you spoke with"):
        record_outcome(floor.my_engine, floor.me, _outcome(entry, "warm"))
    with pytest.raises(UserError, match="next contact"):
        record_outcome(floor.my_engine, floor.me, _outcome(entry, "warm", spoke_with="Петров"))
    assert _scalar(floor, "SELECT count(*) FROM dialdesk.calls") == 0
    with floor.db.begin() as conn:  # the hand-off goes to an expert
        conn.execute(
            text("UPDATE dialdesk.people SET is_expert = true WHERE id = :p"), {"p": floor.other}
        )
    due = datetime.now(UTC) + timedelta(days=3)
    saved = record_outcome(
        floor.my_engine,
        floor.me,
        _outcome(
            entry,
            "warm",
            spoke_with="Петров",
            next_contact=NextContact(due, "send_offer", for_me=False),
            expert_id=floor.other,
        ),
    )
    assert saved.entry_state == "callback"
    with floor.db.connect() as conn:
        callback = conn.execute(
            text("SELECT assigned_to, kind, created_by, due_at FROM dialdesk.callbacks")
        ).one()
        handoff = conn.execute(text("SELECT expert_id, created_by FROM dialdesk.handoffs")).one()
    assert callback == (None, "send_offer", floor.me, due)
    assert tuple(handoff) == (floor.other, floor.me)


def test_taking_a_callback_marks_it_done(floor: Floor) -> None:
    _, _, entry = floor.company("Перезвон")
    callback = floor.callback(entry, MONDAY_10_MSK - timedelta(minutes=1), floor.me, floor.me)
    claim = claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    assert claim is not None and claim.callback_id == callback
    record_outcome(
        floor.my_engine,
        floor.me,
        _outcome(entry, "hot", spoke_with="Сидоров", callback_id=callback),
    )
    with floor.db.connect() as conn:
        state, taken_by = conn.execute(
            text("SELECT state, taken_by FROM dialdesk.callbacks WHERE id = :c"), {"c": callback}
        ).one()
    assert (state, taken_by) == ("done", floor.me)


def test_a_colleagues_callback_taken_after_the_grace_period_is_closed(floor: Floor) -> None:
    # the colleague's promise must not stay "pending" once someone has called the company
    _, _, entry = floor.company("Чужой перезвон")
    callback = floor.callback(
        entry, MONDAY_10_MSK - timedelta(minutes=10), floor.other, floor.other
    )
    claim = claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK + timedelta(minutes=25))
    assert claim is not None and claim.callback_id == callback
    record_outcome(
        floor.my_engine,
        floor.me,
        _outcome(entry, "cold", spoke_with="Петров", callback_id=callback),
    )
    with floor.db.connect() as conn:
        state, taken_by, assigned_to = conn.execute(
            text("SELECT state, taken_by, assigned_to FROM dialdesk.callbacks WHERE id = :c"),
            {"c": callback},
        ).one()
    assert (state, taken_by, assigned_to) == ("done", floor.me, floor.other)


def test_an_outcome_for_a_company_someone_else_holds_is_refused(floor: Floor) -> None:
    _, _, entry = _claimed(floor)
    with pytest.raises(UserError, match="another operator"):
        record_outcome(floor.other_engine, floor.other, _outcome(entry, "cold", spoke_with="X"))


def test_the_outcome_does_not_count_as_a_card_edit(floor: Floor) -> None:
    company, _, entry = _claimed(floor)
    record_outcome(floor.my_engine, floor.me, _outcome(entry, "cold", spoke_with="X"))
    assert (
        _scalar(floor, "SELECT row_version FROM dialdesk.companies WHERE id = :c", c=company) == 1
    )


def test_questionnaire_answers_are_saved_with_the_call(floor: Floor) -> None:
    _, _, entry = _claimed(floor)
    with floor.db.begin() as conn:
        questions = (
            conn.execute(
                text(
                    "INSERT INTO dialdesk.questions (campaign_id, position, kind, text) VALUES "
                    "(:k, 1, 'yes_no', 'Используете?'), (:k, 2, 'number', 'Бюджет'), "
                    "(:k, 3, 'text', 'Заметка') RETURNING id"
                ),
                {"k": floor.campaign},
            )
            .scalars()
            .all()
        )
    answers = {questions[0]: "yes", questions[1]: " 120 ", questions[2]: "  "}
    saved = record_outcome(
        floor.my_engine, floor.me, _outcome(entry, "cold", spoke_with="X", answers=answers)
    )
    with floor.db.connect() as conn:
        stored = conn.execute(
            text("SELECT question_id, value FROM dialdesk.answers WHERE call_id = :c ORDER BY 1"),
            {"c": saved.call_id},
        ).all()
    assert [tuple(row) for row in stored] == [(questions[0], "yes"), (questions[1], "120")]


def test_save_and_next_in_one_go(floor: Floor) -> None:
    _, phone, first = _claimed(floor, "Первая")
    _, _, second = floor.company("Вторая")
    data = _outcome(first, "cold", phone_id=phone, spoke_with="Директор")
    saved, claim = save_and_claim_next(floor.my_engine, floor.me, data, now=MONDAY_10_MSK)
    assert (saved.entry_state, saved.already_saved) == ("done", False)
    assert claim is not None and claim.entry_id == second
    assert floor.entry(second)["claimed_by"] == floor.me
    # sent again (the answer was lost on the way): nothing doubles, the same company returns
    again, same = save_and_claim_next(floor.my_engine, floor.me, data, now=MONDAY_10_MSK)
    assert (again.call_id, again.already_saved) == (saved.call_id, True)
    assert same is not None and same.entry_id == second
    assert _scalar(floor, "SELECT count(*) FROM dialdesk.calls") == 1


def test_a_refused_save_takes_no_next_company(floor: Floor) -> None:
    _, _, first = _claimed(floor, "Первая")
    _, _, second = floor.company("Вторая")
    with pytest.raises(UserError, match="whom you spoke with"):
        save_and_claim_next(floor.my_engine, floor.me, _outcome(first, "hot"), now=MONDAY_10_MSK)
    assert floor.entry(first)["claimed_by"] == floor.me
    assert floor.entry(second)["claimed_by"] is None
    assert _scalar(floor, "SELECT count(*) FROM dialdesk.calls") == 0


def test_two_saves_of_one_outcome_at_the_same_moment_write_it_once(floor: Floor) -> None:
    """A resend from the journal racing the original save: both are told it is saved."""
    import threading

    from dialdesk.db.engine import make_engine

    _, phone, entry = _claimed(floor)
    data = _outcome(entry, "cold", phone_id=phone, spoke_with="Иванов И.И., директор")
    url = floor.my_engine.url
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    engines = [make_engine(dsn, pool_size=1) for _ in "ab"]
    results: list[object] = []
    with floor.db.connect() as blocker:  # both saves wait on the entry, then go at once
        blocker.execute(
            text("SELECT 1 FROM dialdesk.campaign_entries WHERE id = :e FOR UPDATE"), {"e": entry}
        )

        def save(engine: object) -> None:
            try:
                results.append(record_outcome(engine, floor.me, data))  # type: ignore[arg-type]
            except Exception as failure:  # the assertion below shows it
                results.append(failure)

        threads = [threading.Thread(target=save, args=(e,)) for e in engines]
        for thread in threads:
            thread.start()
        for _ in range(50):  # both are waiting for the lock
            waiting = _scalar(
                floor,
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND query LIKE '%record_outcome%'",
            )
            if waiting == 2:
                break
            threading.Event().wait(0.1)
        blocker.rollback()
    for thread in threads:
        thread.join(timeout=30)
    for engine in engines:
        engine.dispose()
    assert all(not isinstance(r, Exception) for r in results), results
    assert sorted(r.already_saved for r in results) == [False, True]  # type: ignore[union-attr]
    assert _scalar(floor, "SELECT count(*) FROM dialdesk.calls") == 1
