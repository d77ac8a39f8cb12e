"""Every report on a base built by hand (tests/services/reports_data.py says what is in it
and so why each figure is right)."""

import time
from datetime import date

import pytest
from sqlalchemy import Engine

from dialdesk.errors import UserError
from dialdesk.services.reports import REPORTS, ReportFilter, run_report
from dialdesk.services.shift.card import company_history
from tests.conftest import Logins
from tests.services.reports_data import ReportBase, build_report_base, msk

NOVEMBER = {"date_from": date(2026, 11, 1), "date_to": date(2026, 11, 30)}


@pytest.fixture
def base(db: Engine, logins: Logins) -> ReportBase:
    return build_report_base(db, logins)


def _table(report) -> dict[str, list]:
    return dict(zip(report.rows, report.cells, strict=True))


def test_groups_now_and_at_the_end_of_a_period(db: Engine, base: ReportBase) -> None:
    now = run_report(db, "groups", ReportFilter(), "ru")
    assert _table(now) == {
        "Горячие": [1, 20.0],
        "Рынок конкурентов": [1, 20.0],
        "Холодные": [1, 20.0],
        "Несуществующие": [1, 20.0],
        "not called yet": [1, 20.0],
    }
    assert now.totals == [5, 100.0]
    october = run_report(db, "groups", ReportFilter(date_to=date(2026, 10, 31)), "en")
    assert _table(october) == {"Cold": [1, 20.0], "No contact": [1, 20.0],
                               "not called yet": [3, 60.0]}  # fmt: skip


def test_contacts_by_industry_and_month_with_the_rate_per_working_day(
    db: Engine, base: ReportBase
) -> None:
    report = run_report(db, "industry-months", ReportFilter(), "ru")
    assert [c.label for c in report.columns] == ["2026-10", "2026-11", "no date", "Total"]
    assert _table(report) == {"Нефть": [0, 4, 0, 4], "Банки": [1, 1, 1, 3]}
    assert report.totals == [1, 5, 1, 7]
    summary = dict(report.summary)
    # days with calls: 30 Oct; 2, 3 and 5 Nov (4 Nov had a call but is a holiday)
    assert summary["Working days"] == [1, 3, None, 4]
    # the whole period counts the undated contact too: 7/4, not 6/4 (issue 16)
    assert summary["Contacts per working day"] == [1.0, 1.7, None, 1.8]  # 1/1, 5/3, 7/4


def test_organisations_per_working_day_count_each_company_once(
    db: Engine, base: ReportBase
) -> None:
    report = run_report(db, "industry-months", ReportFilter(options={"count": "organisations"}))
    assert _table(report) == {"Нефть": [0, 2, 0, 2], "Банки": [1, 1, 1, 1]}
    assert report.totals == [1, 3, 1, 3]
    assert dict(report.summary)["Organisations per working day"] == [1.0, 1.0, None, 0.8]


def test_the_calendar_option_divides_by_every_working_day_of_the_period(
    db: Engine, base: ReportBase
) -> None:
    autumn = ReportFilter(None, date(2026, 10, 1), date(2026, 11, 30), {"days": "calendar"})
    report = run_report(db, "industry-months", autumn)
    assert [c.label for c in report.columns] == ["2026-10", "2026-11", "Total"]  # no undated
    summary = dict(report.summary)
    assert summary["Working days"] == [22, 20, 42]  # November loses the 4th
    assert summary["Contacts per working day"] == [0.0, 0.2, 0.1]  # 1/22, 5/20, 6/42
    half = ReportFilter(None, date(2026, 11, 2), date(2026, 11, 6), {"days": "calendar"})
    assert dict(run_report(db, "industry-months", half).summary)["Working days"] == [4, 4]


