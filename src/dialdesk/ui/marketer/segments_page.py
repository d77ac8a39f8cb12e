"""The Segments tab (marketers and admins): segments side by side (table and chart) on the
left; on the right the chosen segment's criteria, its size as they are ticked, its rank, and
"call this segment": into a new campaign or an existing one, with its own priority."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QHeaderView, QListWidget
from sqlalchemy import Engine

from dialdesk.changes import Changed
from dialdesk.errors import plain_database_errors
from dialdesk.services.campaigns.questionnaires import answerable_questions
from dialdesk.services.campaigns.settings import campaign_choices
from dialdesk.services.people.login import LoggedIn
from dialdesk.services.reports.groups import group_labels
from dialdesk.services.reports.table import Report
from dialdesk.services.segments import (
    NOT_CALLED,
    RANKS,
    Criteria,
    SegmentLine,
    compare_segments,
    count_matching,
    list_segments,
    segment_values,
)
from dialdesk.ui.common.check_list import fill_check_list, tick, ticked_values
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import Page, filled
from dialdesk.ui.common.row_model import Column, RowTableModel
from dialdesk.ui.common.unsaved import may_discard
from dialdesk.ui.common.worker import Background
from dialdesk.ui.marketer.charts import ANTIALIASED, build_chart
from dialdesk.ui.marketer.files import ReportFiles
from dialdesk.ui.marketer.localise import localised
from dialdesk.ui.marketer.reports_page import cell_reader
from dialdesk.ui.marketer.segment_actions import NEW_CAMPAIGN, SegmentActionsMixin

RANK_COLOURS = {"A": "#d3f9d8", "B": "#fff3bf", "C": "#ffe3e3"}


@dataclass(frozen=True)
class Question:
    id: int
    label: str
    answers: list[tuple[str, str]]  # (value stored, label shown)


@dataclass(frozen=True)
class Overview:
    segments: list[SegmentLine]
    report: Report
    values: dict[str, list[str]]
    groups: dict[str, str]
    questions: list[Question]
    campaigns: list[tuple[int, str]]


@dataclass(frozen=True)
class FormState:
    name: str
    rank: str | None
    criteria: Criteria


@dataclass(frozen=True)
class Line:
    segment: SegmentLine
    cells: list[Any]


def load_overview(engine: Engine, language: str, yes: str, no: str) -> Overview:
    segments = list_segments(engine)
    with plain_database_errors(), engine.connect() as conn:
        groups = group_labels(conn, language)
        questions = [
            Question(
                q.id,
                q.label,
                [("yes", yes), ("no", no)] if q.kind == "yes_no" else [(c, c) for c in q.choices],
            )
            for q in answerable_questions(conn)
        ]
        campaigns = campaign_choices(conn)
    return Overview(
        segments,
        compare_segments(engine, segments),
        segment_values(engine),
        groups,
        questions,
        campaigns,
    )


class SegmentsPage(SegmentActionsMixin, Page):
    loaded = Signal()
    counted = Signal(int)
    SHOWS = Changed.CAMPAIGNS | Changed.CODES | Changed.COMPANIES | Changed.SEGMENTS
    NOTE_LABEL = "error_label"

    def __init__(self, session: LoggedIn, language: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("segments_page", self)
        self._session = session
        self._language = language
        self._loader = Background(self)
        self._counter = Background(self)
        self._actions = Background(self)
        self.current: int | None = None  # the segment on the form; None: a new one
        self.matching: int | None = None  # companies the criteria on the form select
        self._saved_form: FormState | None = None  # the form as loaded or saved
        self.overview: Overview | None = None
        self._filling = False
        ui = self.ui
        self.model = RowTableModel[Line]([], self)
        ui.segments_table.setModel(self.model)
        ui.segments_table.verticalHeader().hide()
        ui.segments_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.chart_view = QChartView(ui.chart_holder)
        self.chart_view.setRenderHint(ANTIALIASED)
        self.chart_view.setMinimumHeight(240)
        ui.chart_layout.addWidget(self.chart_view)
        self.report: Report | None = None  # the comparison on screen, in the reader's language
        self.files = ReportFiles(self, self.chart_view, lambda: self.report)
        self.files.said.connect(self.message)
        ui.export_button.clicked.connect(lambda: self.files.export_xlsx())
        ui.chart_button.clicked.connect(lambda: self.files.save_chart())
        ui.splitter.setSizes([640, 560])
        ui.rank_combo.addItem(self.tr("not ranked"), None)
        for rank in RANKS:
            ui.rank_combo.addItem(rank, rank)
        for spin in (ui.min_spin, ui.max_spin):
            spin.setSpecialValueText(self.tr("any"))
        # the size follows the criteria, 400 ms after the last tick
        self._recount = QTimer(self, singleShot=True, interval=400)
        self._recount.timeout.connect(self._count)
        for box in self._lists().values():
            box.itemChanged.connect(lambda _item: self._changed())
        for spin in (ui.min_spin, ui.max_spin):
            spin.valueChanged.connect(lambda _v: self._changed())
        ui.question_combo.currentIndexChanged.connect(self._question_chosen)
        ui.answer_combo.currentIndexChanged.connect(lambda _i: self._changed())
        ui.segments_table.clicked.connect(lambda _index: self._pick())
        ui.target_combo.currentIndexChanged.connect(lambda _i: self._target_chosen())
        ui.new_button.clicked.connect(self.new_segment)
        ui.save_button.clicked.connect(self.save)
        ui.delete_button.clicked.connect(self.delete)
        # clicked() hands over "checked" (False): it would answer the confirm parameter
        ui.add_button.clicked.connect(lambda: self.add_to_campaign())
        ui.archived_check.toggled.connect(self._archive_side_chosen)
        ui.sleeping_check.toggled.connect(lambda _on: self._changed())
        ui.archive_button.clicked.connect(lambda: self.set_archived())
        ui.mail_button.clicked.connect(lambda: self.mail_offer())
        self._archive_side_chosen(False)
        shortcut("Ins", self, self.new_segment, self.tr("a new segment"))
        shortcut(QKeySequence.StandardKey.Save, self, self.save, self.tr("save the segment"))
        shortcut(QKeySequence.StandardKey.Refresh, self, self.refresh, self.tr("refresh"))
        shortcut("Ctrl+M", self, self.mail_offer, self.tr("mail the campaign's offer"))

    def _lists(self) -> dict[str, QListWidget]:
        ui = self.ui
        return {
            "industries": ui.industries_list,
            "regions": ui.regions_list,
            "staff_bands": ui.staff_list,
            "sources": ui.sources_list,
            "groups": ui.groups_list,
        }

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        engine, language = self._session.engine, self._language
        yes, no = self.tr("yes"), self.tr("no")
        self._loader.run(lambda: load_overview(engine, language, yes, no), self._show, self.failed)

    def _show(self, overview: Overview) -> None:
        # edits not saved yet survive the reload (F5, or after calling the segment)
        unsaved = self._form_state() if self.is_dirty() else None
        self.overview = overview
        ui = self.ui
        report = localised(overview.report, self._language)
        self.report = report
        columns = [Column[Line](report.row_header, lambda line: line.segment.name)]
        columns += [
            Column[Line](c.label, cell_reader(i), numeric=c.format != "text")
            for i, c in enumerate(report.columns)
        ]
        self.model = RowTableModel[Line](
            columns,
            self,
            background=lambda line: (
                QColor(RANK_COLOURS[line.segment.rank]) if line.segment.rank else None
            ),
        )
        self.model.set_rows(
            [Line(s, cells) for s, cells in zip(overview.segments, report.cells, strict=True)]
        )
        ui.segments_table.setModel(self.model)
        chart = build_chart(report) if report.rows else None
        self.chart_view.setChart(chart if chart is not None else type(self.chart_view.chart())())
        self._filling = True
        values = {**overview.values, "groups": [*overview.groups, NOT_CALLED]}
        labels = {**overview.groups, NOT_CALLED: self.tr("not called yet")}
        for name, box in self._lists().items():
            shown_as = labels if name == "groups" else {}
            fill_check_list(box, ((value, shown_as.get(value, value)) for value in values[name]))
        ui.question_combo.clear()
        ui.question_combo.addItem(self.tr("(no answer required)"), None)
        for question in overview.questions:
            ui.question_combo.addItem(question.label, question.id)
        ui.target_combo.clear()
        ui.target_combo.addItem(self.tr("a new campaign"), NEW_CAMPAIGN)
        for campaign_id, name in overview.campaigns:
            ui.target_combo.addItem(name, campaign_id)
        self._filling = False
        keep = next((s for s in overview.segments if s.id == self.current), None)
        self._fill(keep)
        if unsaved is not None:
            self._put(unsaved.name, unsaved.rank, unsaved.criteria)
            self._count()
        self._target_chosen()
        self.loaded.emit()

    # -- the editor ------------------------------------------------------------------------
    def _pick(self) -> None:
        rows = self.ui.segments_table.selectionModel().selectedRows()
        if not rows:
            return
        segment = self.model.row_at(rows[0].row()).segment
        if segment.id != self.current and not self._may_leave():
            self.ui.segments_table.clearSelection()
            for row in range(self.model.rowCount()):
                if self.model.row_at(row).segment.id == self.current:
                    self.ui.segments_table.selectRow(row)
            return
        self._fill(segment)

    def new_segment(self) -> None:
        if not self._may_leave():
            return
        self.ui.segments_table.clearSelection()
        self._fill(None)
        self.ui.name_edit.setFocus()

    def _form_state(self) -> "FormState":
        return FormState(self.ui.name_edit.text(), self.ui.rank_combo.currentData(),
                         self.criteria())  # fmt: skip

    def is_dirty(self) -> bool:
        return self._saved_form is not None and self._form_state() != self._saved_form

    def _may_leave(self) -> bool:
        """Unsaved criteria are not dropped without asking."""
        if not self.is_dirty():
            return True
        return may_discard(self, self.ui.name_edit.text() or self.tr("the new segment"))

    def _fill(self, segment: SegmentLine | None) -> None:
        """Show ``segment`` (None: a new one) as saved."""
        self.current = segment.id if segment else None
        self.ui.error_label.clear()
        if segment is None:
            self._put("", None, Criteria())
        else:
            self._put(segment.name, segment.rank, segment.criteria)
        self._saved_form = self._form_state()
        self._count()

    def _put(self, name: str, rank: str | None, criteria: Criteria) -> None:
        ui = self.ui
        self._filling = True
        ui.name_edit.setText(name)
        ui.rank_combo.setCurrentIndex(max(ui.rank_combo.findData(rank), 0))
        for list_name, box in self._lists().items():
            tick(box, set(getattr(criteria, list_name)))
        ui.min_spin.setValue(-1 if criteria.min_score is None else criteria.min_score)
        ui.max_spin.setValue(-1 if criteria.max_score is None else criteria.max_score)
        ui.archived_check.setChecked(criteria.archived)
        ui.sleeping_check.setChecked(criteria.sleeping)
        question, answer = criteria.answers[0] if criteria.answers else (None, None)
        ui.question_combo.setCurrentIndex(max(ui.question_combo.findData(question), 0))
        self._question_chosen()
        ui.answer_combo.setCurrentIndex(max(ui.answer_combo.findData(answer), 0))
        self._filling = False

    def _question_chosen(self) -> None:
        ui = self.ui
        question_id = ui.question_combo.currentData()
        question = next(
            (q for q in (self.overview.questions if self.overview else []) if q.id == question_id),
            None,
        )
        filling, self._filling = self._filling, True
        ui.answer_combo.clear()
        for value, label in question.answers if question else []:
            ui.answer_combo.addItem(label, value)
        ui.answer_combo.setEnabled(question is not None)
        self._filling = filling
        self._changed()

    def criteria(self) -> Criteria:
        ui = self.ui

        lists = {name: tuple(ticked_values(box)) for name, box in self._lists().items()}
        question, answer = ui.question_combo.currentData(), ui.answer_combo.currentData()
        return Criteria(
            **lists,
            answers=((question, answer),) if question is not None and answer else (),
            min_score=None if ui.min_spin.value() < 0 else ui.min_spin.value(),
            max_score=None if ui.max_spin.value() < 0 else ui.max_spin.value(),
            archived=ui.archived_check.isChecked(),
            sleeping=ui.sleeping_check.isChecked(),
        )

    def _changed(self) -> None:
        if not self._filling:
            self._recount.start()

    def _count(self) -> None:
        engine, criteria = self._session.engine, self.criteria()
        self._counter.run(lambda: count_matching(engine, criteria), self._show_count, self.failed)

    def _show_count(self, matching: int) -> None:
        self.matching = matching
        self.ui.matching_label.setText(filled(self.tr("Companies matching: %1"), str(matching)))
        self.counted.emit(matching)
