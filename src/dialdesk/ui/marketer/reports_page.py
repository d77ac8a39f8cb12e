"""The Reports tab: pick a report on the left, narrow it by campaign and period (and its own
options), read the table and the chart; export the table to XLSX and the chart to PNG.
Reports run in a worker: the window never waits for the database."""

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QHeaderView, QListWidgetItem
from sqlalchemy import Engine

from dialdesk.changes import Changed
from dialdesk.errors import plain_database_errors
from dialdesk.services.campaigns.questionnaires import answerable_questions
from dialdesk.services.campaigns.settings import campaign_choices
from dialdesk.services.people.login import LoggedIn
from dialdesk.services.reports import REPORTS, ReportFilter, run_report
from dialdesk.services.reports.table import Cell, Report
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import Page, filled
from dialdesk.ui.common.row_model import Column, RowTableModel
from dialdesk.ui.common.worker import Background
from dialdesk.ui.marketer.charts import ANTIALIASED, build_chart
from dialdesk.ui.marketer.files import ReportFiles
from dialdesk.ui.marketer.localise import _tr, localised

NO_LIMIT = QDate(2000, 1, 1)  # a date edit at this value means "no limit"
SUMMARY_COLOUR = "#eef2f7"
# which option widgets each report uses
OPTIONS = {
    "base": ("by",),
    "answers": ("by", "question"),
    "industry-months": ("count", "days"),
    "operators": ("per_day",),
    "company": ("company",),
    "payback": ("by",),
}
WHOLE_HISTORY = {"company"}


@dataclass(frozen=True)
class Line:
    label: str
    cells: list[Cell]
    summary: bool  # the totals or a line after them


@dataclass(frozen=True)
class Choices:
    campaigns: list[tuple[int, str]]
    questions: list[tuple[int, str]]  # yes/no and choice questions, "campaign: text"


def load_choices(engine: Engine) -> Choices:
    with plain_database_errors(), engine.connect() as conn:
        return Choices(
            campaign_choices(conn), [(q.id, q.label) for q in answerable_questions(conn)]
        )


def shown(value: Cell) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return QLocale().toString(value, "f", 1)  # "2,2" in Russian
    if isinstance(value, int):
        return QLocale().toString(value)  # "12 345" in Russian
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


class HasCells(Protocol):
    @property
    def cells(self) -> Sequence[Cell]: ...


def cell_reader(index: int) -> Callable[[HasCells], str]:
    """A table column showing cell ``index`` of a report's line (blank past its end)."""
    return lambda line: shown(line.cells[index]) if index < len(line.cells) else ""


