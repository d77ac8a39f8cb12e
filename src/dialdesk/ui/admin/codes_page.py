"""Outcome codes and pause reasons (administrators): labels in both languages and the flags
that decide what an outcome does; codes are hidden or retired, never deleted."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHeaderView

from dialdesk.changes import Changed
from dialdesk.services.campaigns.codes import (
    OutcomeDefinition,
    PauseCode,
    list_outcome_definitions,
    list_pause_codes,
    save_outcome_definition,
    save_pause_code,
)
from dialdesk.services.people.login import LoggedIn
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import Page, filled
from dialdesk.ui.common.row_model import ROW_ROLE, Column, RowTableModel
from dialdesk.ui.common.worker import Background

OutcomeRow = tuple[int, OutcomeDefinition]
PauseRow = tuple[int, PauseCode]
FLAGS = (
    ("o_contact_check", "is_contact"),
    ("o_final_check", "is_final"),
    ("o_expert_check", "hands_to_expert"),
    ("o_callback_check", "needs_callback"),
    ("o_dead_check", "marks_phone_dead"),
    ("o_group_check", "sets_group"),
)


class CodesPage(Page):
    loaded = Signal()
    saved = Signal()
    SHOWS = Changed.CODES
    NOTE_LABEL = "error_label"

    def __init__(self, session: LoggedIn, language: str, parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("codes_page", self)
        self._session = session
        self._background = Background(self)
        self.outcome_id: int | None = None
        self.pause_id: int | None = None
        ru = language == "ru"
        yes, no = self.tr("yes"), ""
        self.outcomes = RowTableModel[OutcomeRow](
            [
                Column(self.tr("Key"), lambda r: r[1].hotkey or ""),
                Column(self.tr("Code"), lambda r: r[1].code),
                Column(self.tr("Label"), lambda r: r[1].label_ru if ru else r[1].label_en),
                Column(self.tr("Hidden"), lambda r: yes if r[1].hidden else no),
            ],
            self,
        )
        self.pauses = RowTableModel[PauseRow](
            [
                Column(self.tr("Code"), lambda r: r[1].code),
                Column(self.tr("Label"), lambda r: r[1].label_ru if ru else r[1].label_en),
                Column(self.tr("Offered"), lambda r: yes if r[1].active else no),
            ],
            self,
        )
        self.ui.o_key_combo.addItem(self.tr("(no key)"), None)
        for number in range(1, 13):
            self.ui.o_key_combo.addItem(f"F{number}", f"F{number}")
        pairs = (
            (self.ui.outcomes_table, self.outcomes, self._pick_outcome),
            (self.ui.pauses_table, self.pauses, self._pick_pause),
        )
        for table, model, pick in pairs:
            table.setModel(model)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.selectionModel().selectionChanged.connect(lambda _n, _o, pick=pick: pick())
        self.ui.o_new_button.clicked.connect(self.new_outcome)
        self.ui.o_save_button.clicked.connect(self.save_outcome)
        self.ui.p_new_button.clicked.connect(self.new_pause)
        self.ui.p_save_button.clicked.connect(self.save_pause)
        shortcut(QKeySequence.StandardKey.Refresh, self, self.refresh, self.tr("refresh"))
        self.new_outcome()
        self.new_pause()

    def refresh(self) -> None:
        engine = self._session.engine
        self._background.run(
            lambda: (list_outcome_definitions(engine), list_pause_codes(engine)),
            self._show,
            self.failed,
        )

    def _show(self, result: tuple[list[OutcomeRow], list[PauseRow]]) -> None:
        self.outcomes.set_rows(result[0])
        self.pauses.set_rows(result[1])
        self.loaded.emit()

    # -- outcomes ------------------------------------------------------------------------
    def _pick_outcome(self) -> None:
        rows = self.ui.outcomes_table.selectionModel().selectedRows()
        if rows:
            self.outcome_id, outcome = rows[0].data(ROW_ROLE)
            self._fill_outcome(outcome)

    def new_outcome(self) -> None:
        self.ui.outcomes_table.clearSelection()
        self.outcome_id = None
        self._fill_outcome(OutcomeDefinition("", "", ""))

    def _fill_outcome(self, o: OutcomeDefinition) -> None:
        ui = self.ui
        ui.o_code_edit.setText(o.code)
        ui.o_code_edit.setReadOnly(self.outcome_id is not None)  # history refers to the code
        ui.o_ru_edit.setText(o.label_ru)
        ui.o_en_edit.setText(o.label_en)
        ui.o_key_combo.setCurrentIndex(max(0, ui.o_key_combo.findData(o.hotkey)))
        ui.o_order_spin.setValue(o.sort_order)
        for widget, field in FLAGS:
            getattr(ui, widget).setChecked(getattr(o, field))
        ui.o_retry_spin.setValue(o.retry_after_days or 0)
        ui.o_attempts_spin.setValue(o.max_attempts or 0)
        ui.o_hidden_check.setChecked(o.hidden)

    def outcome_on_form(self) -> OutcomeDefinition:
        ui = self.ui
        flags = {field: getattr(ui, widget).isChecked() for widget, field in FLAGS}
        return OutcomeDefinition(
            code=ui.o_code_edit.text().strip(),
            label_ru=ui.o_ru_edit.text().strip(),
            label_en=ui.o_en_edit.text().strip(),
            sort_order=ui.o_order_spin.value(),
            hotkey=ui.o_key_combo.currentData(),
            retry_after_days=ui.o_retry_spin.value() or None,
            max_attempts=ui.o_attempts_spin.value() or None,
            hidden=ui.o_hidden_check.isChecked(),
            **flags,
        )

    def save_outcome(self) -> None:
        engine, known, outcome = self._session.engine, self.outcome_id, self.outcome_on_form()
        self._run(lambda: save_outcome_definition(engine, known, outcome), outcome.code)

    # -- pause reasons -------------------------------------------------------------------
    def _pick_pause(self) -> None:
        rows = self.ui.pauses_table.selectionModel().selectedRows()
        if rows:
            self.pause_id, pause = rows[0].data(ROW_ROLE)
            self._fill_pause(pause)

    def new_pause(self) -> None:
        self.ui.pauses_table.clearSelection()
        self.pause_id = None
        self._fill_pause(PauseCode("", "", ""))

    def _fill_pause(self, p: PauseCode) -> None:
        self.ui.p_code_edit.setText(p.code)
        self.ui.p_code_edit.setReadOnly(self.pause_id is not None)
        self.ui.p_ru_edit.setText(p.label_ru)
        self.ui.p_en_edit.setText(p.label_en)
        self.ui.p_active_check.setChecked(p.active)

    def save_pause(self) -> None:
        ui = self.ui
        pause = PauseCode(
            ui.p_code_edit.text().strip(),
            ui.p_ru_edit.text().strip(),
            ui.p_en_edit.text().strip(),
            ui.p_active_check.isChecked(),
        )
        engine, known = self._session.engine, self.pause_id
        self._run(lambda: save_pause_code(engine, known, pause), pause.code)

    # -- both ----------------------------------------------------------------------------
    def _run(self, work: Callable[[], int], code: str) -> None:
        if self._background.busy:
            return
        self.ui.error_label.clear()

        def done(_id: object) -> None:
            self.message.emit(filled(self.tr("Code \u201c%1\u201d saved."), code))
            self.saved.emit()
            self.changed.emit(Changed.CODES)
            self.refresh()

        self._background.run(work, done, self.failed)
