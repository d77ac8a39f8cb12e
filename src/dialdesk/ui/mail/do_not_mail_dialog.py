"""The do-not-mail list on screen: the addresses no letter goes to, why, and since when;
anyone adds an address a client asked to be left alone at, marketers and admins take one
off again (the database says so too)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget
from sqlalchemy import Engine

from dialdesk.services.mail.do_not_mail import (
    Unmailable,
    add_do_not_mail,
    do_not_mail_list,
    remove_do_not_mail,
)
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.row_model import ROW_ROLE, Column, RowTableModel
from dialdesk.ui.common.worker import Background


class DoNotMailDialog(QDialog):
    loaded = Signal()

    def __init__(self, engine: Engine, may_remove: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.ui = load_form("do_not_mail_dialog", self)
        self.engine = engine
        self._background = Background(self)
        reasons = {
            "asked": self.tr("asked not to be written to"),
            "refused": self.tr("refused by the mail server"),
            "bounced": self.tr("letters come back"),  # marked from the bounces received
        }
        self.model = RowTableModel[Unmailable](
            [
                Column(self.tr("Address"), lambda u: u.email),
                Column(self.tr("Why"), lambda u: reasons.get(u.reason, u.reason)),
                Column(self.tr("Note"), lambda u: u.note),
                Column(
                    self.tr("Added"),
                    lambda u: u.added_at.astimezone().strftime("%d.%m.%Y %H:%M"),
                    sort=lambda u: u.added_at,
                ),
            ],
            self,
        )
        ui = self.ui
        ui.addresses_table.setModel(self.model)
        ui.addresses_table.verticalHeader().hide()
        header = ui.addresses_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for key in ("asked", "bounced"):  # the server's refusals are marked by the sending
            ui.reason_combo.addItem(reasons[key], key)
        ui.address_edit.setPlaceholderText(self.tr("name@company.ru"))
        ui.add_button.setDefault(True)  # Enter in either field adds, once
        ui.add_button.clicked.connect(self.add)
        ui.remove_button.clicked.connect(self.remove_chosen)
        ui.remove_button.setVisible(may_remove)
        if may_remove:
            shortcut("Del", ui.addresses_table, self.remove_chosen, self.tr("write to it again"))
        ui.button_box.rejected.connect(self.reject)
        self.resize(760, 480)
        self.refresh()

    def refresh(self) -> None:
        engine = self.engine
        self._background.run(lambda: do_not_mail_list(engine), self._show, self._failed)

    def _show(self, rows: list[Unmailable]) -> None:
        self.model.set_rows(rows)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.ui.error_label.setStyleSheet("color: #b00020")
        show_failure(error, self.ui.error_label.setText)

    def _said(self, text: str) -> None:
        self.ui.error_label.setStyleSheet("")
        self.ui.error_label.setText(text)

    def add(self) -> None:
        address, note = self.ui.address_edit.text().strip(), self.ui.note_edit.text()
        reason = self.ui.reason_combo.currentData()
        if not address:
            self.ui.address_edit.setFocus()
            return
        engine = self.engine

        def done(added: bool) -> None:
            self.ui.address_edit.clear()
            self.ui.note_edit.clear()
            self._said(
                filled(self.tr("%1 is on the list: no letter goes to it."), address)
                if added
                else filled(self.tr("%1 was on the list already."), address)
            )
            self.refresh()

        self._background.run(lambda: add_do_not_mail(engine, address, reason, note), done,
                             self._failed)  # fmt: skip

    def remove_chosen(self) -> None:
        rows = self.ui.addresses_table.selectionModel().selectedRows()
        if not rows:
            self._said(self.tr("Choose the address to write to again."))
            return
        email = rows[0].data(ROW_ROLE).email
        engine = self.engine

        def done(_removed: bool) -> None:
            self._said(filled(self.tr("Letters may go to %1 again."), email))
            self.refresh()

        self._background.run(lambda: remove_do_not_mail(engine, email), done, self._failed)
