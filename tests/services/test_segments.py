"""Segments on the hand-built report base (tests/services/reports_data.py)."""

import uuid
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import Engine, text

from dialdesk.errors import UserError
from dialdesk.services.segments import (
    NOT_CALLED,
    Criteria,
    compare_segments,
    count_matching,
    criteria_sql,
    delete_segment,
    list_segments,
    save_segment,
    segment_to_campaign,
    segment_values,
)
from dialdesk.services.shift.outcomes import OutcomeInput, record_outcome
from dialdesk.services.shift.queue import claim_next_entry
from tests.conftest import Logins
from tests.services.conftest import make_campaign
from tests.services.reports_data import ReportBase, build_report_base


@pytest.fixture
def base(db: Engine, logins: Logins) -> ReportBase:
    built = build_report_base(db, logins)
    with db.begin() as conn:
        for name, score in (("C1", 80), ("C2", 40)):
            conn.execute(
                text("UPDATE dialdesk.companies SET potential_score = :s WHERE id = :c"),
                {"s": score, "c": built.companies[name]},
            )
    return built


def _names(db: Engine, base: ReportBase, criteria: Criteria) -> set[str]:
    where, params = criteria_sql(criteria)
    with db.connect() as conn:
        return set(
            conn.execute(
                text(f"SELECT c.name FROM dialdesk.companies c WHERE {where}"), params
            ).scalars()
        )


def test_criteria_select_the_companies_they_name(db: Engine, base: ReportBase) -> None:
    q = base.question
    assert _names(db, base, Criteria()) == {"C1", "C2", "C3", "C4", "C5"}
    assert _names(db, base, Criteria(industries=("Нефть",))) == {"C1", "C2"}
    assert _names(db, base, Criteria(staff_bands=("до 15", "16-100"))) == {"C1", "C2", "C3",
                                                                            "C5"}  # fmt: skip
    assert _names(db, base, Criteria(groups=("cold", NOT_CALLED))) == {"C2", "C5"}
    assert _names(db, base, Criteria(answers=((q, "yes"),))) == {"C2", "C3"}  # C1 said no last
    assert _names(db, base, Criteria(min_score=50)) == {"C1"}
    assert _names(db, base, Criteria(industries=("Нефть",), max_score=50)) == {"C2"}
    assert count_matching(db, Criteria(industries=("Нефть",), groups=("hot",))) == 1


def test_segments_are_saved_compared_and_ranked(
    db: Engine, logins: Logins, base: ReportBase
) -> None:
    marketer = logins.as_role("marketer")
    oil = save_segment(marketer, None, "Нефть", "A", Criteria(industries=("Нефть",)))
    small = save_segment(marketer, None, "Малые", None, Criteria(staff_bands=("до 15",)))
    fresh = save_segment(marketer, None, "Не звонили", "C", Criteria(groups=(NOT_CALLED,)))
    save_segment(marketer, small, "Малые", "B", Criteria(staff_bands=("до 15",)))
    segments = list_segments(marketer)
    assert [(s.name, s.rank) for s in segments] == [("Нефть", "A"), ("Малые", "B"),
                                                    ("Не звонили", "C")]  # fmt: skip
    assert segments[0].criteria == Criteria(industries=("Нефть",))
    report = compare_segments(marketer, segments)
    assert dict(zip(report.rows, report.cells, strict=True)) == {
        "Нефть": ["A", 2, 40.0, 2, 2, 100.0, 1, 50.0],
        "Малые": ["B", 2, 40.0, 2, 2, 100.0, 1, 50.0],
        "Не звонили": ["C", 1, 20.0, 0, 0, None, 0, None],
    }
    delete_segment(marketer, fresh)
    assert [s.id for s in list_segments(marketer)] == [oil, small]
    assert segment_values(marketer)["industries"] == ["Банки", "Нефть"]


