"""The offer from the card: to a contact person's e-mail or one typed, previewed as the
client will read it, then sent in the background; the follow-up call it plans is named."""

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from sqlalchemy import Engine

from dialdesk.errors import DATABASE_MESSAGES, UserError
from dialdesk.services.mail.card_letter import CardLetter, Sent, prepare_letter, send_card_letter
from dialdesk.services.mail.do_not_mail import add_do_not_mail
from dialdesk.services.mail.message import as_html
from dialdesk.services.shift.card import ContactLine
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.worker import Background

EMAIL = Qt.ItemDataRole.UserRole + 1  # a contact's address; UserRole holds their id


class SendOfferDialog(QDialog):
    """Emits ``sent`` once the letter went (or was handed to the mail program)."""

    sent = Signal(object)

    def __init__(
        self,
        engine: Engine,
        campaign: int,
        company: int,
        contacts: list[ContactLine],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ui = load_form("send_offer_dialog", self)
        self.engine, self.campaign, self.company = engine, campaign, company
        self.ready: CardLetter | None = None
        self._background = Background(self)
        ui = self.ui
        for person in contacts:
            if person.email:
                ui.contact_combo.addItem(f"{person.full_name} <{person.email}>", person.id)
                ui.contact_combo.setItemData(ui.contact_combo.count() - 1, person.email, EMAIL)
        ui.contact_combo.addItem(self.tr("another address…"), None)
        ui.contact_combo.currentIndexChanged.connect(self._contact_chosen)
        ui.address_edit.editingFinished.connect(self._prepare)
        ui.address_edit.setPlaceholderText(self.tr("name@company.ru"))
        self.send_button = ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("&Send"))
        self.send_button.setEnabled(False)
        ui.button_box.accepted.connect(self._send)
        ui.button_box.rejected.connect(self.reject)
        ui.do_not_mail_button.clicked.connect(self.refuse_address)
        ui.error_label.setStyleSheet("color: #b00020")
        self.resize(640, 560)
        self._contact_chosen(0)

    def _contact_chosen(self, index: int) -> None:
        email = self.ui.contact_combo.itemData(index, EMAIL)
        self.ui.address_edit.setText(email or "")
        self.ui.address_edit.setReadOnly(email is not None)
        if email:
            self._prepare()
        else:
            self.ui.address_edit.setFocus()

    def _prepare(self) -> None:
        address = self.ui.address_edit.text().strip()
        self.send_button.setEnabled(False)
        if not address:
            return
        contact = self.ui.contact_combo.currentData()
        engine, campaign, company = self.engine, self.campaign, self.company
        self._background.run(
            lambda: prepare_letter(engine, campaign, company, contact, address),
            self._show,
            self._refused,
        )

    def _show(self, ready: CardLetter) -> None:
        self.ready = ready
        ui, letter = self.ui, ready.letter
        ui.error_label.clear()
        ui.subject_label.setText(filled(self.tr("Subject: %1"), letter.subject))
        ui.preview_browser.setHtml(as_html(letter.body))
        names = ", ".join(a.file_name for a in letter.attachments)
        if ready.by_mail_program:
            ui.attachments_label.setText(
                self.tr("No mail server is set: the letter opens in this computer's mail "
                        "program, without attachments, and is logged as handed to it.")
            )  # fmt: skip
        else:
            ui.attachments_label.setText(
                filled(self.tr("Attached: %1"), names) if names else self.tr("No attachments.")
            )
        ui.follow_up_label.setText(
            filled(self.tr("A follow-up call («did the letter arrive?») is planned for you "
                           "%1 working days later."), str(ready.follow_up_days))
        )  # fmt: skip
        self.send_button.setEnabled(True)

    def _refused(self, error: BaseException) -> None:
        self.ready = None
        self.send_button.setEnabled(False)
        show_failure(error, self.ui.error_label.setText)

    def refuse_address(self) -> None:
        """The client said on the phone not to write to them: the address goes on the
        do-not-mail list (a marketer can take it off again) and nothing is sent."""
        address = self.ui.address_edit.text().strip()
        if not address:
            self.ui.address_edit.setFocus()
            return
        engine = self.engine
        self.send_button.setEnabled(False)
        self.ready = None

        def done(_added: bool) -> None:  # said as the database says it of such an address
            show_failure(UserError(DATABASE_MESSAGES["do_not_mail"], email=address.lower()),
                         self.ui.error_label.setText)  # fmt: skip

        self._background.run(
            lambda: add_do_not_mail(engine, address, "asked", "by phone"), done, self._refused
        )

    def _send(self) -> None:
        ready = self.ready
        if ready is None:
            return
        self.send_button.setEnabled(False)
        self.ui.error_label.setText(self.tr("Sending…"))
        engine = self.engine
        self._background.run(lambda: send_card_letter(engine, ready), self._done, self._not_sent)

    def _done(self, sent: Sent) -> None:
        if sent.mailto:
            QDesktopServices.openUrl(QUrl(sent.mailto))
        self.sent.emit(sent)
        self.accept()

    def _not_sent(self, error: BaseException) -> None:
        self.send_button.setEnabled(self.ready is not None)
        show_failure(error, self.ui.error_label.setText)
