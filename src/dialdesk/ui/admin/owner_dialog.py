"""The central database owner's login and password, asked for one backup or restore from
the admin's window and never kept (a person's own login may not read every row)."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from dialdesk.ui.common.forms import load_form


class OwnerDialog(QDialog):
    def __init__(self, why: str, *, new_database: bool, parent=None) -> None:
        """``new_database``: also ask for the name of the empty database to restore into."""
        super().__init__(parent)
        self._new_database = new_database
        self.ui = load_form("owner_dialog", self)
        self.ui.why_label.setText(why)
        self.ui.login_edit.setText("postgres")
        for widget in (self.ui.database_label, self.ui.database_edit):
            widget.setVisible(new_database)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.password_edit.setFocus()
        self._check()
        for edit in (self.ui.login_edit, self.ui.database_edit):
            edit.textChanged.connect(lambda _t: self._check())

    def _check(self) -> None:
        ready = bool(self.login()) and (not self._new_database or bool(self.database()))
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def login(self) -> str:
        return str(self.ui.login_edit.text()).strip()

    def password(self) -> str:
        return str(self.ui.password_edit.text())

    def database(self) -> str:
        return str(self.ui.database_edit.text()).strip()
