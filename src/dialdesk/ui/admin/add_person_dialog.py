"""Add a person with their own login; the database decides whether the admin may."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from dialdesk.services.people import accounts as people
from dialdesk.services.people.login import LoggedIn
from dialdesk.ui.common.error_text import plain_error
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.roles import role_label
from dialdesk.ui.common.worker import Background
from dialdesk.vocabulary import ROLES


class AddPersonDialog(QDialog):
    def __init__(self, session: LoggedIn, parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("add_person_dialog", self)
        self._session = session
        self._background = Background(self)
        self.added_login: str | None = None
        for role in ROLES:
            self.ui.role_combo.addItem(role_label(role), role)
        self.ui.button_box.accepted.connect(self._add)
        self.ui.button_box.rejected.connect(self.reject)

    def _add(self) -> None:
        login = self.ui.login_edit.text().strip()
        password = self.ui.password_edit.text()
        if not login:
            self._error(self.tr("Enter a login."))
            self.ui.login_edit.setFocus()
            return
        if password != self.ui.repeat_edit.text():
            self._error(self.tr("The two passwords differ."))
            self.ui.repeat_edit.setFocus()
            return
        name = self.ui.name_edit.text().strip()
        role = self.ui.role_combo.currentData()
        engine = self._session.engine
        self._busy(True)
        self._background.run(
            lambda: people.add_person(engine, login, name, role, password),
            lambda _id: self._added(login),
            self._failed,
        )

    def _added(self, login: str) -> None:
        self.added_login = login
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        text = plain_error(error)
        if text is None:
            raise error
        self._error(text)

    def _busy(self, busy: bool) -> None:
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)

    def _error(self, text: str) -> None:
        self.ui.error_label.setText(text)
