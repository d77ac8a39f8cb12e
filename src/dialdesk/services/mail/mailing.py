"""The offer to a whole segment or campaign: counted first, planned as one letter per
address, then sent by one worker at the admin's rate, with progress and cancel; resumed
after a crash or a cancel without anyone getting a second letter."""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

from dialdesk.errors import UserError, plain_database_errors
from dialdesk.services.mail.mail_log import SUBJECT_LIMIT, finish_letter
from dialdesk.services.mail.message import build_message
from dialdesk.services.mail.offer import attachments_of, load_offer
from dialdesk.services.mail.recipients import letter_for, merge_values
from dialdesk.services.mail.settings import load_server, saved_password
from dialdesk.services.mail.smtp import Connection

log = logging.getLogger(__name__)
LOCK_CLASS = 20180  # advisory locks of mailings: (LOCK_CLASS, mailing id)

COUNTS = """
WITH chosen AS (
    SELECT id FROM dialdesk.mailing_companies(:campaign, CAST(:companies AS integer[])) id
), addresses AS (
    SELECT ch.id, lower(btrim(cp.email)) AS email
    FROM chosen ch JOIN dialdesk.contact_persons cp ON cp.company_id = ch.id
    WHERE btrim(coalesce(cp.email, '')) <> ''
)
SELECT (SELECT count(*) FROM chosen),
       (SELECT count(*) FROM chosen ch WHERE NOT EXISTS (
            SELECT 1 FROM addresses a WHERE a.id = ch.id)),
       (SELECT count(DISTINCT a.email) FROM addresses a
        JOIN dialdesk.do_not_mail d ON d.email = a.email),
       (SELECT count(*) FROM chosen ch WHERE EXISTS (
            SELECT 1 FROM dialdesk.letters l WHERE l.company_id = ch.id
            AND l.campaign_id = :campaign AND l.state IN ('sent', 'handed')))
"""


@dataclass(frozen=True)
class MailingPreview:
    companies: int
    without_email: int
    do_not_mail: int
    written_before: int = 0  # companies that got this campaign's offer already


@dataclass
class MailingProgress:
    mailing_id: int
    total: int = 0
    sent: int = 0
    refused: int = 0
    failed: int = 0
    uncertain: int = 0
    skipped: int = 0
    waiting: int = 0
    cancelled: bool = False


def preview_mailing(engine: Engine, campaign: int, companies: list[int] | None) -> MailingPreview:
    with plain_database_errors(), engine.connect() as conn:
        row = conn.execute(text(COUNTS), {"campaign": campaign, "companies": companies}).one()
    return MailingPreview(*row)


def plan_mailing(
    engine: Engine, campaign: int, companies: list[int] | None, segment: int | None = None
) -> int:
    """A mailing of the campaign's offer: one pending letter per address."""
    with plain_database_errors(), engine.begin() as conn:
        offer = load_offer(conn, campaign)
        if offer is None:
            raise UserError("This campaign has no offer yet: write it first.")
        if not load_server(conn).configured:
            raise UserError("A mailing goes through the mail server: the admin sets it first.")
        mailing = conn.execute(
            text("SELECT dialdesk.plan_mailing(:c, :s, :ids, :subject)"),
            {"c": campaign, "s": segment, "ids": companies, "subject": offer.subject},
        ).scalar_one()
    log.info("mailing %s planned for campaign %s", mailing, campaign)
    return int(mailing)


def mailing_progress(engine: Engine, mailing: int) -> MailingProgress:
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT state, count(*) FROM dialdesk.letters WHERE mailing_id = :m GROUP BY state"
            ),
            {"m": mailing},
        ).all()
        cancelled = conn.execute(
            text("SELECT cancelled_at IS NOT NULL FROM dialdesk.mailings WHERE id = :m"),
            {"m": mailing},
        ).scalar()
    counts: dict[str, int] = {state: int(n) for state, n in rows}
    return MailingProgress(
        mailing,
        total=sum(counts.values()),
        sent=counts.get("sent", 0),
        refused=counts.get("refused", 0),
        failed=counts.get("failed", 0),
        uncertain=counts.get("uncertain", 0),
        skipped=counts.get("skipped", 0),
        waiting=counts.get("pending", 0) + counts.get("sending", 0),
        cancelled=bool(cancelled),
    )


@dataclass(frozen=True)
class Unfinished:
    mailing_id: int
    created_at: datetime
    waiting: int


def unfinished_mailing(engine: Engine, campaign: int) -> Unfinished | None:
    """The campaign's newest mailing left with letters still to go (cancelled, or its
    sender stopped), for the marketer to resume."""
    with plain_database_errors(), engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT m.id, m.created_at, count(l.id) FROM dialdesk.mailings m "
                "JOIN dialdesk.letters l ON l.mailing_id = m.id "
                "AND l.state = 'pending' "
                "WHERE m.campaign_id = :c AND m.finished_at IS NULL "
                "GROUP BY m.id ORDER BY m.id DESC LIMIT 1"
            ),
            {"c": campaign},
        ).first()
    return Unfinished(*row) if row is not None else None


