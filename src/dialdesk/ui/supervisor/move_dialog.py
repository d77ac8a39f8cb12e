"""Move companies from one person to another: the callbacks an operator promised, or the
hand-offs an expert holds (someone is ill, leaves, or has too much)."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import Engine

from dialdesk.services.floor.supervision import HeldCompany, Moved, held_companies, move_companies
from dialdesk.services.people.accounts import PersonRow
from dialdesk.ui.common.check_list import fill_check_list, tick, ticked_values
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.worker import Background

# who may hold or receive companies: those who call, and experts
HOLDERS = ("operator", "supervisor")


class MoveDialog(QDialog):
    loaded = Signal()
    moved = Signal(object, str)  # Moved, the receiver's name

    def __init__(
        self, engine: Engine, people: list[PersonRow], from_id: int | None, parent=None
    ) -> None:
        super().__init__(parent)
        self.ui = load_form("move_dialog", self)
        self._engine = engine
        self._load = Background(self)
        self._move = Background(self)
        holders = [p for p in people if p.active and (p.role in HOLDERS or p.is_expert)]
        for combo in (self.ui.from_combo, self.ui.to_combo):
            for person in holders:
                label = person.full_name or person.login
                if person.is_expert:
                    label = filled(self.tr("%1 (expert)"), label)
                combo.addItem(label, person.id)
        ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Move"))
        self.ui.button_box.accepted.connect(self.move_ticked)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.from_combo.currentIndexChanged.connect(lambda _i: self._load_held())
        self.ui.all_check.toggled.connect(self._tick_all)
        shortcut(QKeySequence.StandardKey.SelectAll, self.ui.held_list, self._select_all,
                 self.tr("tick them all"))  # fmt: skip
        start = self.ui.from_combo.findData(from_id) if from_id is not None else -1
        self.ui.from_combo.setCurrentIndex(max(start, 0))
        if start <= 0:  # the signal does not fire when the index stays at 0
            self._load_held()
        self.ui.to_combo.setCurrentIndex(-1)
        self.ui.held_list.setFocus()

    def _load_held(self) -> None:
        person = self.ui.from_combo.currentData()
        self.ui.held_list.clear()
        self.ui.all_check.setChecked(False)
        if person is None:
            return
        engine = self._engine
        self._load.run(lambda: held_companies(engine, person), self._show_held, self._failed)

    def _show_held(self, held: list[HeldCompany]) -> None:
        lines = []
        for company in held:
            if company.kind == "expert":
                label = self.tr("%1 — hand-off to the expert")
            else:
                label = self.tr("%1 — callback %2").replace(
                    "%2",
                    company.due_at.astimezone().strftime("%d.%m %H:%M"),  # type: ignore[union-attr]
                )
                if company.campaign:
                    label += f" · {company.campaign}"
            lines.append((company.company_id, filled(label, company.company)))
        fill_check_list(self.ui.held_list, lines)
        if not held:
            self.ui.error_label.setText(self.tr("This person holds no companies."))
        else:
            self.ui.error_label.clear()
        self.loaded.emit()

    def _tick_all(self, ticked: bool) -> None:
        tick(self.ui.held_list, lambda _company: ticked)

    def _select_all(self) -> None:
        self.ui.all_check.setChecked(True)
        self._tick_all(True)

    def ticked(self) -> list[int]:
        return ticked_values(self.ui.held_list)

    def move_ticked(self) -> None:
        if self._move.busy:
            return
        source, target = self.ui.from_combo.currentData(), self.ui.to_combo.currentData()
        if target is None:
            self.ui.error_label.setText(self.tr("Choose who receives the companies."))
            self.ui.to_combo.setFocus()
            return
        name = self.ui.to_combo.currentText()
        engine, companies = self._engine, self.ticked()

        def done(moved: Moved) -> None:
            self.moved.emit(moved, name)
            self.accept()

        self._move.run(
            lambda: move_companies(engine, source, target, companies), done, self._failed
        )

    def _failed(self, error: BaseException) -> None:
        show_failure(error, self.ui.error_label.setText)
