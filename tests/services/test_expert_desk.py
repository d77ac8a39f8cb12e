"""The expert's desk over real logins: hand-offs taken or given back, contacts recorded
once, deals won and lost, clients handed on; each refusal comes from the database."""

import threading
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dialdesk.errors import UserError
from dialdesk.services.experts.desk import (
    accept_handoff,
    my_clients,
    new_handoffs,
    planned_today,
    return_handoff,
)
from dialdesk.services.experts.steps import (
    StepInput,
    company_deals,
    hand_client,
    lost_reasons,
    record_step,
)
from tests.services.expert_floor import ExpertFloor


def test_new_hand_offs_come_hot_before_warm_oldest_first(experts: ExpertFloor) -> None:
    experts.handed("Тёплая первая", "warm")
    experts.handed("Горячая", "hot")
    experts.handed("Тёплая вторая", "warm")
    experts.handed("Чужая", "hot", expert=experts.other_expert)
    lines = new_handoffs(experts.expert_engine, experts.expert)
    assert [line.company for line in lines] == ["Горячая", "Тёплая первая", "Тёплая вторая"]
    first = lines[0]
    assert first.spoke_with == "Петров П.П., директор"
    assert first.comment == "Горячая: ждут предложение"
    assert first.next_kind == "meeting" and first.next_due is not None
    assert first.outcome_code == "hot"


def test_accepting_makes_the_company_mine_and_opens_its_deal(experts: ExpertFloor) -> None:
    company, handoff = experts.handed("ООО Ромашка")
    deal = accept_handoff(experts.expert_engine, handoff)
    assert (
        experts.scalar("SELECT expert_id FROM dialdesk.companies WHERE id = :c", c=company)
        == experts.expert
    )
    assert (
        experts.scalar("SELECT campaign_id FROM dialdesk.deals WHERE id = :d", d=deal)
        == experts.floor.campaign
    )
    assert new_handoffs(experts.expert_engine, experts.expert) == []
    [client] = my_clients(experts.expert_engine, experts.expert)
    assert (client.company, client.stage) == ("ООО Ромашка", "open")
    with pytest.raises(UserError, match="already been accepted"):
        accept_handoff(experts.expert_engine, handoff)


def test_a_colleagues_hand_off_is_refused_by_the_database(experts: ExpertFloor) -> None:
    company, handoff = experts.handed("Чужая", expert=experts.other_expert)
    with pytest.raises(UserError, match="not yours"):
        accept_handoff(experts.expert_engine, handoff)
    with pytest.raises(UserError, match="not yours"):
        return_handoff(experts.expert_engine, handoff, "не мой профиль")
    with experts.expert_engine.connect() as conn:  # not even seen
        seen = conn.execute(
            text("SELECT count(*) FROM dialdesk.companies WHERE id = :c"), {"c": company}
        ).scalar_one()
        handoffs = conn.execute(text("SELECT count(*) FROM dialdesk.handoffs")).scalar_one()
    assert (seen, handoffs) == (0, 0)


def test_returning_needs_a_reason_and_the_supervisor_reads_it(experts: ExpertFloor) -> None:
    _, handoff = experts.handed("Не наш клиент")
    with pytest.raises(UserError, match="why"):
        return_handoff(experts.expert_engine, handoff, "  ")
    with (  # the database refuses it too
        experts.expert_engine.connect() as conn,
        pytest.raises(DBAPIError, match="needs its reason"),
    ):
        conn.execute(text("SELECT dialdesk.return_handoff(:h, '')"), {"h": handoff})
    return_handoff(experts.expert_engine, handoff, "Нужна другая продукция")
    with experts.db.connect() as conn:
        state, reason = conn.execute(
            text("SELECT state, return_reason FROM dialdesk.handoffs WHERE id = :h"),
            {"h": handoff},
        ).one()
    assert (state, reason) == ("returned", "Нужна другая продукция")
    assert new_handoffs(experts.expert_engine, experts.expert) == []


def _mine(experts: ExpertFloor, name: str = "ООО Сделка") -> int:
    company, handoff = experts.handed(name)
    accept_handoff(experts.expert_engine, handoff)
    return company


