"""The expert's card, changed from the keyboard: a phone dialled (Enter), the company's
fields (Ctrl+E), a number added (Ins in the phones), a contact person added (Ins) or
changed (F2, Enter) on one of my own clients, as the operator does on the call card."""

from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from dialdesk.services.experts.client import ClientCard
from dialdesk.services.mail.card_letter import offer_campaign_of
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.row_model import ROW_ROLE
from dialdesk.ui.expert.company_dialog import CompanyDialog
from dialdesk.ui.mail.send_offer_dialog import SendOfferDialog
from dialdesk.ui.operator.contact_dialog import ContactDialog
from dialdesk.ui.operator.phone_dialog import PhoneDialog


class CardEditsMixin:
    """The card edits of ``ExpertPage`` (which provides these attributes)."""

    ui: Any
    card: ClientCard | None
    _session: Any
    _wanted: int | None
    say: Any
    failed: Any
    refresh: Any
    _open: Any
    _card_job: Any

    def _dial(self, index: Any) -> None:
        phone = index.data(ROW_ROLE)
        if phone is not None and phone.e164 and not phone.is_dead:
            QDesktopServices.openUrl(QUrl(phone.tel_link()))
            self.say(filled(QCoreApplication.translate("ExpertPage", "Dialling %1…"), phone.e164))

    def add_phone(self) -> None:
        """A number for my client (Ins in the phones)."""
        card = self.card
        if card is None or not card.mine:
            self.say(QCoreApplication.translate("ExpertPage", "Choose one of your clients first."))
            return
        self._edit(
            PhoneDialog(self._session, card.company_id, None, cast(QWidget, self)), card.company_id
        )

    def edit_person(self, chosen: bool = False) -> None:
        """A new contact person of my client (Ins), or the chosen one changed (F2, Enter)."""
        card = self.card
        if card is None or not card.mine:
            self.say(QCoreApplication.translate("ExpertPage", "Choose one of your clients first."))
            return
        rows = self.ui.contacts_table.selectionModel().selectedRows()
        person = rows[0].data(ROW_ROLE) if chosen and rows else None
        self._edit(
            ContactDialog(self._session, card.company_id, person, cast(QWidget, self)),
            card.company_id,
        )

    def edit_company(self) -> None:
        """My client's own fields (Ctrl+E)."""
        card = self.card
        if card is None or not card.mine:
            self.say(QCoreApplication.translate("ExpertPage", "Choose one of your clients first."))
            return
        dialog = CompanyDialog(self._session.engine, card.company_id, card.company,
                               card.row_version, cast(QWidget, self))  # fmt: skip
        self._edit(dialog, card.company_id)

    def send_offer(self) -> None:
        """The offer by e-mail to my client (Ctrl+M), from the campaign it was called in;
        its follow-up call goes among my planned contacts."""
        card = self.card
        if card is None or not card.mine:
            self.say(QCoreApplication.translate("ExpertPage", "Choose one of your clients first."))
            return
        engine, company, contacts = self._session.engine, card.company_id, card.contacts

        def opened(campaign: int) -> None:
            dialog = SendOfferDialog(engine, campaign, company, contacts, cast(QWidget, self))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.sent.connect(lambda _sent: self._offer_sent(company))
            self.edit_dialog = dialog
            dialog.open()

        self._card_job.run(lambda: offer_campaign_of(engine, company), opened, self.failed)

    def _offer_sent(self, company: int) -> None:
        self.say(QCoreApplication.translate(
            "ExpertPage", "The offer was sent; its follow-up call is among your planned contacts."
        ))  # fmt: skip
        self.refresh()
        self.card, self._wanted = None, None  # the letter shows in the history
        self._open(company)

    def _edit(self, dialog: Any, company: int) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.edit_dialog = dialog

        def saved() -> None:
            self.card, self._wanted = None, None  # read the card again
            self._open(company)

        dialog.accepted.connect(saved)
        dialog.open()
