"""Recording on the expert's desk: what happened on the contact (with the amount, the
product or the reason a deal was lost), the next contact, and the client handed on."""

import uuid
from datetime import UTC
from decimal import Decimal
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from dialdesk.changes import Changed
from dialdesk.services.experts.client import ClientCard
from dialdesk.services.experts.desk import PlannedLine
from dialdesk.services.experts.steps import DealLine, StepInput, hand_client, record_step
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.worker import Background
from dialdesk.ui.expert.hand_dialog import HandClientDialog
from dialdesk.ui.operator import card_view

WITH_AMOUNT = ("offer", "invoice", "won")


class StepsMixin:
    """The recording part of ``ExpertPage`` (which provides these attributes)."""

    ui: Any
    card: ClientCard | None
    _planned: PlannedLine | None
    _open_deal: DealLine | None
    _step_id: uuid.UUID
    _engine: Any
    _save_job: Background
    _colleagues: list[tuple[int, str]]
    changed: Any
    saved: Any
    say: Any
    failed: Any
    refresh: Any
    _open: Any

    def _fields_for_kind(self) -> None:
        ui = self.ui
        kind = ui.kind_combo.currentData()
        for widget in (ui.amount_spin, ui.product_edit, ui.amount_label, ui.product_label):
            widget.setEnabled(kind in WITH_AMOUNT)
        for widget in (ui.reason_combo, ui.reason_label):
            widget.setEnabled(kind == "lost")
        closing = kind in ("won", "lost")
        ui.next_check.setChecked(not closing)
        deal = self._open_deal
        if kind in WITH_AMOUNT and deal is not None:  # what the deal says so far
            if deal.amount and not ui.amount_spin.value():
                ui.amount_spin.setValue(float(deal.amount))
            if deal.product and not ui.product_edit.text():
                ui.product_edit.setText(deal.product)

    def _next_enabled(self, on: bool) -> None:
        self.ui.next_edit.setEnabled(on)
        self.ui.next_kind_combo.setEnabled(on)

    def _reset_step(self) -> None:
        ui = self.ui
        ui.kind_combo.setCurrentIndex(0)
        ui.amount_spin.setValue(0)
        ui.product_edit.clear()
        ui.comment_edit.clear()
        ui.next_edit.setDateTime(card_view.default_next_contact())
        ui.next_kind_combo.setCurrentIndex(0)
        ui.next_check.setChecked(True)
        self._fields_for_kind()
        self._next_enabled(True)
        self._step_id = uuid.uuid4()

    def step_input(self) -> StepInput | None:
        card = self.card
        if card is None or not card.mine:
            self.say(QCoreApplication.translate("ExpertPage", "Choose one of your clients first."))
            return None
        ui = self.ui
        kind = ui.kind_combo.currentData()
        amount = Decimal(str(round(ui.amount_spin.value(), 2))) if kind in WITH_AMOUNT else None
        next_due = None
        if ui.next_check.isChecked():
            next_due = ui.next_edit.dateTime().toPython().astimezone(UTC)
        planned = self._planned
        return StepInput(
            company_id=card.company_id,
            kind=kind,
            comment=ui.comment_edit.toPlainText(),
            amount=amount if amount else None,
            product=ui.product_edit.text() if kind in WITH_AMOUNT else "",
            lost_reason_id=ui.reason_combo.currentData() if kind == "lost" else None,
            callback_id=planned.id if planned and planned.company_id == card.company_id else None,
            next_due=next_due,
            next_kind=ui.next_kind_combo.currentData(),
            client_id=self._step_id,
        )

    def save_step(self) -> None:
        step = self.step_input()
        if step is None:
            return
        engine = self._engine
        label = self.ui.kind_combo.currentText()

        def done(_id: int) -> None:
            self.say(filled(QCoreApplication.translate("ExpertPage", "Saved: %1."), label))
            self._reset_step()
            self._planned = None
            self.saved.emit()
            self.changed.emit(Changed.COMPANIES)
            self.refresh()
            self._open(step.company_id)

        self._save_job.run(lambda: record_step(engine, step), done, self.failed)

    def hand_on(self) -> None:
        card = self.card
        if card is None or not card.mine:
            return
        engine = self._engine
        dialog = HandClientDialog(
            self._colleagues, card.company.get("name") or "", cast(QWidget, self)
        )
        if dialog.exec() != HandClientDialog.DialogCode.Accepted:
            return
        person, name, note = dialog.chosen()

        def done(_id: int) -> None:
            self.say(
                filled(
                    QCoreApplication.translate("ExpertPage", "The client is handed to %1."), name
                )
            )
            self.changed.emit(Changed.COMPANIES)
            self.card = None
            self.refresh()

        self._save_job.run(lambda: hand_client(engine, card.company_id, person, note), done,
                           self.failed)  # fmt: skip
