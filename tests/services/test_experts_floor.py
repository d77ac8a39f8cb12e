"""The experts on the monitor: hand-offs waiting too long (in office hours) and each
expert's day; moving an expert's companies to a colleague moves all they hold."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import text

from dialdesk.services.calendar import working_hours_between
from dialdesk.services.experts.desk import (
    accept_handoff,
    my_clients,
    new_handoffs,
    planned_today,
    return_handoff,
)
from dialdesk.services.experts.steps import StepInput, record_step
from dialdesk.services.floor.monitor import load_floor
from dialdesk.services.floor.supervision import move_companies
from tests.conftest import Logins
from tests.services.expert_floor import ExpertFloor

MSK = ZoneInfo("Europe/Moscow")


def test_office_hours_skip_nights_weekends_and_holidays() -> None:
    friday_4pm = datetime(2026, 12, 4, 16, tzinfo=MSK)
    assert working_hours_between(friday_4pm, datetime(2026, 12, 7, 11, tzinfo=MSK)) == 4.0
    # Wednesday 4 November 2026 is Unity Day
    tuesday_5pm = datetime(2026, 11, 3, 17, tzinfo=MSK)
    assert working_hours_between(tuesday_5pm, datetime(2026, 11, 5, 10, tzinfo=MSK)) == 2.0
    assert working_hours_between(tuesday_5pm, tuesday_5pm - timedelta(hours=1)) == 0.0


def test_a_hand_off_waiting_past_the_admins_hours_is_late(experts: ExpertFloor) -> None:
    _, fresh = experts.handed("Свежая")
    _, old = experts.handed("Давняя")
    with experts.db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.handoffs SET created_at = now() - interval '10 days' "
                 "WHERE id = :h"), {"h": old},
        )  # fmt: skip
    floor = load_floor(experts.db)
    waiting = {h.company: h.late for h in floor.handoffs}
    assert waiting == {"Свежая": False, "Давняя": True}
    mine = next(e for e in floor.experts if e.person_id == experts.expert)
    assert (mine.waiting, mine.late) == (2, 1)
    with experts.db.begin() as conn:  # the admin allows longer
        conn.execute(text("UPDATE dialdesk.sales_settings SET handoff_accept_hours = 200"))
    assert not any(h.late for h in load_floor(experts.db).handoffs)
    accept_handoff(experts.expert_engine, old)
    assert [h.id for h in load_floor(experts.db).handoffs] == [fresh]


def test_each_experts_day_counts_planned_done_and_overdue(experts: ExpertFloor) -> None:
    company, handoff = experts.handed("ООО План")
    accept_handoff(experts.expert_engine, handoff)
    now = datetime.now(UTC)
    five_ago, one_ago = now - timedelta(minutes=5), now - timedelta(minutes=1)
    record_step(experts.expert_engine, StepInput(company, "call", "", next_due=five_ago))
    [late] = planned_today(experts.expert_engine, experts.expert)
    record_step(experts.expert_engine, StepInput(company, "meeting", "", callback_id=late.id,
                                                 next_due=one_ago))  # fmt: skip
    mine = next(e for e in load_floor(experts.db).experts if e.person_id == experts.expert)
    assert (mine.planned, mine.done, mine.overdue, mine.made) == (2, 1, 1, 2)


def test_moving_an_experts_companies_moves_deals_and_plans(
    experts: ExpertFloor, logins: Logins
) -> None:
    company, handoff = experts.handed("ООО Переезд")
    accept_handoff(experts.expert_engine, handoff)
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    record_step(experts.expert_engine, StepInput(company, "offer", "", Decimal(1000),
                                                 next_due=tomorrow))  # fmt: skip
    supervisor = logins.as_role("supervisor")
    moved = move_companies(supervisor, experts.expert, experts.other_expert, [company])
    assert moved.handoffs == 1 and moved.callbacks == 1
    [client] = my_clients(experts.other_engine, experts.other_expert)
    assert (client.company_id, client.stage, client.next_kind) == (company, "offer", "call")
    assert experts.scalar("SELECT expert_id FROM dialdesk.deals") == experts.other_expert


def test_a_returned_hand_off_is_the_supervisors_to_give_to_another_expert(
    experts: ExpertFloor, logins: Logins
) -> None:
    company, handoff = experts.handed("ООО Не профиль")
    return_handoff(experts.expert_engine, handoff, "Им нужна другая продукция")
    floor = load_floor(experts.db)
    [shown] = floor.handoffs
    assert (shown.returned_because, shown.late) == ("Им нужна другая продукция", False)
    mine = next(e for e in floor.experts if e.person_id == experts.expert)
    assert mine.waiting == 0
    supervisor = logins.as_role("supervisor")
    move_companies(supervisor, experts.expert, experts.other_expert, [company])
    [line] = new_handoffs(experts.other_engine, experts.other_expert)
    assert line.company_id == company
    [again] = load_floor(experts.db).handoffs
    assert again.returned_because is None and again.expert_id == experts.other_expert
