"""The Reports tab driven like a marketer would: pick, narrow, read, export."""

from pathlib import Path

import psycopg
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from dialdesk.services.people.login import log_in
from dialdesk.ui.marketer.reports_page import NO_LIMIT, ReportsPage
from tests.conftest import Logins
from tests.services.reports_data import build_report_base, msk


@pytest.fixture
def page(qtbot: QtBot, db: Engine, db_dsn: str, logins: Logins):
    base = build_report_base(db, logins)
    login, password = logins.add("marketer")
    session = log_in(db_dsn, login, password)
    widget = ReportsPage(session, "en")
    widget.base = base  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    with qtbot.waitSignal(widget.shown_report, timeout=10000):
        widget.refresh()
    yield widget
    for worker in (widget._runner, widget._loader):
        worker.wait()
    widget.files.wait()
    session.engine.dispose()


def _showing(page: ReportsPage, name: str):
    return page.shown_report, {"timeout": 10000, "check_params_cb": lambda r: r.name == name}


def _column(page: ReportsPage, column: int) -> list[str]:
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_the_first_report_is_shown_with_its_chart(page: ReportsPage) -> None:
    assert page.ui.reports_list.currentItem().text() == "Companies by group"
    assert _column(page, 0) == ["Hot", "Competitor", "Cold", "Nonexistent", "not called yet",
                                "Total"]  # fmt: skip
    assert _column(page, 2)[-1] == "100.0"
    chart = page.chart_view.chart()
    assert chart.series() and chart.series()[0].count() == 5  # a slice per group
    assert not page.ui.by_combo.isVisible()  # this report has no options


def test_options_follow_the_report_and_rerun_it(qtbot: QtBot, page: ReportsPage) -> None:
    signal, wait = _showing(page, "industry-months")
    with qtbot.waitSignal(signal, **wait):
        page.ui.reports_list.setCurrentRow(1)  # contacts by industry and month
    assert page.ui.count_combo.isVisible() and not page.ui.question_combo.isVisible()
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "October 2026"
    assert _column(page, 0)[-1] == "Contacts per working day"
    assert _column(page, 2)[-1] == "1.7"
    organisations = {"timeout": 10000, "check_params_cb": lambda r: "Organisations" in r.title}
    with qtbot.waitSignal(page.shown_report, **organisations):  # a change reruns it by itself
        page.ui.count_combo.setCurrentIndex(page.ui.count_combo.findData("organisations"))
    assert _column(page, 0)[-1] == "Organisations per working day"
    assert _column(page, 4)[-1] == "0.8"
    signal, wait = _showing(page, "answers")
    with qtbot.waitSignal(signal, **wait):
        page.ui.reports_list.setCurrentRow(3)  # answers by segment
    assert page.ui.question_combo.isVisible()
    assert page.ui.question_combo.currentData() == page.base.question  # type: ignore[attr-defined]
    assert _column(page, 0) == ["до 15", "16-100", "(not given)", "Total"]  # by size


def test_a_period_narrows_the_report_and_a_reversed_one_is_refused(
    qtbot: QtBot, page: ReportsPage
) -> None:
    signal, wait = _showing(page, "movement")
    with qtbot.waitSignal(signal, **wait):
        page.ui.reports_list.setCurrentRow(2)  # movement
    november = {"timeout": 10000, "check_params_cb": lambda r: len(r.rows) == 3}
    with qtbot.waitSignal(page.shown_report, **november):
        page.ui.from_edit.setDate(QDate(2026, 11, 1))
        page.ui.to_edit.setDate(QDate(2026, 11, 30))
    assert _column(page, 0) == ["Cold", "No contact", "not called yet", "Total"]
    page.ui.from_edit.setDate(QDate(2026, 12, 1))
    page.run()
    assert page.ui.status_label.text() == "The period must start before it ends."
    page.ui.from_edit.setDate(NO_LIMIT)
    assert page.report_filter().date_from is None  # "any"


def test_export_to_xlsx_and_the_chart_to_png(
    qtbot: QtBot, page: ReportsPage, tmp_path: Path
) -> None:
    with qtbot.waitSignal(page.message, timeout=10000) as said:
        page.export_xlsx(str(tmp_path / "groups"))
    assert said.args == [f"Saved to {tmp_path / 'groups.xlsx'}"]
    sheet = load_workbook(tmp_path / "groups.xlsx").active
    assert [c.value for c in sheet[1]] == ["Group", "Companies", "Share, %"]
    assert [c.value for c in sheet[7]] == ["Total", 5, 100]
    page.save_chart(str(tmp_path / "groups.png"))
    image = QImage(str(tmp_path / "groups.png"))
    assert not image.isNull() and image.width() > 200
    qtbot.keyClick(page, Qt.Key.Key_F5)  # F5 runs it again without a fuss
    qtbot.waitUntil(lambda: "counted in" in page.ui.status_label.text(), timeout=10000)


