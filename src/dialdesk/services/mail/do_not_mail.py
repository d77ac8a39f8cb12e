"""The do-not-mail list: people who asked not to be written to, and addresses the server
refused or that bounced; no letter goes to them from the card or a mailing."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

from dialdesk.errors import plain_database_errors
from dialdesk.services.mail.addresses import checked_address

REASONS = ("asked", "refused", "bounced")


@dataclass(frozen=True)
class Unmailable:
    email: str
    reason: str
    note: str
    added_at: datetime


def add_do_not_mail(engine: Engine, address: str, reason: str = "asked", note: str = "") -> bool:
    """Put the address on the list; False when it was there already."""
    email = checked_address(address)
    with plain_database_errors(), engine.begin() as conn:
        added = conn.execute(
            text(
                "INSERT INTO dialdesk.do_not_mail (email, reason, note) "
                "VALUES (:e, :r, nullif(:n, '')) ON CONFLICT (email) DO NOTHING"
            ),
            {"e": email, "r": reason if reason in REASONS else "asked", "n": note.strip()},
        ).rowcount
    return bool(added)


def remove_do_not_mail(engine: Engine, address: str) -> bool:
    with plain_database_errors(), engine.begin() as conn:
        removed = conn.execute(
            text("DELETE FROM dialdesk.do_not_mail WHERE email = :e"),
            {"e": address.strip().lower()},
        ).rowcount
    return bool(removed)


def do_not_mail_list(engine: Engine) -> list[Unmailable]:
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT email, reason, coalesce(note, ''), added_at FROM dialdesk.do_not_mail "
                "ORDER BY added_at DESC, email"
            )
        ).all()
    return [Unmailable(*row) for row in rows]
