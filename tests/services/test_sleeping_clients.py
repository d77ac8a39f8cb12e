"""Sleeping clients: bought from us, then nothing for longer than the admin's period; a
marketer finds them as a segment and puts them into the reactivation campaign."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from dialdesk.errors import UserError
from dialdesk.services.experts.desk import accept_handoff
from dialdesk.services.experts.settings import (
    drop_product_period,
    product_periods,
    set_product_period,
)
from dialdesk.services.experts.steps import StepInput, record_step
from dialdesk.services.segments import Criteria, count_matching, segment_to_campaign
from tests.conftest import Logins
from tests.services.conftest import make_campaign
from tests.services.expert_floor import ExpertFloor


def _company(db: Engine, name: str, since: date | None, last: date | None) -> int:
    with db.begin() as conn:
        return int(
            conn.execute(
                text(
                    "INSERT INTO dialdesk.companies (name, name_key, client_since, "
                    "last_purchase_on) VALUES (:n, :n, :s, :l) RETURNING id"
                ),
                {"n": name, "s": since, "l": last},
            ).scalar_one()
        )


def test_sleeping_clients_go_into_the_reactivation_campaign(db: Engine, logins: Logins) -> None:
    today = date.today()
    asleep = _company(db, "Спит", today - timedelta(days=700), today - timedelta(days=300))
    bought_once = _company(db, "Купил давно", today - timedelta(days=250), None)
    _company(db, "Покупает", today - timedelta(days=700), today - timedelta(days=10))
    _company(db, "Не клиент", None, None)
    marketer = logins.as_role("marketer")
    sleeping = Criteria(sleeping=True)
    assert count_matching(marketer, sleeping) == 2
    with db.begin() as conn:  # the admin counts a client asleep after 280 days only
        conn.execute(text("UPDATE dialdesk.sales_settings SET sleeping_days = 280"))
    assert count_matching(marketer, sleeping) == 1
    assert Criteria.from_json(sleeping.as_json()) == sleeping
    reactivation = make_campaign(db, "Брошенные: возврат")
    with db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.campaigns SET is_abandoned_clients = true WHERE id = :k"),
            {"k": reactivation},
        )
    added = segment_to_campaign(marketer, sleeping, campaign_id=reactivation)
    assert added.added == 1
    with db.connect() as conn:
        queued = (
            conn.execute(
                text("SELECT company_id FROM dialdesk.campaign_entries WHERE campaign_id = :k"),
                {"k": reactivation},
            )
            .scalars()
            .all()
        )
    assert queued == [asleep] and bought_once not in queued


def test_a_product_of_its_own_sleeps_after_its_own_period(
    experts: ExpertFloor, logins: Logins
) -> None:
    company, handoff = experts.handed("ООО Расходники")
    accept_handoff(experts.expert_engine, handoff)
    bought = datetime.now(UTC) - timedelta(days=100)
    record_step(experts.expert_engine, StepInput(company, "won", "", Decimal(5000), "СОЖ",
                                                 made_at=bought))  # fmt: skip
    marketer, admin = logins.as_role("marketer"), logins.as_role("admin")
    sleeping = Criteria(sleeping=True)
    assert count_matching(marketer, sleeping) == 0  # 100 days: awake by the overall 180
    set_product_period(admin, "сож", 60)  # bought monthly: asleep after two months
    assert [p.product for p in product_periods(admin)] == ["сож"]
    assert count_matching(marketer, sleeping) == 1
    set_product_period(admin, "СОЖ", 120)  # the same product, whatever the case
    assert [p.sleeping_days for p in product_periods(admin)] == [120]
    assert count_matching(marketer, sleeping) == 0
    with pytest.raises(UserError, match="refused"):
        set_product_period(marketer, "Станки", 365)
    drop_product_period(admin, product_periods(admin)[0].id)
    assert product_periods(admin) == []