class ReportsPage(Page):
    shown_report = Signal(object)  # the Report on screen, in the reader's language
    SHOWS = Changed.CAMPAIGNS | Changed.CODES | Changed.COMPANIES | Changed.PEOPLE
    NOTE_LABEL = "status_label"

    def __init__(self, session: LoggedIn, language: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("reports_page", self)
        self._session = session
        self._language = language
        self._runner = Background(self)
        self._loader = Background(self)
        self._again = False
        self.report: Report | None = None
        self.model = RowTableModel[Line]([], self)
        ui = self.ui
        ui.table.setModel(self.model)
        ui.table.verticalHeader().hide()
        ui.table.verticalHeader().setDefaultSectionSize(ui.table.fontMetrics().height() + 8)
        ui.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.chart_view = QChartView(ui.chart_holder)
        self.chart_view.setRenderHint(ANTIALIASED)
        self.chart_view.setMinimumHeight(260)
        ui.chart_layout.addWidget(self.chart_view)
        ui.splitter.setSizes([420, 320])
        for name, (title, _builder) in REPORTS.items():
            item = QListWidgetItem(_tr(title), ui.reports_list)
            item.setData(Qt.ItemDataRole.UserRole, name)
        self._fill_fixed_choices()
        for edit in (ui.from_edit, ui.to_edit):
            edit.setMinimumDate(NO_LIMIT)
            edit.setSpecialValueText(self.tr("any"))
            edit.setDate(NO_LIMIT)
        # one run 300 ms after the last change of the filters, not one per keystroke
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.run)
        ui.reports_list.currentRowChanged.connect(lambda _row: self._report_chosen())
        for combo in (ui.campaign_combo, ui.by_combo, ui.question_combo, ui.count_combo,
                      ui.days_combo):  # fmt: skip
            combo.currentIndexChanged.connect(lambda _i: self._debounce.start())
        for edit in (ui.from_edit, ui.to_edit):
            edit.dateChanged.connect(lambda _d: self._debounce.start())
        ui.per_day_check.toggled.connect(lambda _b: self._debounce.start())
        ui.company_edit.returnPressed.connect(self.run)
        ui.period_combo.activated.connect(self._preset_chosen)
        ui.run_button.clicked.connect(self.run)
        ui.export_button.clicked.connect(lambda: self.export_xlsx())
        ui.chart_button.clicked.connect(lambda: self.save_chart())
        shortcut(QKeySequence.StandardKey.Refresh, self, self.run, self.tr("show the report"))
        self.files = ReportFiles(self, self.chart_view, lambda: self.report)
        self.files.said.connect(self.say)
        self._show_options("groups")

    # -- choices -------------------------------------------------------------------------
    def _fill_fixed_choices(self) -> None:
        ui = self.ui
        self._fill_by("groups")
        ui.count_combo.addItem(self.tr("contacts"), "contacts")
        ui.count_combo.addItem(self.tr("organisations"), "organisations")
        ui.days_combo.addItem(self.tr("working days with calls"), "with_calls")
        ui.days_combo.addItem(self.tr("all working days of the calendar"), "calendar")
        for key, label in (("", self.tr("Period…")), ("month", self.tr("this month")),
                           ("last_month", self.tr("last month")), ("year", self.tr("this year")),
                           ("any", self.tr("any time"))):  # fmt: skip
            ui.period_combo.addItem(label, key)

    def refresh(self) -> None:
        """Read the campaigns and questions for the filters, then show the chosen report."""
        engine = self._session.engine
        self._loader.run(lambda: load_choices(engine), self._show_choices, self.failed)

    def _show_choices(self, choices: Choices) -> None:
        ui = self.ui
        for combo, items, first in (
            (ui.campaign_combo, choices.campaigns, self.tr("all campaigns")),
            (ui.question_combo, choices.questions, None),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if first is not None:
                combo.addItem(first, None)
            for item_id, label in items:
                combo.addItem(label, item_id)
            found = combo.findData(keep)
            combo.setCurrentIndex(found if found >= 0 else 0)
            combo.blockSignals(False)
        if ui.reports_list.currentRow() < 0:
            ui.reports_list.setCurrentRow(0)  # runs it
        else:
            self.run()

    def _preset_chosen(self, index: int) -> None:
        key = self.ui.period_combo.itemData(index)
        today = QDate.currentDate()
        start, end = {
            "month": (QDate(today.year(), today.month(), 1), today),
            "last_month": (
                QDate(today.year(), today.month(), 1).addMonths(-1),
                QDate(today.year(), today.month(), 1).addDays(-1),
            ),
            "year": (QDate(today.year(), 1, 1), today),
            "any": (NO_LIMIT, NO_LIMIT),
        }.get(key, (None, None))
        if start is not None and end is not None:
            self.ui.from_edit.setDate(start)
            self.ui.to_edit.setDate(end)
        self.ui.period_combo.setCurrentIndex(0)

    def _report_chosen(self) -> None:
        name = self.current_name()
        self._show_options(name)
        if name == "company" and not self.ui.company_edit.text().strip():
            self.ui.company_edit.setFocus()  # nothing to show until a company is named
            return
        self.run()

    def _fill_by(self, name: str) -> None:
        """The "by" choices of the report: what the base is cut by, or for the payback
        what the deals are put down to."""
        if name == "payback":
            choices = [("campaign", self.tr("campaign")), ("source", self.tr("source")),
                       ("segment", self.tr("segment"))]  # fmt: skip
        else:
            choices = [("industry", self.tr("industry")), ("region", self.tr("region")),
                       ("source", self.tr("source")),
                       ("staff_band", self.tr("staff size"))]  # fmt: skip
        combo = self.ui.by_combo
        if [combo.itemData(i) for i in range(combo.count())] == [k for k, _ in choices]:
            return
        chosen = combo.currentData()
        combo.clear()
        for key, label in choices:
            combo.addItem(label, key)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))

    def _show_options(self, name: str) -> None:
        wanted = OPTIONS.get(name, ())
        ui = self.ui
        if "by" in wanted:
            self._fill_by(name)
        for option, widgets in (
            ("by", (ui.by_label, ui.by_combo)),
            ("question", (ui.question_label, ui.question_combo)),
            ("count", (ui.count_label, ui.count_combo)),
            ("days", (ui.days_label, ui.days_combo)),
            ("per_day", (ui.per_day_check,)),
            ("company", (ui.company_label, ui.company_edit)),
        ):
            for widget in widgets:
                widget.setVisible(option in wanted)
        # one company's history is all of it: campaign and period do not apply
        for widget in (ui.campaign_combo, ui.from_edit, ui.to_edit, ui.period_combo):
            widget.setEnabled(name not in WHOLE_HISTORY)
        if name == "answers" and ui.by_combo.currentData() == "industry":
            ui.by_combo.setCurrentIndex(ui.by_combo.findData("staff_band"))

    def current_name(self) -> str:
        item = self.ui.reports_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "groups"

    def report_filter(self) -> ReportFilter:
        ui = self.ui
        name = self.current_name()
        wanted = OPTIONS.get(name, ())
        options: dict[str, Any] = {}
        if "by" in wanted:
            options["by"] = ui.by_combo.currentData()
        if "question" in wanted:
            options["question"] = ui.question_combo.currentData()
        if "count" in wanted:
            options["count"] = ui.count_combo.currentData()
        if "days" in wanted:
            options["days"] = ui.days_combo.currentData()
        if "per_day" in wanted and ui.per_day_check.isChecked():
            options["per_day"] = True
        if "company" in wanted:
            options["company"] = ui.company_edit.text()

        def day(edit: Any) -> date | None:
            value = edit.date()
            return None if value == NO_LIMIT else value.toPython()

        return ReportFilter(ui.campaign_combo.currentData(), day(ui.from_edit), day(ui.to_edit),
                            options)  # fmt: skip

    # -- running -------------------------------------------------------------------------
    def run(self) -> None:
        if self._runner.busy:
            self._again = True
            return
        self._debounce.stop()
        report_filter = self.report_filter()
        start, end = report_filter.date_from, report_filter.date_to
        if start and end and start > end:
            self.say(self.tr("The period must start before it ends."))
            return
        engine, name, language = self._session.engine, self.current_name(), self._language
        if name == "company" and not report_filter.options.get("company", "").strip():
            self.say(self.tr("Type a company's name, INN or phone number and press Enter."))
            self.ui.company_edit.setFocus()
            return
        self.ui.status_label.setText(self.tr("Counting…"))
        started = time.perf_counter()

        def work() -> tuple[Report, float]:
            return run_report(engine, name, report_filter, language), time.perf_counter()

        self._runner.run(work, lambda result: self._show(result[0], result[1] - started),
                         self.failed)  # fmt: skip

    def _show(self, raw: Report, seconds: float) -> None:
        report = localised(raw, self._language)
        self.report = report
        pairs = zip(report.rows, report.cells, strict=True)
        lines = [Line(label, cells, False) for label, cells in pairs]
        if report.totals is not None:
            lines.append(Line(report.total_label, report.totals, True))
        lines += [Line(label, cells, True) for label, cells in report.summary]
        columns = [Column[Line](report.row_header, lambda line: line.label)]
        columns += [
            Column[Line](column.label, cell_reader(index), numeric=column.format != "text")
            for index, column in enumerate(report.columns)
        ]
        summary_colour = QColor(SUMMARY_COLOUR)
        self.model = RowTableModel[Line](
            columns, self, background=lambda line: summary_colour if line.summary else None
        )
        self.model.set_rows(lines)
        self.ui.table.setModel(self.model)
        self.ui.title_label.setText(report.title)
        chart = build_chart(report)
        old = self.chart_view.chart()
        self.chart_view.setChart(chart if chart is not None else type(old)())
        self.ui.chart_button.setEnabled(chart is not None)
        self.ui.chart_holder.setVisible(chart is not None)  # no empty frame under the table
        said = filled(
            self.tr("%1 lines, counted in %2 s."),
            str(len(report.rows)),
            QLocale().toString(seconds, "f", 2),
        )
        self.ui.status_label.setText(" ".join([said, *map(_tr, report.notes)]))
        self.shown_report.emit(report)
        if self._again:
            self._again = False
            self.run()

    # -- files ---------------------------------------------------------------------------
    def export_xlsx(self, path: str | None = None) -> None:
        self.files.export_xlsx(path)

    def save_chart(self, path: str | None = None) -> None:
        self.files.save_chart(path)

    def failed(self, error: BaseException) -> None:
        self._again = False
        super().failed(error)
