"""The offer by e-mail from the Work tab (Ctrl+M): the letter goes during the call, and the
follow-up call it plans appears among the operator's callbacks and in the history."""

from typing import Any

from PySide6.QtCore import QCoreApplication

from dialdesk.services.mail.card_letter import Sent
from dialdesk.services.shift.card import company_history
from dialdesk.ui.common.page import filled
from dialdesk.ui.mail.send_offer_dialog import SendOfferDialog


class OfferMixin:
    """Sending the offer from ``WorkPage`` (which provides the attributes named here)."""

    session: Any
    claim: Any
    card: Any
    history: Any
    _side: Any
    _say: Any
    refresh_callbacks: Any

    def send_offer(self) -> SendOfferDialog | None:
        if self.claim is None or self.card is None:
            self._say(QCoreApplication.translate(
                "WorkPage", "Take a company first: the offer goes to the company on the card."
            ))  # fmt: skip
            return None
        claim = self.claim
        dialog = SendOfferDialog(
            self.session.engine, claim.campaign_id, claim.company_id, self.card.contacts,
            self,  # type: ignore[arg-type]
        )  # fmt: skip
        dialog.sent.connect(self._offer_sent)
        dialog.open()
        return dialog

    def _offer_sent(self, sent: Sent) -> None:
        when = (
            sent.follow_up_at.astimezone().strftime("%d.%m.%Y %H:%M") if sent.follow_up_at else ""
        )
        if sent.state == "handed":
            said = QCoreApplication.translate(
                "WorkPage", "The letter is in your mail program; follow-up call %1."
            )
        else:
            said = QCoreApplication.translate("WorkPage", "The offer was sent; follow-up call %1.")
        self._say(filled(said, when))
        self.refresh_callbacks()
        if self.claim is not None:
            engine, company = self.session.engine, self.claim.company_id

            def history() -> Any:
                with engine.connect() as conn:
                    return company_history(conn, company)

            self._side.run(history, self.history.set_rows, lambda _e: None)
