"""Add or change a contact person of the company on the card."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from dialdesk import limits
from dialdesk.services.people.login import LoggedIn
from dialdesk.services.shift.card import ContactLine, save_contact
from dialdesk.ui.common.error_text import plain_error
from dialdesk.ui.common.fit import fit_message
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.worker import Background
from dialdesk.ui.operator.card_view import contact_role_label
from dialdesk.vocabulary import CONTACT_ROLES


class ContactDialog(QDialog):
    def __init__(
        self, session: LoggedIn, company_id: int, contact: ContactLine | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self.ui = load_form("contact_dialog", self)
        self._session = session
        self._company = company_id
        self._contact = contact
        self._background = Background(self)
        for role in CONTACT_ROLES:
            self.ui.role_combo.addItem(contact_role_label(role), role)
        ui = self.ui
        for edit, field in ((ui.name_edit, "full_name"), (ui.position_edit, "position"),
                            (ui.phone_edit, "phone"), (ui.email_edit, "email")):  # fmt: skip
            edit.setMaxLength(limits.CONTACT[field])
        if contact is not None:
            self.ui.name_edit.setText(contact.full_name)
            self.ui.position_edit.setText(contact.position or "")
            self.ui.role_combo.setCurrentIndex(self.ui.role_combo.findData(contact.role))
            self.ui.phone_edit.setText(contact.phone or "")
            self.ui.email_edit.setText(contact.email or "")
        self.ui.button_box.accepted.connect(self._save)
        self.ui.button_box.rejected.connect(self.reject)
        self.setMinimumWidth(460)  # room for a refusal that quotes the colleague's edit

    def _save(self) -> None:
        ui = self.ui
        engine, company = self._session.engine, self._company
        contact_id = self._contact.id if self._contact else None
        version = self._contact.row_version if self._contact else None
        name, role = ui.name_edit.text(), ui.role_combo.currentData()
        position, phone, email = ui.position_edit.text(), ui.phone_edit.text(), ui.email_edit.text()
        ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self._background.run(
            lambda: save_contact(
                engine,
                company,
                name,
                role,
                position=position,
                phone=phone,
                email=email,
                contact_id=contact_id,
                version=version,
            ),
            lambda _id: self.accept(),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        text = plain_error(error)
        if text is None:
            raise error
        self.ui.error_label.setText(text)
        fit_message(self, self.ui.error_label)  # however many lines it wraps to
