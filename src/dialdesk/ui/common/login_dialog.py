"""Log in with one's own PostgreSQL login; connecting runs in the background."""

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from dialdesk.services.people.login import LoggedIn, log_in
from dialdesk.ui.common.error_text import plain_error
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.worker import Background


class LoginDialog(QDialog):
    """Accepted once the database has let the person in; ``session`` then holds the login."""

    def __init__(
        self,
        login_dsn: str,
        database: str,
        last_login: str = "",
        open_settings: Callable[[], None] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.ui = load_form("login_dialog", self)
        self._login_dsn = login_dsn
        self._background = Background(self)
        self.session: LoggedIn | None = None
        self.ui.database_label.setText(database)
        self.ui.login_edit.setText(last_login)
        (self.ui.password_edit if last_login else self.ui.login_edit).setFocus()
        self.ui.button_box.accepted.connect(self.try_login)
        self.ui.button_box.rejected.connect(self.reject)
        if open_settings is None:
            self.ui.settings_button.hide()
        else:
            self.ui.settings_button.clicked.connect(open_settings)

    def try_login(self) -> None:
        if self._background.busy:
            return
        login, password = self.ui.login_edit.text().strip(), self.ui.password_edit.text()
        if not login:
            self.ui.error_label.setText(self.tr("Enter your login."))
            self.ui.login_edit.setFocus()
            return
        self._set_busy(True)
        self.ui.error_label.setText(self.tr("Connecting…"))
        dsn = self._login_dsn
        self._background.run(lambda: log_in(dsn, login, password), self._logged_in, self._failed)

    def _logged_in(self, session: LoggedIn) -> None:
        self.session = session
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        text = plain_error(error)
        if text is None:
            raise error
        self.ui.error_label.setText(text)
        self.ui.password_edit.selectAll()
        self.ui.password_edit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.ui.login_edit.setEnabled(not busy)
        self.ui.password_edit.setEnabled(not busy)

    def reject(self) -> None:
        if self._background.busy:
            self._background.wait()
        super().reject()
