"""Contacts per hour never show a nonsense figure over a few logged minutes."""

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from dialdesk.services.reports import ReportFilter, run_report
from tests.services.conftest import Floor


def _work(floor: Floor, person: int, logged_minutes: int, calls: int, call_minutes: int) -> None:
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    company, _, entry = floor.company(f"ООО Темп {person}", phone=f"+7495222{person:04d}")
    with floor.db.begin() as conn:
        contact = conn.execute(
            text("SELECT id FROM dialdesk.outcome_definitions WHERE code = 'cold'")
        ).scalar()
        conn.execute(
            text("INSERT INTO dialdesk.operator_states (person_id, state, started_at) VALUES "
                 "(:p, 'on_card', :a), (:p, 'offline', :b)"),
            {"p": person, "a": start, "b": start + timedelta(minutes=logged_minutes)},
        )  # fmt: skip
        for n in range(calls):
            begun = start + timedelta(minutes=n * call_minutes)
            conn.execute(
                text("INSERT INTO dialdesk.calls (client_id, entry_id, company_id, operator_id, "
                     "outcome_id, started_at, ended_at) VALUES (:u, :e, :c, :p, :o, :s, :f)"),
                {"u": uuid.uuid4(), "e": entry, "c": company, "p": person, "o": contact,
                 "s": begun, "f": begun + timedelta(minutes=call_minutes)},
            )  # fmt: skip


def test_contacts_per_hour_count_the_hour_honestly(floor: Floor) -> None:
    _work(floor, floor.me, logged_minutes=3, calls=40, call_minutes=3)  # the log cut short
    _work(floor, floor.other, logged_minutes=2, calls=5, call_minutes=1)  # too little work
    report = run_report(floor.db, "operators", ReportFilter(), "en")
    rate = [c.label for c in report.columns].index("Contacts per hour")
    by_calls = {cells[0]: cells[rate] for cells in report.cells}
    assert by_calls[40] == 20.0  # 40 contacts over the 2 hours the calls took, not 800
    assert by_calls[5] is None  # 5 minutes of calls: no rate at all
    assert report.notes and "quarter of an hour" in report.notes[0]
