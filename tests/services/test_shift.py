"""An operator's whole shift, driven without any widget, over the operator's own login."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from dialdesk.errors import UserError
from dialdesk.services.shift.journal import OutcomeJournal
from dialdesk.services.shift.outcomes import OutcomeInput
from dialdesk.services.shift.shift import Shift
from tests.services.conftest import Floor


def _shift(floor: Floor, tmp_path: Path, **extra: object) -> Shift:
    return Shift(floor.my_engine, floor.me, OutcomeJournal(tmp_path / "journal.jsonl"), **extra)  # type: ignore[arg-type]


def _cold(shift: Shift) -> OutcomeInput:
    assert shift.claim is not None
    return OutcomeInput(
        client_id=shift.client_id,
        entry_id=shift.claim.entry_id,
        outcome_code="cold",
        started_at=shift.started_at,
        ended_at=datetime.now(UTC),
        spoke_with="Петров, директор",
    )


def _states(floor: Floor) -> list[str]:
    with floor.db.connect() as conn:
        return list(
            conn.execute(
                text("SELECT state FROM dialdesk.operator_states WHERE person_id = :p ORDER BY id"),
                {"p": floor.me},
            ).scalars()
        )


def test_claim_card_save_next_and_the_state_log(shift_floor: Floor, tmp_path: Path) -> None:
    floor = shift_floor
    _, _, first = floor.company("ООО Первая")
    _, _, second = floor.company("ООО Вторая", phone="+74953334455")
    shift = _shift(floor, tmp_path)
    assert [r.code for r in shift.start()]  # the pause reasons to offer
    opened = shift.next()
    assert opened.claim is not None and opened.claim.entry_id == first
    assert opened.card is not None and opened.card.company["name"] == "ООО Первая"
    assert (shift.state, shift.claim) == ("on_card", opened.claim)
    with pytest.raises(UserError, match="release this company first"):
        shift.next()
    saved, after = shift.save_and_next(_cold(shift))
    assert saved.entry_state == "done" and after.claim is not None
    assert after.claim.entry_id == second and shift.state == "on_card"
    shift.save(_cold(shift))
    shift.saved()
    nothing = shift.next()
    assert nothing.claim is None and nothing.empty is not None and nothing.empty.everything_done
    shift.end()
    assert _states(floor) == ["waiting", "on_card", "waiting", "on_card", "waiting", "offline"]


def test_a_pause_waits_for_the_card_and_stops_claims(shift_floor: Floor, tmp_path: Path) -> None:
    floor = shift_floor
    floor.company("ООО Пауза")
    shift = _shift(floor, tmp_path)
    reasons = shift.start()
    shift.next()
    with pytest.raises(UserError, match="release this company first"):
        shift.pause(reasons[0].id)
    shift.release()
    assert floor.entry(shift_entry(floor))["claimed_by"] is None
    shift.pause(reasons[0].id)
    with pytest.raises(UserError, match="pause"):
        shift.next()
    shift.resume()
    assert shift.next().claim is not None
    assert _states(floor) == ["waiting", "on_card", "waiting", "paused", "waiting", "on_card"]


def shift_entry(floor: Floor) -> int:
    with floor.db.connect() as conn:
        return int(conn.execute(text("SELECT id FROM dialdesk.campaign_entries")).scalar_one())


def test_a_long_call_keeps_its_lease(shift_floor: Floor, tmp_path: Path) -> None:
    floor = shift_floor
    floor.company("ООО Долгий разговор")
    shift = _shift(floor, tmp_path)
    shift.start()
    assert not shift.keep_lease()  # nothing held
    opened = shift.next()
    assert opened.claim is not None
    with floor.db.begin() as conn:  # fourteen minutes into the call
        conn.execute(
            text(
                "UPDATE dialdesk.campaign_entries "
                "SET lease_expires_at = now() + interval '1 minute' WHERE id = :e"
            ),
            {"e": opened.claim.entry_id},
        )
    assert shift.keep_lease()
    lease = floor.entry(opened.claim.entry_id)["lease_expires_at"]
    assert lease > datetime.now(UTC) + timedelta(minutes=14)
    with floor.db.begin() as conn:  # the supervisor gave it to someone else meanwhile
        conn.execute(
            text(
                "UPDATE dialdesk.campaign_entries SET claimed_by = NULL, state = 'fresh' "
                "WHERE id = :e"
            ),
            {"e": opened.claim.entry_id},
        )
    assert not shift.keep_lease()


def test_an_outcome_kept_is_sent_once_when_the_server_answers(
    shift_floor: Floor, tmp_path: Path
) -> None:
    floor = shift_floor
    floor.company("ООО Журнал")
    shift = _shift(floor, tmp_path)
    shift.start()
    shift.next()
    data = _cold(shift)
    shift.kept(data)
    assert (shift.claim, shift.state, len(shift.journal)) == (None, "waiting", 1)
    first = shift.send_journal()
    again = shift.send_journal()
    assert (first.sent, again.sent, len(shift.journal)) == (1, 0, 0)
    with floor.db.connect() as conn:
        calls = conn.execute(
            text("SELECT count(*) FROM dialdesk.calls WHERE client_id = :c"),
            {"c": data.client_id},
        ).scalar_one()
    assert calls == 1


def test_a_state_log_line_that_fails_is_reported(shift_floor: Floor, tmp_path: Path) -> None:
    floor = shift_floor
    failures: list[BaseException] = []
    shift = _shift(floor, tmp_path, on_log_failed=failures.append)
    shift.start()
    shift.pause(999_999)  # no such pause reason: the database refuses the line
    assert shift.state == "paused"
    assert len(failures) == 1 and _states(floor) == ["waiting"]


def test_ending_the_shift_gives_the_company_back(shift_floor: Floor, tmp_path: Path) -> None:
    floor = shift_floor
    floor.company("ООО Конец смены")
    shift = _shift(floor, tmp_path)
    shift.start()
    opened = shift.next()
    assert opened.claim is not None
    shift.end()
    assert floor.entry(opened.claim.entry_id)["claimed_by"] is None
    assert shift.claim is None and _states(floor)[-1] == "offline"
