"""Administration: the people who use DialDesk and their logins (admins only)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHeaderView, QInputDialog, QLineEdit

from dialdesk.changes import Changed
from dialdesk.services.people import accounts as people
from dialdesk.services.people.login import LoggedIn
from dialdesk.ui.admin.add_person_dialog import AddPersonDialog
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import Page, filled
from dialdesk.ui.common.roles import role_label
from dialdesk.ui.common.row_model import ROW_ROLE, Column, RowTableModel, show_sorted
from dialdesk.ui.common.worker import Background
from dialdesk.vocabulary import ROLES


class PeoplePage(Page):
    loaded = Signal()
    SHOWS = Changed.PEOPLE
    NOTE_LABEL = "status_label"

    def __init__(self, session: LoggedIn, parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("people_page", self)
        self._session = session
        self._background = Background(self)
        self.add_dialog: AddPersonDialog | None = None
        active, disabled = self.tr("active"), self.tr("disabled")
        self.model = RowTableModel[people.PersonRow](
            [
                Column(self.tr("Login"), lambda p: p.login),
                Column(self.tr("Full name"), lambda p: p.full_name),
                Column(self.tr("Role"), lambda p: role_label(p.role)),
                Column(self.tr("State"), lambda p: active if p.active else disabled),
            ],
            self,
        )
        show_sorted(self.ui.people_table, self.model)
        self.ui.people_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.ui.people_table.verticalHeader().hide()
        self.ui.add_button.clicked.connect(self.add_person)
        self.ui.disable_button.clicked.connect(lambda: self._set_active(False))
        self.ui.enable_button.clicked.connect(lambda: self._set_active(True))
        self.ui.role_button.clicked.connect(self.ask_role)
        self.ui.password_button.clicked.connect(self.ask_password)
        shortcut(QKeySequence.StandardKey.Refresh, self, self.refresh, self.tr("refresh"))
        shortcut("Ins", self, self.add_person, self.tr("add a person"))

    def refresh(self) -> None:
        engine = self._session.engine
        self._background.run(lambda: people.list_people(engine), self._show, self.failed)

    def selected(self) -> people.PersonRow | None:
        rows = self.ui.people_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def add_person(self) -> None:
        dialog = AddPersonDialog(self._session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._added(dialog.added_login or ""))
        self.add_dialog = dialog
        dialog.open()

    def _added(self, login: str) -> None:
        self.say(filled(self.tr("Added %1."), login))
        self.refresh()
        self.changed.emit(Changed.PEOPLE)

    def _set_active(self, active: bool) -> None:
        person = self.selected()
        if person is None:
            self.say(self.tr("Select a person first."))
            return
        if person.login == self._session.identity.login and not active:
            self.say(self.tr("You cannot disable your own login."))
            return
        engine = self._session.engine

        def done(_result: object) -> None:
            template = (
                self.tr("%1 can log in again.")
                if active
                else self.tr("%1 can no longer log in; their history is kept.")
            )
            self.say(filled(template, person.login))
            self.refresh()
            self.changed.emit(Changed.PEOPLE)

        self._background.run(
            lambda: people.set_active(engine, person.login, active), done, self.failed
        )

    def ask_role(self) -> None:
        person = self.selected()
        if person is None:
            self.say(self.tr("Select a person first."))
            return
        labels = [role_label(role) for role in ROLES]
        label, chosen = QInputDialog.getItem(
            self,
            self.tr("Change the role"),
            filled(self.tr("New role for %1:"), person.login),
            labels,
            ROLES.index(person.role) if person.role in ROLES else 0,
            False,
        )
        if chosen:
            self.change_role(ROLES[labels.index(label)])

    def change_role(self, role: str) -> None:
        person = self.selected()
        if person is None:
            self.say(self.tr("Select a person first."))
            return
        if person.login == self._session.identity.login:
            self.say(self.tr("You cannot change your own role."))
            return
        engine = self._session.engine

        def done(_none: object) -> None:
            self.say(filled(self.tr("%1 is now: %2."), person.login, role_label(role)))
            self.refresh()
            self.changed.emit(Changed.PEOPLE)

        self._background.run(lambda: people.set_role(engine, person.login, role), done, self.failed)

    def ask_password(self) -> None:
        person = self.selected()
        if person is None:
            self.say(self.tr("Select a person first."))
            return
        prompt = filled(self.tr("New password for %1 (at least 8 characters):"), person.login)
        first, ok = QInputDialog.getText(
            self, self.tr("Reset the password"), prompt, QLineEdit.EchoMode.Password
        )
        if not ok:
            return
        again, ok = QInputDialog.getText(
            self, self.tr("Reset the password"), self.tr("Repeat it:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return
        if first != again:
            self.say(self.tr("The two passwords differ; nothing was changed."))
            return
        self.reset_password(first)

    def reset_password(self, password: str) -> None:
        person = self.selected()
        if person is None:
            self.say(self.tr("Select a person first."))
            return
        engine = self._session.engine

        def done(_none: object) -> None:
            self.say(filled(self.tr("The password of %1 is reset."), person.login))

        self._background.run(
            lambda: people.set_password(engine, person.login, password), done, self.failed
        )

    def _show(self, rows: list[people.PersonRow]) -> None:
        self.model.set_rows(rows)
        self.loaded.emit()