def abandon_mailing(engine: Engine, mailing: int) -> None:
    """Give up the letters a stopped mailing still holds: they are never sent, and the
    campaign may be mailed afresh (marketers and admins; the database says so)."""
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE dialdesk.mailings SET cancelled_at = coalesce(cancelled_at, now()), "
                "finished_at = now() WHERE id = :m AND finished_at IS NULL"
            ),
            {"m": mailing},
        )
    log.info("mailing %s abandoned with its waiting letters", mailing)


def run_mailing(
    engine: Engine,
    mailing: int,
    *,
    password: str | None = None,
    progress: Callable[[MailingProgress], None] = lambda p: None,
    cancelled: Callable[[], bool] = lambda: False,
    sleep: Callable[[float], None] = time.sleep,
) -> MailingProgress:
    """Send the mailing's waiting letters, each once, at the admin's rate.  One workstation
    sends a mailing at a time (an advisory lock its session holds); a letter a stopped
    sender left half-sent is marked uncertain, never sent again by itself."""
    with plain_database_errors(), engine.connect() as lock:
        held = lock.execute(
            text("SELECT pg_try_advisory_lock(:k, :m)"), {"k": LOCK_CLASS, "m": mailing}
        ).scalar_one()
        lock.commit()
        if not held:
            raise UserError("This mailing is being sent from another workstation right now.")
        try:
            return _send_all(engine, mailing, password, progress, cancelled, sleep)
        finally:
            lock.execute(text("SELECT pg_advisory_unlock(:k, :m)"), {"k": LOCK_CLASS, "m": mailing})
            lock.commit()


def _send_all(
    engine: Engine,
    mailing: int,
    password: str | None,
    progress: Callable[[MailingProgress], None],
    cancelled: Callable[[], bool],
    sleep: Callable[[float], None],
) -> MailingProgress:
    with engine.begin() as conn:
        conn.execute(text("SELECT dialdesk.resume_mailing(:m)"), {"m": mailing})
        campaign = conn.execute(
            text("SELECT campaign_id FROM dialdesk.mailings WHERE id = :m"), {"m": mailing}
        ).scalar_one()
        offer = load_offer(conn, campaign)
        server = load_server(conn)
        files = tuple(attachments_of(conn, campaign))
    if offer is None or not server.configured:
        raise UserError("The campaign's offer or the mail server is missing: nothing was sent.")
    secret = password if password is not None else saved_password(server)
    pause = 60.0 / server.letters_per_minute
    state = mailing_progress(engine, mailing)
    progress(state)
    with Connection(server, secret) as smtp:
        while not cancelled():
            with engine.begin() as conn:
                row = conn.execute(
                    text(
                        "SELECT id, company_id, contact_person_id, email FROM dialdesk.letters "
                        "WHERE mailing_id = :m AND state = 'pending' ORDER BY id LIMIT 1"
                    ),
                    {"m": mailing},
                ).first()
                if row is None:
                    break
                letter_id, company, contact, address = row
                values = merge_values(conn, campaign, company, contact)
                letter = letter_for(offer, server, values, address, files)
                taken = conn.execute(
                    text("SELECT dialdesk.take_letter(:id, :subject)"),
                    {"id": letter_id, "subject": letter.subject[:SUBJECT_LIMIT]},
                ).scalar_one()
                if not taken:
                    continue
            started = time.monotonic()
            if not smtp.connected:
                smtp.open()
            handed = smtp.hand(build_message(letter), server.sender_address, address)
            finish_letter(
                engine, letter_id, handed.state, message_id=handed.message_id,
                error=handed.error, follow_up_days=offer.follow_up_days,
            )  # fmt: skip
            _count(state, handed.state)
            progress(state)
            if handed.state == "pending":  # nothing went; the server or the line failed
                raise UserError(
                    "The mail server did not take a letter ({error}); the mailing stopped and "
                    "goes on from where it stopped when resumed.",
                    error=handed.error or "",
                )
            rest = pause - (time.monotonic() - started)
            if rest > 0:
                sleep(rest)
    with engine.begin() as conn:
        column = "cancelled_at" if cancelled() else "finished_at"
        conn.execute(
            text(f"UPDATE dialdesk.mailings SET {column} = now() WHERE id = :m"), {"m": mailing}
        )
    final = mailing_progress(engine, mailing)
    progress(final)
    log.info("mailing %s: %d sent, %d waiting", mailing, final.sent, final.waiting)
    return final


def _count(state: MailingProgress, outcome: str) -> None:
    if outcome == "sent":
        state.sent += 1
    elif outcome == "refused":
        state.refused += 1
    elif outcome == "failed":
        state.failed += 1
    elif outcome == "uncertain":
        state.uncertain += 1
    if outcome != "pending":
        state.waiting -= 1