def test_movement_between_groups_over_a_period(db: Engine, base: ReportBase) -> None:
    report = run_report(db, "movement", ReportFilter(**NOVEMBER), "en")
    assert [c.label for c in report.columns] == ["Hot", "Competitor", "Cold", "Nonexistent",
                                                 "Total"]  # fmt: skip
    assert _table(report) == {
        "Cold": [0, 1, 0, 0, 1],  # C3
        "No contact": [1, 0, 0, 0, 1],  # C1
        "not called yet": [0, 0, 1, 1, 2],  # C2, C4
    }
    assert report.totals == [1, 1, 1, 1, 4]


def test_answers_by_segment_count_each_companys_latest_answer(db: Engine, base: ReportBase) -> None:
    report = run_report(
        db, "answers", ReportFilter(options={"question": base.question, "by": "staff_band"})
    )
    assert report.title == "Есть автопарк?"
    assert [c.label for c in report.columns] == ["Companies", "Answered", "yes", "%", "no", "%"]
    assert _table(report) == {
        "16-100": [2, 1, 1, 50.0, 0, 0.0],
        "до 15": [2, 2, 1, 50.0, 1, 50.0],  # C1 said yes, then no
        "(not given)": [1, 0, 0, 0.0, 0, 0.0],
    }
    assert report.totals == [5, 3, 2, 40.0, 1, 20.0]
    assert report.rows == ["до 15", "16-100", "(not given)"]  # by size, not as text


def test_structure_of_the_base(db: Engine, base: ReportBase) -> None:
    report = run_report(db, "base", ReportFilter(options={"by": "industry"}))
    assert report.rows == ["Нефть", "(not given)", "Банки"]
    assert report.cells == [[2, 40.0, 2, 1], [2, 40.0, 1, 0], [1, 20.0, 1, 0]]
    assert report.totals == [5, 100.0, 4, 1]


def test_operators_calls_contacts_time_and_plan(db: Engine, base: ReportBase) -> None:
    report = run_report(db, "operators", ReportFilter(**NOVEMBER), "en")
    labels = [c.label for c in report.columns]
    rows = {name: dict(zip(labels, cells, strict=True)) for name, cells in _table(report).items()}
    anna, boris = rows["Анна"], rows["Борис"]
    assert (anna["Calls"], anna["Contacts"], anna["Contact rate, %"]) == (3, 3, 100.0)
    assert (boris["Calls"], boris["Contacts"], boris["Contact rate, %"]) == (3, 2, 66.7)
    assert (anna["On cards, min"], anna["Waiting, min"], anna["Paused, min"]) == (30, 10, 60)
    assert anna["Lunch, min"] == 60
    assert anna["Contacts per hour"] == 4.5  # 3 contacts in 40 minutes of work
    assert (anna["Warm"], anna["Cold"], anna["Competitor"], boris["Hot"]) == (1, 1, 1, 1)
    assert (anna["Plan: calls"], anna["Plan: contacts"]) == (50, 10)
    by_day = run_report(db, "operators", ReportFilter(**NOVEMBER, options={"per_day": True}))
    assert "Анна · 02.11.2026" in by_day.rows and "Борис · 05.11.2026" in by_day.rows


def test_funnel_of_a_campaign(db: Engine, base: ReportBase) -> None:
    report = run_report(db, "funnel", ReportFilter(campaign_id=base.campaign))
    assert report.cells == [
        [5, 100.0, 100.0],  # in the base
        [4, 80.0, 80.0],  # dialled
        [4, 80.0, 100.0],  # reached someone (C4: the number's new owner)
        [3, 60.0, 75.0],  # contact
        [2, 40.0, 66.7],  # warm or hot: C1, and C3 in its undated history
        [1, 20.0, 50.0],  # handed to an expert
        [0, 0.0, 0.0],  # accepted by the expert: nobody took C1 yet
        [0, 0.0, None],  # and so on past the hand-off
        [0, 0.0, None],
        [0, 0.0, None],
    ]
    # nothing won, no first contact; not a campaign of former clients
    assert report.summary == [("Won, amount", [0, None, None])]


