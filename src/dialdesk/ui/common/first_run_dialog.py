"""First start of the built-in database: load demo data, or create the administrator."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem

from dialdesk.demo.base import DEFAULT_LOGIN_PREFIX, DemoResult, load_demo
from dialdesk.services.people import accounts as people
from dialdesk.ui.common.error_text import plain_error
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.roles import role_label
from dialdesk.ui.common.worker import Background


class FirstRunDialog(QDialog):
    """``suggested_login`` is the login to offer in the login dialog afterwards."""

    def __init__(self, engine, login_prefix: str = DEFAULT_LOGIN_PREFIX, parent=None) -> None:
        super().__init__(parent)
        self._login_prefix = login_prefix
        self.ui = load_form("first_run_dialog", self)
        self._engine = engine
        self._background = Background(self)
        self.suggested_login = ""
        self.ui.logins_table.hide()
        self.ui.logins_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._ok().setEnabled(False)
        self.ui.demo_button.clicked.connect(self.load_demo)
        self.ui.create_button.clicked.connect(self.create_admin)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)

    def _ok(self):
        return self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)

    def load_demo(self) -> None:
        self._busy(self.tr("Loading demo data…"))
        engine, prefix = self._engine, self._login_prefix
        self._background.run(
            lambda: load_demo(engine, 2000, login_prefix=prefix), self._demo_loaded, self._failed
        )

    def _demo_loaded(self, result: DemoResult) -> None:
        self.ui.status_label.setText(
            filled(
                self.tr(
                    "Loaded %1 companies. Demo logins are below; the passwords are shown only now."
                ),
                str(result.companies),
            )
        )
        table = self.ui.logins_table
        table.setRowCount(len(result.logins))
        for row, login in enumerate(result.logins):
            for column, value in enumerate((login.login, role_label(login.role), login.password)):
                table.setItem(row, column, QTableWidgetItem(value))
        table.show()
        self.suggested_login = result.logins[0].login
        self._done()

    def create_admin(self) -> None:
        login = self.ui.login_edit.text().strip()
        password = self.ui.password_edit.text()
        if not login:
            self.ui.status_label.setText(self.tr("Enter a login."))
            return
        if password != self.ui.repeat_edit.text():
            self.ui.status_label.setText(self.tr("The two passwords differ."))
            return
        name = self.ui.name_edit.text().strip()
        self._busy(self.tr("Creating the administrator…"))
        engine = self._engine

        def created(_id: object) -> None:
            self.ui.status_label.setText(
                filled(self.tr("Administrator %1 created. Log in with this login."), login)
            )
            self.suggested_login = login
            self._done()

        self._background.run(
            lambda: people.add_person(engine, login, name, "admin", password),
            created,
            self._failed,
        )

    def _busy(self, text: str) -> None:
        self.ui.status_label.setText(text)
        self.ui.demo_button.setEnabled(False)
        self.ui.admin_group.setEnabled(False)

    def _done(self) -> None:
        self._ok().setEnabled(True)
        self._ok().setFocus()

    def _failed(self, error: BaseException) -> None:
        self.ui.demo_button.setEnabled(True)
        self.ui.admin_group.setEnabled(True)
        text = plain_error(error)
        if text is None:
            raise error
        self.ui.status_label.setText(text)
