"""The phones on the Work tab's card: dialling through the softphone, adding (Ins) and
correcting (Ctrl+E) a number, marking one not working (Ctrl+D, asked first) and back
(Ctrl+Z)."""

import shlex
from typing import Any, cast

from PySide6.QtCore import QProcess, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from dialdesk.services.shift.card import Card, PhoneLine, load_card
from dialdesk.services.shift.phones import set_phone_dead
from dialdesk.ui.common.page import filled
from dialdesk.ui.operator.card_view import tr
from dialdesk.ui.operator.phone_dialog import PhoneDialog


class PhonesMixin:
    """The phone actions of ``WorkPage`` (which provides the attributes named here)."""

    ui: Any
    session: Any
    claim: Any
    card: Any
    phones: Any
    softphone_command: str
    phone_dialog: PhoneDialog | None
    last_dead: PhoneLine | None
    _side: Any
    phones_changed: Any
    _say: Any
    _failed: Any

    def selected_phone_row(self) -> int | None:
        model = self.ui.phones_table.selectionModel()
        rows = model.selectedRows() if model else []
        return rows[0].row() if rows else None

    def selected_phone_id(self) -> int | None:
        row = self.selected_phone_row()
        return self.phones.row_at(row).id if row is not None else None

    def dial(self, row: int) -> None:
        phone = self.phones.row_at(row)
        if phone.is_dead or phone.do_not_call:
            self._say(tr("This number may not be called."))
            return
        if not self.softphone_command:
            opened = QDesktopServices.openUrl(QUrl(phone.tel_link()))
            self._say(
                filled(
                    tr(
                        "Dialling %1 through the system's tel: links. If nothing happens, set your "
                        "softphone's command in File → Settings (Ctrl+,), "
                        "e.g. microsip.exe {number}."
                    ),
                    phone.e164 or "",
                )
                if opened
                else filled(
                    tr(
                        "No program dials %1 from here: set your softphone's command in File → "
                        "Settings (Ctrl+,), e.g. microsip.exe {number}."
                    ),
                    phone.e164 or "",
                )
            )
            return
        command = shlex.split(
            self.softphone_command.replace("{number}", phone.e164 or "").replace(
                "{extension}", phone.extension or ""
            )
        )
        if not command or not QProcess.startDetached(command[0], command[1:]):
            self._say(
                filled(tr("The softphone command could not be started: %1"), self.softphone_command)
            )

    def confirm_dead(self, number: str) -> bool:
        answer = QMessageBox.question(
            cast(QWidget, self),
            tr("Number not working"),
            filled(tr("Mark %1 as not working? It will not be dialled again."), number),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def mark_selected_phone_dead(self) -> None:
        """Ctrl+D: after asking; Ctrl+Z on the phones gives the number back."""
        phone_id = self.selected_phone_id()
        if phone_id is None or self.card is None or self.claim is None:
            return
        phone = next(p for p in self.phones_rows() if p.id == phone_id)
        if phone.is_dead or not self.confirm_dead(phone.e164 or phone.raw_text or ""):
            return
        self._set_dead(phone_id, True)
        self.last_dead = phone
        self._say(
            filled(
                tr("%1 is marked as not working. Ctrl+Z on the phones undoes it."), phone.e164 or ""
            )
        )

    def undo_dead_phone(self) -> None:
        phone, self.last_dead = self.last_dead, None
        if phone is None or self.claim is None:
            return
        self._set_dead(phone.id, False)
        self._say(filled(tr("%1 is working again."), phone.e164 or ""))

    def _set_dead(self, phone_id: int, dead: bool) -> None:
        engine, claim = self.session.engine, self.claim
        assert claim is not None

        def work() -> Card:
            set_phone_dead(engine, phone_id, dead)
            return load_card(engine, claim.company_id, claim.campaign_id)

        self._side.run(work, self._show_phones, self._failed)

    def phones_rows(self) -> list[PhoneLine]:
        return [self.phones.row_at(r) for r in range(self.phones.rowCount())]

    def edit_phone(self, row: int | None, *, adding: bool = False) -> None:
        """Ins adds a number to the company on the card; Ctrl+E corrects the chosen one (F2
        chooses an outcome)."""
        if self.claim is None or (row is None and not adding):
            return
        phone = self.phones.row_at(row) if row is not None else None
        dialog = PhoneDialog(self.session, self.claim.company_id, phone, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._reload_phones)
        dialog.finished.connect(lambda _r: setattr(self, "phone_dialog", None))
        self.phone_dialog = dialog
        dialog.open()

    def _reload_phones(self) -> None:
        if self.claim is None:
            return
        engine, claim = self.session.engine, self.claim
        self._side.run(
            lambda: load_card(engine, claim.company_id, claim.campaign_id),
            self._show_phones,
            self._failed,
        )

    def _show_phones(self, card: Card) -> None:
        chosen = self.selected_phone_id()
        self.phones.set_rows(card.phones)
        rows = [r for r, p in enumerate(card.phones) if p.id == chosen]
        if rows:
            self.ui.phones_table.selectRow(rows[0])
        self.phones_changed.emit()
