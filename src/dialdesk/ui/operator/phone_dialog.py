"""Add a phone number to the company on the card (Ins), or correct one (Ctrl+E)."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from dialdesk import limits
from dialdesk.services.people.login import LoggedIn
from dialdesk.services.shift.card import PhoneLine
from dialdesk.services.shift.phones import save_phone
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.fit import fit_message
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.worker import Background


class PhoneDialog(QDialog):
    def __init__(
        self, session: LoggedIn, company_id: int, phone: PhoneLine | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self.ui = load_form("phone_dialog", self)
        self.setWindowTitle(self.tr("Phone number"))
        self._session, self._company, self._phone = session, company_id, phone
        self._background = Background(self)
        self.ui.number_edit.setMaxLength(limits.PHONE["raw_text"])
        self.ui.extension_edit.setMaxLength(limits.PHONE["extension"])
        if phone is not None:
            self.ui.number_edit.setText(phone.e164 or phone.raw_text or "")
            self.ui.extension_edit.setText(phone.extension or "")
        self.ui.button_box.accepted.connect(self._save)
        self.ui.button_box.rejected.connect(self.reject)
        self.setMinimumWidth(460)  # room for a refusal that quotes the colleague's edit

    def _save(self) -> None:
        engine, company = self._session.engine, self._company
        number, extension = self.ui.number_edit.text(), self.ui.extension_edit.text()
        phone_id = self._phone.id if self._phone else None
        version = self._phone.row_version if self._phone else None
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self._background.run(
            lambda: save_phone(engine, company, number, extension, phone_id, version),
            lambda _id: self.accept(),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        show_failure(error, self.ui.error_label.setText)
        fit_message(self, self.ui.error_label)  # however many lines it wraps to