def test_callback_discipline(db: Engine, base: ReportBase) -> None:
    autumn = ReportFilter(date_from=date(2026, 11, 1), date_to=base.future_due.date())
    report = run_report(db, "callbacks", autumn)
    assert _table(report) == {
        "Анна": [2, 1, 1, 0, 0, 0, 50.0],
        "Борис": [2, 0, 0, 1, 0, 1, 0.0],
        "anyone": [1, 0, 0, 0, 1, 0, None],
    }
    assert report.totals == [5, 1, 1, 1, 1, 1, 33.3]


def test_a_campaign_filter_narrows_every_report(db: Engine, base: ReportBase) -> None:
    other = ReportFilter(campaign_id=base.campaign + 1000)
    for name in REPORTS:
        if name in ("answers", "company"):  # they need a question or a company
            continue
        report = run_report(db, name, other)
        numbers = [v for row in report.cells for v in row if isinstance(v, int)]
        assert sum(numbers) == 0, name


def test_bad_report_options_are_named(db: Engine, base: ReportBase) -> None:
    with pytest.raises(UserError, match="no report 'sales'"):
        run_report(db, "sales", ReportFilter())
    with pytest.raises(UserError, match="Unknown attribute 'colour'"):
        run_report(db, "base", ReportFilter(options={"by": "colour"}))
    with pytest.raises(UserError, match="yes/no or choice question"):
        run_report(db, "answers", ReportFilter(options={"question": 999999}))
    with pytest.raises(UserError, match="contacts or organisations"):
        run_report(db, "industry-months", ReportFilter(options={"count": "calls"}))


def test_company_history_found_by_name_with_every_call(db: Engine, base: ReportBase) -> None:
    report = run_report(db, "company", ReportFilter(options={"company": "c3"}), "ru")
    assert report.title == "C3 · Банки · Рынок конкурентов"
    own = [moment.astimezone().strftime("%d.%m.%Y %H:%M")
           for moment in (msk(11, 2, 15), msk(10, 30, 14))]  # fmt: skip
    assert report.rows == [*own, "no date"]  # the reader's own time, as on the card
    assert [row[:3] for row in report.cells] == [
        ["звонок", "Анна", "Рынок конкурентов"],
        ["звонок", "Борис", "Холодные"],
        ["звонок", "Анна", "Тёплые"],
    ]
    assert "Есть автопарк?: yes" in str(report.cells[0][3])
    assert report.notes == []
    several = run_report(db, "company", ReportFilter(options={"company": "C"}))
    assert several.title.startswith("C1") and several.notes
    with pytest.raises(UserError, match="No company matches 'Ромашка'"):
        run_report(db, "company", ReportFilter(options={"company": "Ромашка"}))
    with pytest.raises(UserError, match="name, INN or phone"):
        run_report(db, "company", ReportFilter())


def test_staff_bands_read_in_order_of_size() -> None:
    from dialdesk.services.reports.staff_bands import by_size

    bands = ["более 1000", "16-100", None, "101-250", "до 15", "251-1000", "неизвестно"]
    assert by_size(bands) == [
        "до 15", "16-100", "101-250", "251-1000", "более 1000", "неизвестно", None
    ]  # fmt: skip


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the process's zone is set by TZ on POSIX")
def test_the_same_event_shows_the_same_time_on_the_card_and_in_the_report(
    db: Engine, base: ReportBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen: one hand-off at 19:59 on the card and 22:59 in the company history."""
    monkeypatch.setenv("TZ", "Asia/Krasnoyarsk")  # an operator in Krasnoyarsk
    time.tzset()
    try:
        report = run_report(db, "company", ReportFilter(options={"company": "c3"}), "ru")
        with db.connect() as conn:
            history = company_history(conn, base.companies["C3"])
        assert report.rows[0] == history[0].at.astimezone().strftime("%d.%m.%Y %H:%M")
        assert report.rows[0] == "02.11.2026 19:00"  # 15:00 in Moscow
    finally:
        monkeypatch.undo()
        time.tzset()
