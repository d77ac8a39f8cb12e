"""The admin's mail server settings: where letters go out, how securely, as whom, at what
rate; the password goes into this workstation's keyring, never into the database."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from sqlalchemy import Engine

from dialdesk.services.mail.settings import MailServer, mail_server, save_server, saved_password
from dialdesk.services.mail.smtp import check_server
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.unsaved import may_discard
from dialdesk.ui.common.worker import Background

PORTS = {"ssl": 465, "starttls": 587, "none": 25}  # the usual port of each kind


class MailServerDialog(QDialog):
    loaded = Signal()
    checked = Signal(bool)
    saved = Signal()

    def __init__(self, engine: Engine, parent: QWidget) -> None:
        super().__init__(parent)
        self.ui = load_form("mail_server_dialog", self)
        self.engine = engine
        self._background = Background(self)
        self._has_password = False
        self._loaded: MailServer | None = None  # as read: closing asks before losing edits
        ui = self.ui
        for key, label in (
            ("starttls", self.tr("STARTTLS (usually port 587)")),
            ("ssl", self.tr("SSL (usually port 465)")),
            ("none", self.tr("no encryption (port 25, inside the office only)")),
        ):
            ui.security_combo.addItem(label, key)
        ui.security_combo.activated.connect(self._security_chosen)
        ui.host_edit.setPlaceholderText(self.tr("smtp.company.ru"))
        ui.login_edit.setPlaceholderText(self.tr("empty when the server asks for no login"))
        ui.sender_edit.setPlaceholderText(self.tr("sales@company.ru"))
        ui.rate_spin.setSuffix(self.tr(" letters a minute"))
        ui.check_button.clicked.connect(self.check)
        self.save_button = ui.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        ui.button_box.accepted.connect(self.save)
        ui.button_box.rejected.connect(self.reject)
        self.resize(620, 420)
        self._background.run(lambda: self._read(engine), self._show, self._failed)

    @staticmethod
    def _read(engine: Engine) -> tuple[MailServer, bool]:
        server = mail_server(engine)
        return server, saved_password(server) is not None

    def _show(self, read: tuple[MailServer, bool]) -> None:
        server, self._has_password = read
        ui = self.ui
        ui.host_edit.setText(server.host)
        ui.port_spin.setValue(server.port)
        ui.security_combo.setCurrentIndex(ui.security_combo.findData(server.security))
        ui.login_edit.setText(server.login)
        ui.sender_edit.setText(server.sender_address)
        ui.rate_spin.setValue(server.letters_per_minute)
        self._loaded = self.server()
        ui.password_note.setText(
            self.tr("A password is kept on this computer (Windows Credential Manager); leave "
                    "the field empty to keep it. Every workstation that sends keeps its own.")
            if self._has_password
            else self.tr("No password is kept on this computer yet: it is kept in Windows "
                         "Credential Manager, never in the database. Every workstation that "
                         "sends keeps its own.")
        )  # fmt: skip
        self.save_button.setEnabled(True)
        self.loaded.emit()

    def _security_chosen(self) -> None:
        key = self.ui.security_combo.currentData()
        if self.ui.port_spin.value() in PORTS.values():
            self.ui.port_spin.setValue(PORTS[key])

    def server(self) -> MailServer:
        ui = self.ui
        return MailServer(
            ui.host_edit.text().strip(),
            ui.port_spin.value(),
            ui.security_combo.currentData(),
            ui.login_edit.text().strip(),
            ui.sender_edit.text().strip(),
            ui.rate_spin.value(),
        )

    def _failed(self, error: BaseException) -> None:
        show_failure(error, self._failed_text)

    def check(self) -> None:
        server, typed = self.server(), self.ui.password_edit.text()
        if not server.host:
            self._failed_text(self.tr("Write the mail server's address first."))
            return
        self.ui.error_label.setStyleSheet("")
        self.ui.error_label.setText(self.tr("Connecting…"))
        self.ui.check_button.setEnabled(False)

        def work() -> None:
            check_server(server, typed or saved_password(server))

        def done(_none: object) -> None:
            self.ui.check_button.setEnabled(True)
            self.ui.error_label.setStyleSheet("color: #1b5e20")
            self.ui.error_label.setText(
                filled(self.tr("The server %1 answered and took the login."), server.host)
                if server.login
                else filled(self.tr("The server %1 answered."), server.host)
            )
            self.checked.emit(True)

        def refused(error: BaseException) -> None:
            self.ui.check_button.setEnabled(True)
            self._failed(error)
            self.checked.emit(False)

        self._background.run(work, done, refused)

    def _failed_text(self, text: str) -> None:
        self.ui.error_label.setStyleSheet("color: #b00020")
        self.ui.error_label.setText(text)

    def save(self) -> None:
        if self._background.busy or not self.save_button.isEnabled():
            return
        engine, server = self.engine, self.server()
        password = self.ui.password_edit.text() or None  # empty: the kept one stays

        def done(_none: object) -> None:
            self.saved.emit()
            self.accept()

        self._background.run(lambda: save_server(engine, server, password), done, self._failed)

    def is_dirty(self) -> bool:
        return self._loaded is not None and (
            self.server() != self._loaded or bool(self.ui.password_edit.text())
        )

    def reject(self) -> None:
        if self.is_dirty() and not may_discard(self, self.windowTitle()):
            return
        super().reject()