def test_offer_then_won_makes_a_client(experts: ExpertFloor) -> None:
    company = _mine(experts)
    due = datetime.now(UTC) + timedelta(hours=1)
    record_step(
        experts.expert_engine,
        StepInput(company, "offer", "КП на 120 тыс.", Decimal("120000"), "Станки",
                  next_due=due, next_kind="call"),
    )  # fmt: skip
    [planned] = planned_today(experts.expert_engine, experts.expert)
    assert (planned.company_id, planned.kind) == (company, "call")
    [deal] = company_deals(experts.expert_engine, company)
    assert (deal.stage, deal.amount, deal.product) == ("offer", Decimal("120000"), "Станки")
    record_step(
        experts.expert_engine,
        StepInput(company, "won", "Подписали", Decimal("115000"), callback_id=planned.id),
    )
    [deal] = company_deals(experts.expert_engine, company)
    assert (deal.stage, deal.amount) == ("won", Decimal("115000"))
    assert deal.closed_at is not None
    assert planned_today(experts.expert_engine, experts.expert) == []
    with experts.db.connect() as conn:
        since, total, callback = conn.execute(
            text(
                "SELECT c.client_since, c.total_bought, b.state FROM dialdesk.companies c "
                "JOIN dialdesk.callbacks b ON b.id = :b WHERE c.id = :c"
            ),
            {"c": company, "b": planned.id},
        ).one()
    assert since is not None and total == Decimal("115000") and callback == "done"
    [client] = my_clients(experts.expert_engine, experts.expert)
    assert client.stage == "client"


def test_won_needs_an_amount_and_lost_a_reason_in_the_database(experts: ExpertFloor) -> None:
    company = _mine(experts)
    with experts.expert_engine.connect() as conn:
        for kind, amount, reason, refusal in (
            ("won", None, None, "needs its amount"),
            ("lost", None, None, "needs its reason"),
            ("offer", -5, None, "below zero"),
        ):
            with pytest.raises(DBAPIError, match=refusal):
                conn.execute(
                    text(
                        "SELECT dialdesk.record_expert_step(:id, :c, :k, now(), :a, NULL, "
                        "NULL, :r, NULL, NULL, NULL)"
                    ),
                    {"id": uuid.uuid4(), "c": company, "k": kind, "a": amount, "r": reason},
                )
            conn.rollback()
    price = next(r.id for r in lost_reasons(experts.expert_engine) if r.label_ru == "Цена")
    record_step(experts.expert_engine, StepInput(company, "lost", "Дорого", lost_reason_id=price))
    [deal] = company_deals(experts.expert_engine, company)
    assert (deal.stage, deal.lost_reason_ru) == ("lost", "Цена")


def test_a_colleagues_client_is_not_mine_to_record(experts: ExpertFloor) -> None:
    company = _mine(experts)
    with pytest.raises(UserError, match="not your client"):
        record_step(experts.other_engine, StepInput(company, "call", "чужой"))
    assert experts.scalar("SELECT count(*) FROM dialdesk.expert_steps") == 0


def test_a_step_saved_twice_at_once_is_saved_once(experts: ExpertFloor) -> None:
    company = _mine(experts)
    step = StepInput(company, "meeting", "Встреча в офисе")
    results: list[int] = []
    barrier = threading.Barrier(2)

    def save() -> None:
        barrier.wait()
        results.append(record_step(experts.expert_engine, step))

    threads = [threading.Thread(target=save) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2 and results[0] == results[1]
    assert experts.scalar("SELECT count(*) FROM dialdesk.expert_steps") == 1
    [deal] = company_deals(experts.expert_engine, company)
    assert deal.stage == "meeting"


def test_a_won_client_handed_on_takes_its_plans_along(experts: ExpertFloor) -> None:
    company = _mine(experts)
    record_step(experts.expert_engine, StepInput(company, "won", "", Decimal("50000")))
    due = datetime.now(UTC) + timedelta(days=30)
    record_step(
        experts.expert_engine,
        StepInput(company, "call", "Повторная закупка", next_due=due, next_kind="call"),
    )
    with pytest.raises(UserError, match="another active expert"):
        hand_client(experts.expert_engine, company, experts.floor.me, "оператору нельзя")
    hand_client(experts.expert_engine, company, experts.other_expert, "Ведите его дальше")
    assert my_clients(experts.expert_engine, experts.expert) == []
    [client] = my_clients(experts.other_engine, experts.other_expert)
    assert (client.company_id, client.next_kind) == (company, "call")
    with experts.db.connect() as conn:
        audit = conn.execute(
            text(
                "SELECT new_row ->> 'expert_id' FROM dialdesk.audit_log "
                "WHERE table_name = 'companies' AND row_id = :c ORDER BY id DESC LIMIT 1"
            ),
            {"c": str(company)},
        ).scalar_one()
        note = conn.execute(text("SELECT note FROM dialdesk.client_handovers")).scalar_one()
    assert audit == str(experts.other_expert) and note == "Ведите его дальше"
    with pytest.raises(UserError, match="not your client"):
        hand_client(experts.expert_engine, company, experts.expert, "назад")


def test_the_clients_search_finds_by_name_and_phone(experts: ExpertFloor) -> None:
    _mine(experts, "ООО Альфа")
    _mine(experts, "ООО Бета")
    names = [c.company for c in my_clients(experts.expert_engine, experts.expert, "альф")]
    assert names == ["ООО Альфа"]
    by_phone = my_clients(experts.expert_engine, experts.expert, "495 222")
    assert len(by_phone) == 2
