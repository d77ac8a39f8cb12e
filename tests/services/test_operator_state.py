"""Every state change is logged, and only in the operator's own name."""

import pytest

from dialdesk.errors import UserError
from dialdesk.services.shift.operator_state import current_state, log_state, pause_reasons
from tests.services.conftest import Floor


def test_pause_with_a_reason_then_back_to_work(floor: Floor) -> None:
    lunch = next(r for r in pause_reasons(floor.my_engine) if r.code == "lunch")
    assert lunch.label_ru == "Обед"
    log_state(floor.my_engine, floor.me, "waiting")
    log_state(floor.my_engine, floor.me, "paused", pause_code_id=lunch.id)
    assert current_state(floor.my_engine, floor.me) == ("paused", lunch.id)
    log_state(floor.my_engine, floor.me, "waiting")
    assert current_state(floor.other_engine, floor.me) == ("waiting", None)


def test_a_pause_needs_a_reason(floor: Floor) -> None:
    with pytest.raises(UserError, match="reason"):
        log_state(floor.my_engine, floor.me, "paused")


def test_nobody_logs_a_state_for_someone_else(floor: Floor) -> None:
    with pytest.raises(UserError, match="refused"):
        log_state(floor.my_engine, floor.other, "offline")
    assert current_state(floor.my_engine, floor.other) is None
