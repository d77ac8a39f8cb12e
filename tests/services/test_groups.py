"""A company's group is its latest outcome that says something about it: an unanswered
follow-up does not turn a warm company into "no contact", now or in the reports."""

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from dialdesk.services.reports.groups import groups_report, movement_report
from dialdesk.services.reports.table import ReportFilter
from dialdesk.services.shift.outcomes import NextContact, OutcomeInput, record_outcome
from dialdesk.services.shift.queue import claim_next_entry
from tests.services.conftest import Floor


def _call(floor: Floor, entry: int, code: str, at: datetime) -> None:
    with floor.db.begin() as conn:  # back in the queue, for this operator to claim
        conn.execute(
            text("UPDATE dialdesk.campaign_entries SET state = 'fresh', claimed_by = NULL "
                 "WHERE id = :e"),
            {"e": entry},
        )  # fmt: skip
    assert claim_next_entry(floor.my_engine, floor.me) is not None
    record_outcome(  # the history of past days: written by the owner, who may back-date
        floor.db,
        floor.me,
        OutcomeInput(
            client_id=uuid.uuid4(), entry_id=entry, outcome_code=code,
            started_at=at, ended_at=at + timedelta(minutes=1),
            spoke_with="Иванова" if code in ("warm", "cold") else "",
            next_contact=NextContact(at + timedelta(days=1)) if code == "warm" else None,
        ),
    )  # fmt: skip


def _group(floor: Floor, company: int) -> str | None:
    with floor.db.connect() as conn:
        return conn.execute(
            text("SELECT o.code FROM dialdesk.companies c LEFT JOIN dialdesk.outcome_definitions"
                 " o ON o.id = c.current_outcome_id WHERE c.id = :c"),
            {"c": company},
        ).scalar()  # fmt: skip


def _always_open(floor: Floor) -> None:
    with floor.db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.campaigns SET calling_hours_start = '00:00', "
                 "calling_hours_end = '23:59:59', working_days_only = false"),
        )  # fmt: skip


def test_an_unanswered_follow_up_keeps_a_warm_company_warm(floor: Floor) -> None:
    _always_open(floor)
    warm, _, warm_entry = floor.company("Тёплая", phone="+74952220001")
    silent, _, silent_entry = floor.company("Молчит", phone="+74952220002")
    now = datetime.now(UTC).replace(microsecond=0)
    _call(floor, warm_entry, "warm", now - timedelta(hours=3))
    _call(floor, warm_entry, "no_contact", now - timedelta(hours=1))
    assert _group(floor, warm) == "warm"
    _call(floor, silent_entry, "no_contact", now - timedelta(hours=2))
    assert _group(floor, silent) == "no_contact"  # no contact while it has nothing else
    _call(floor, silent_entry, "cold", now - timedelta(minutes=30))
    assert _group(floor, silent) == "cold"


def test_the_reports_group_at_the_end_of_a_period_follows_the_same_rule(floor: Floor) -> None:
    _always_open(floor)
    _, _, entry = floor.company("Тёплая")
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=10)
    _call(floor, entry, "warm", start + timedelta(days=1))
    _call(floor, entry, "no_contact", start + timedelta(days=2))
    period = ReportFilter(
        date_from=(start + timedelta(days=1, hours=-1)).date(),
        date_to=(start + timedelta(days=3)).date(),
    )
    with floor.db.connect() as conn:
        past = groups_report(conn, period)
        now = groups_report(conn, ReportFilter())
        moves = movement_report(conn, period)
    assert past.rows == ["Warm"] and now.rows == ["Warm"]
    assert moves.columns[0].label == "Warm" and moves.cells == [[1, 1]]