def test_company_history_on_one_key(qtbot: QtBot, page: ReportsPage) -> None:
    page.ui.reports_list.setCurrentRow(page.ui.reports_list.count() - 1)
    assert page.current_name() == "company" and page.ui.company_edit.isVisible()
    assert not page.ui.from_edit.isEnabled()  # the whole history, whatever the period
    page.ui.company_edit.setText("C1")
    signal, wait = _showing(page, "company")
    with qtbot.waitSignal(signal, **wait):
        qtbot.keyClick(page.ui.company_edit, Qt.Key.Key_Return)
    assert page.ui.title_label.text() == "C1 · Нефть · Hot"
    assert not page.ui.chart_holder.isVisible()  # a history has no chart
    # newest first: C1's five callbacks, three calls and its hand-off
    own = [moment.astimezone().strftime("%d.%m.%Y %H:%M")  # the reader's own time
           for moment in (page.base.future_due, msk(11, 5, 12, 5))]  # type: ignore[attr-defined]  # fmt: skip
    assert _column(page, 0)[:2] == own
    # at one moment, the callbacks a call set are listed above the call (newest first)
    assert _column(page, 1) == ["callback", "hand-off", "callback", "callback", "call",
                                "callback", "callback", "call", "call"]  # fmt: skip


def test_in_russian_the_industry_chart_draws_its_bars_with_a_russian_legend(
    qtbot: QtBot, db: Engine, db_dsn: str, logins: Logins, russian: None
) -> None:
    """Seen: in Russian the chart of contacts by industry and month was empty and its
    legend said "Contacts per working day"."""
    build_report_base(db, logins)
    session = log_in(db_dsn, *logins.add("marketer"))
    page = ReportsPage(session, "ru")
    qtbot.addWidget(page)
    page.show()
    signal, wait = _showing(page, "industry-months")
    with qtbot.waitSignal(signal, **wait):
        page.ui.reports_list.setCurrentRow(1)
    chart = page.chart_view.chart()
    bars = chart.series()[0].barSets()[0]
    assert bars.label() == "Контактов в рабочий день"
    assert [bars.at(i) for i in range(bars.count())] == [
        float(page.model.index(page.model.rowCount() - 1, column + 1).data().replace(",", "."))
        for column in range(bars.count())
    ]
    assert any(bars.at(i) > 0 for i in range(bars.count()))
    rates = [page.model.index(page.model.rowCount() - 1, c).data() for c in (1, 2)]
    assert all("," in rate and "." not in rate for rate in rates)  # a decimal comma
    page._runner.wait()
    session.engine.dispose()


def test_the_groups_pie_gives_each_group_its_own_colour_hot_the_warmest(
    page: ReportsPage,
) -> None:
    slices = page.chart_view.chart().series()[0].slices()
    colours = {s.label().split(":")[0]: s.color().name() for s in slices}
    assert len(set(colours.values())) == len(colours)  # one colour per group
    assert colours["Hot"] == "#d7301f"


def test_a_connection_cut_during_a_report_says_so_and_f5_shows_it(
    page: ReportsPage, qtbot: QtBot, db_dsn: str
) -> None:
    """The network drops while the report counts: a plain message, and pressing F5 again
    shows the report over a new connection."""
    with psycopg.connect(db_dsn) as blocker, psycopg.connect(db_dsn, autocommit=True) as admin:
        blocker.execute("LOCK TABLE dialdesk.companies IN ACCESS EXCLUSIVE MODE")
        failed = []
        page.message.connect(failed.append)
        page.run()  # waits for the lock on the server
        waiting: list[int] = []

        def report_waits() -> bool:
            waiting[:] = [
                row[0]
                for row in admin.execute(
                    "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND usename LIKE 't\\_%'"
                )
            ]
            return bool(waiting)

        qtbot.waitUntil(report_waits, timeout=10000)
        admin.execute("SELECT pg_terminate_backend(%s)", (waiting[0],))
        qtbot.waitUntil(lambda: bool(failed), timeout=10000)
        blocker.rollback()
    assert failed[0].startswith("Cannot reach the database") and "Traceback" not in failed[0]
    assert page.ui.status_label.text() == failed[0]
    with qtbot.waitSignal(page.shown_report, timeout=10000):
        qtbot.keyClick(page, Qt.Key.Key_F5)
    assert "lines, counted in" in page.ui.status_label.text()
