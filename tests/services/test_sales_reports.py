"""The reports past the hand-off on a small base whose figures are worked out by hand.

Campaign "Круглосуточно": the operator hands A, B, C and D to expert E1 and F to E2; a
former-clients campaign hands G to E2.
  E1 accepts A, B, C and returns D.
    A: call, offer 100 000 (next contact planned for tomorrow), won 90 000 (fulfilling it).
    B: call, offer 50 000 (next contact planned an hour ago, never done), lost: price.
    C: accepted, nothing done yet.
  E2 accepts F and G.
    F: meeting, won 30 000; later a second purchase won 20 000 (a deal of its own).
    G: won 10 000 (a former client won back).
The hand-offs of A, B and F are moved 3, 1 and 2 days back: the first contacts came 3, 1
and 2 days after them, 2.0 days on average.
Funnel past the hand-off (of 5 handed in the campaign): accepted 4 (A, B, C, F), first
contact 3 (A, B, F), offer 3 (A, B; F's win counts as past the offer), won 2 (A, F),
120 000 won on the hand-offs' own deals (F's second purchase is not the hand-off's).
Experts: E1 handed 4, accepted 3, returned 1, planned 2, done 1, overdue 1, made 6 (A 3,
B 3), meetings 0, offers 2, won 1, lost 1, 90 000; E2 handed 2, accepted 2, planned 0,
made 4 (F 3, G 1), meetings 1, won 3, 60 000.
Payback by campaign: Круглосуточно 5 handed, 2 won, 1 lost, 120 000, 40 %; Брошенные 1,
1, 0, 10 000, 100 %.
Retention: first deals won by A, F and G, of whom F bought again: 3 and 1, 33.3 %; won
back by reactivation: G, 10 000.
"""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from dialdesk.services.experts.desk import accept_handoff, return_handoff
from dialdesk.services.experts.steps import StepInput, lost_reasons, record_step
from dialdesk.services.reports import REPORTS, ReportFilter, run_report
from tests.services.conftest import make_campaign
from tests.services.expert_floor import ExpertFloor


@pytest.fixture
def sales(experts: ExpertFloor) -> ExpertFloor:
    e1, e2 = experts.expert_engine, experts.other_engine
    now = datetime.now(UTC)
    handed = {name: experts.handed(name) for name in ("A", "B", "C", "D")}
    handed["F"] = experts.handed("F", expert=experts.other_expert)
    former = make_campaign(experts.db, "Брошенные")
    with experts.db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.campaigns SET is_abandoned_clients = true, "
                 "calling_hours_start = '00:00', calling_hours_end = '23:59:59', "
                 "working_days_only = false WHERE id = :k"),
            {"k": former},
        )  # fmt: skip
    handed["G"] = experts.handed("G", expert=experts.other_expert, campaign=former)
    for name in ("A", "B", "C"):
        accept_handoff(e1, handed[name][1])
    return_handoff(e1, handed["D"][1], "Не наш профиль")
    accept_handoff(e2, handed["F"][1])
    accept_handoff(e2, handed["G"][1])
    a, b, f, g = (handed[n][0] for n in "ABFG")
    with experts.db.begin() as conn:
        for name, days in (("A", 3), ("B", 1), ("F", 2)):
            conn.execute(
                text("UPDATE dialdesk.handoffs SET created_at = :at WHERE id = :h"),
                {"at": now - timedelta(days=days), "h": handed[name][1]},
            )
    record_step(e1, StepInput(a, "call", "Созвонились"))
    record_step(e1, StepInput(a, "offer", "КП", Decimal(100000),
                              next_due=now + timedelta(days=1)))  # fmt: skip
    with experts.db.connect() as conn:
        plan = conn.execute(
            text("SELECT id FROM dialdesk.callbacks WHERE company_id = :c AND assigned_to = :e"),
            {"c": a, "e": experts.expert},
        ).scalar_one()
    record_step(e1, StepInput(a, "won", "Подписали", Decimal(90000), callback_id=plan))
    record_step(e1, StepInput(b, "call", "Созвонились"))
    record_step(e1, StepInput(b, "offer", "КП", Decimal(50000),
                              next_due=now - timedelta(hours=1)))  # fmt: skip
    price = next(r.id for r in lost_reasons(e1) if r.label_en == "Price")
    record_step(e1, StepInput(b, "lost", "Дорого", lost_reason_id=price))
    record_step(e2, StepInput(f, "meeting", "Встреча"))
    record_step(e2, StepInput(f, "won", "Первая поставка", Decimal(30000)))
    record_step(e2, StepInput(f, "won", "Повторная закупка", Decimal(20000)))
    record_step(e2, StepInput(g, "won", "Вернулись", Decimal(10000)))
    return experts


def _table(report) -> dict[str, list]:
    return {label: cells for label, cells in zip(report.rows, report.cells, strict=True)}


def test_the_funnel_goes_on_past_the_hand_off(sales: ExpertFloor) -> None:
    report = run_report(sales.db, "funnel", ReportFilter(campaign_id=sales.floor.campaign))
    rows = _table(report)
    assert rows["Handed to an expert"][0] == 5
    assert rows["Accepted by the expert"] == [4, 80.0, 80.0]
    assert rows["First contact by the expert"] == [3, 60.0, 75.0]
    assert rows["Offer sent"] == [3, 60.0, 100.0]
    assert rows["Deal won"] == [2, 40.0, 66.7]
    summary = dict(report.summary)
    assert summary["Won, amount"][0] == 120000
    assert summary["Days from hand-off to the expert's first contact (average)"][0] == 2.0


def test_each_experts_work(sales: ExpertFloor) -> None:
    report = run_report(sales.db, "experts", ReportFilter())
    rows = {}
    with sales.db.connect() as conn:
        names = dict(conn.execute(text("SELECT id, full_name FROM dialdesk.people")).all())
    for label, cells in zip(report.rows, report.cells, strict=True):
        rows[label] = cells
    e1, e2 = rows[names[sales.expert]], rows[names[sales.other_expert]]
    assert e1 == [4, 3, 1, 2, 1, 1, 6, 0, 2, 1, 1, 90000]
    assert e2 == [2, 2, 0, 0, 0, 0, 4, 1, 0, 3, 0, 60000]
    assert report.totals == [6, 5, 1, 2, 1, 1, 10, 1, 2, 4, 1, 150000]


def test_payback_by_campaign_and_by_source(sales: ExpertFloor) -> None:
    report = run_report(sales.db, "payback", ReportFilter())
    assert _table(report) == {
        "Круглосуточно": [5, 2, 1, 120000, 40.0],
        "Брошенные": [1, 1, 0, 10000, 100.0],
    }
    assert report.totals == [6, 3, 1, 130000, 50.0]
    by_source = run_report(sales.db, "payback", ReportFilter(options={"by": "source"}))
    assert _table(by_source) == {"(none)": [6, 3, 1, 130000, 50.0]}


def test_retention_and_clients_won_back(sales: ExpertFloor) -> None:
    report = run_report(sales.db, "retention", ReportFilter())
    assert report.totals == [3, 1, 33.3]
    assert dict(report.summary) == {
        "Clients won back by reactivation": [1, None, None],
        "Won back, amount": [10000, None, None],
    }


def test_the_new_reports_run_on_an_empty_base(db) -> None:
    for name in ("experts", "payback", "retention", "funnel"):
        assert name in REPORTS
        report = run_report(db, name, ReportFilter())
        assert report.title
