"""The offer sent from the card (an operator during the call, an expert to their client):
logged before the server is asked, marked once it answered, and a follow-up call planned
for the sender that many working days later."""

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

from dialdesk.errors import DATABASE_MESSAGES, UserError, plain_database_errors
from dialdesk.services.mail.addresses import checked_address
from dialdesk.services.mail.mail_log import SUBJECT_LIMIT, finish_letter
from dialdesk.services.mail.message import Letter, build_message, mailto_url
from dialdesk.services.mail.offer import attachments_of, load_offer
from dialdesk.services.mail.recipients import letter_for, merge_values
from dialdesk.services.mail.settings import MailServer, load_server, saved_password
from dialdesk.services.mail.smtp import Connection

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CardLetter:
    """The letter ready to go, for the preview."""

    campaign_id: int
    company_id: int
    contact_id: int | None
    letter: Letter
    follow_up_days: int
    server: MailServer

    @property
    def by_mail_program(self) -> bool:
        return not self.server.configured


@dataclass(frozen=True)
class Sent:
    letter_id: int
    state: str  # sent or handed (to the mail program)
    message_id: str | None
    follow_up_at: datetime | None
    mailto: str | None = None  # for the mail program to open


def offer_campaign_of(engine: Engine, company: int) -> int:
    """The campaign whose offer an expert sends their client: the one of the client's latest
    call whose campaign has an offer."""
    with plain_database_errors(), engine.connect() as conn:
        campaign = conn.execute(
            text(
                "SELECT k.campaign_id FROM dialdesk.calls k "
                "JOIN dialdesk.offers o ON o.campaign_id = k.campaign_id "
                "WHERE k.company_id = :c ORDER BY k.started_at DESC NULLS LAST, k.id DESC LIMIT 1"
            ),
            {"c": company},
        ).scalar()
    if campaign is None:
        raise UserError(
            "None of the campaigns this client was called in has an offer: the marketer "
            "writes it first."
        )
    return int(campaign)


def prepare_letter(
    engine: Engine, campaign: int, company: int, contact: int | None, address: str
) -> CardLetter:
    """The campaign's offer for this company and address, merge fields filled in."""
    address = checked_address(address)
    with plain_database_errors(), engine.connect() as conn:
        offer = load_offer(conn, campaign)
        if offer is None:
            raise UserError("This campaign has no offer yet: the marketer writes it first.")
        server = load_server(conn)
        refused = conn.execute(
            text("SELECT reason FROM dialdesk.do_not_mail WHERE email = :e"), {"e": address}
        ).scalar()
        if refused is not None:
            raise UserError(DATABASE_MESSAGES["do_not_mail"], email=address)
        values = merge_values(conn, campaign, company, contact)
        files = tuple(attachments_of(conn, campaign)) if server.configured else ()
    letter = letter_for(offer, server, values, address, files)
    return CardLetter(campaign, company, contact, letter, offer.follow_up_days, server)


def send_card_letter(engine: Engine, ready: CardLetter, password: str | None = None) -> Sent:
    """Send the letter (or hand it to the mail program when no server is set), log it in
    the company's history and plan the follow-up call."""
    letter = ready.letter
    with plain_database_errors(), engine.begin() as conn:
        letter_id = conn.execute(
            text("SELECT dialdesk.start_letter(:campaign, :company, :contact, :email, :subject)"),
            {"campaign": ready.campaign_id, "company": ready.company_id,
             "contact": ready.contact_id, "email": letter.to_address,
             "subject": letter.subject[:SUBJECT_LIMIT]},
        ).scalar_one()  # fmt: skip
    if ready.by_mail_program:
        follow_up = finish_letter(engine, letter_id, "handed", follow_up_days=ready.follow_up_days)
        return Sent(letter_id, "handed", None, follow_up, mailto_url(letter))
    message = build_message(letter)
    try:
        secret = password if password is not None else saved_password(ready.server)
        with Connection(ready.server, secret) as server:
            handed = server.hand(message, letter.sender_address, letter.to_address)
    except UserError:
        finish_letter(engine, letter_id, "failed", error="could not connect")
        raise
    if handed.state != "sent":
        finish_letter(
            engine, letter_id, handed.state, message_id=handed.message_id, error=handed.error
        )
        log.info("letter %s to company %s: %s", letter_id, ready.company_id, handed.state)
        raise _not_sent(handed.state, letter.to_address, handed.error or "")
    follow_up = finish_letter(
        engine, letter_id, "sent", message_id=handed.message_id,
        follow_up_days=ready.follow_up_days,
    )  # fmt: skip
    log.info("letter %s sent to company %s", letter_id, ready.company_id)
    return Sent(letter_id, "sent", handed.message_id, follow_up)


def _not_sent(state: str, address: str, error: str) -> UserError:
    if state == "refused":
        return UserError(
            "The mail server refused the address {email} ({error}); it is put on the "
            "do-not-mail list.",
            email=address,
            error=error,
        )
    if state == "uncertain":
        return UserError(
            "The connection to the mail server was lost while it took the letter to {email}: "
            "it may or may not have gone. It is logged as uncertain; check with the client "
            "before sending again.",
            email=address,
        )
    return UserError(
        "The mail server did not take the letter to {email} ({error}); nothing was sent.",
        email=address,
        error=error,
    )