def test_a_segment_becomes_a_campaign_with_its_priority_and_frequency(
    db: Engine, logins: Logins, base: ReportBase
) -> None:
    marketer = logins.as_role("marketer")
    oil = Criteria(industries=("Нефть",))
    added = segment_to_campaign(
        marketer, oil, new_campaign="Нефть: повтор", priority=5, retry_delay_minutes=1440
    )
    assert (added.added, added.already_there) == (2, 0)
    with db.connect() as conn:
        delay = conn.execute(
            text("SELECT retry_delay_minutes FROM dialdesk.campaigns WHERE id = :k"),
            {"k": added.campaign_id},
        ).scalar()
        priorities = conn.execute(
            text("SELECT DISTINCT priority FROM dialdesk.campaign_entries WHERE campaign_id = :k"),
            {"k": added.campaign_id},
        ).scalars()
        assert delay == 1440 and list(priorities) == [5]
    again = segment_to_campaign(marketer, Criteria(), campaign_id=added.campaign_id)
    assert (again.added, again.already_there) == (3, 2)  # the others join; nobody twice
    with pytest.raises(UserError, match="already exists"):
        segment_to_campaign(marketer, oil, new_campaign="нефть: ПОВТОР")


@pytest.mark.parametrize(
    ("name", "rank", "criteria", "message"),
    [
        ("  ", None, Criteria(), "needs a name"),
        ("X", "D", Criteria(), "A, B or C"),
        ("X", None, Criteria(min_score=60, max_score=10), "lowest potential score"),
    ],
)
def test_bad_segments_are_refused(
    logins: Logins, base: ReportBase, name: str, rank: str | None, criteria: Criteria,
    message: str,
) -> None:  # fmt: skip
    with pytest.raises(UserError, match=message):
        save_segment(logins.as_role("marketer"), None, name, rank, criteria)


def test_only_marketers_and_admins_change_segments(logins: Logins, base: ReportBase) -> None:
    with pytest.raises(UserError, match="refused"):
        save_segment(logins.as_role("supervisor"), None, "S", None, Criteria())
    with pytest.raises(UserError, match="refused"):
        segment_to_campaign(logins.as_role("operator"), Criteria(), new_campaign="Новая")
    assert list_segments(logins.as_role("operator")) == []  # reading is for everyone


def test_a_segment_added_to_a_running_campaign_keeps_its_own_frequency(
    db: Engine, logins: Logins, base: ReportBase
) -> None:
    always = make_campaign(db, "Круглосуточно", time(0), time(23, 59, 59), False)  # 60 min
    with db.begin() as conn:
        conn.execute(
            text("INSERT INTO dialdesk.phones (company_id, e164) VALUES (:c, '+74951112233')"),
            {"c": base.companies["C5"]},
        )
    added = segment_to_campaign(
        logins.as_role("marketer"), Criteria(groups=(NOT_CALLED,)), campaign_id=always,
        priority=7, retry_delay_minutes=3 * 24 * 60,
    )  # fmt: skip
    assert (added.added, added.already_there) == (1, 0)
    login, password = logins.add("operator")
    operator = logins.engine(login, password)
    me = logins.person_id(login)
    claim = claim_next_entry(operator, me, campaign_id=always)
    assert claim is not None and claim.company_id == base.companies["C5"]
    now = datetime.now(UTC)
    record_outcome(operator, me, OutcomeInput(
        client_id=uuid.uuid4(), entry_id=claim.entry_id,
        outcome_code="no_contact", started_at=now - timedelta(minutes=1), ended_at=now,
    ))  # fmt: skip
    with db.connect() as conn:
        due = conn.execute(
            text("SELECT next_attempt_at FROM dialdesk.campaign_entries WHERE id = :e"),
            {"e": claim.entry_id},
        ).scalar_one()
    # three days, the segment's frequency, not the campaign's hour
    assert timedelta(days=3) - timedelta(minutes=5) < due - now < timedelta(days=3, minutes=5)
