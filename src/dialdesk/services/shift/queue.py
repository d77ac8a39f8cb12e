"""The operator's queue: claim the next company atomically, as a lease, in the right order.

Order: my due callbacks, then shared due callbacks (and other people's callbacks left
untaken past the campaign's grace period), then fresh and retry entries by priority.
Entries and callbacks are offered only where the company's local time (from its first
callable phone) is inside the campaign's calling hours on a Russian working day: an
overdue callback waits for the morning rather than waking anyone.  A company with no
callable phone (all dead or on the do-not-call list) is never offered.
``FOR UPDATE SKIP LOCKED`` keeps two operators off one company.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, text

from dialdesk.errors import plain_database_errors
from dialdesk.services.calendar import non_working_days

# A claim ended without an outcome by a supervisor (an operator's own goes through
# dialdesk.release_entry); what the entry goes back to is dialdesk.back_in_queue's rule.
UNCLAIM = """
SET state = dialdesk.back_in_queue(e.id, e.attempts),
    claimed_by = NULL,
    lease_expires_at = NULL
"""

# The whole claim runs in the database (0019_queue_functions.sql): one round trip, with
# the rights of the schema's owner; operators may not change queue entries themselves.
CLAIM_NEXT = """
SELECT entry_id, company_id, campaign_id, callback_id, lease_expires_at
FROM dialdesk.claim_next(:me, :campaign_id, :now, :days_off)
"""


@dataclass(frozen=True)
class Claim:
    """A company leased to one operator until ``lease_expires_at``."""

    entry_id: int
    company_id: int
    campaign_id: int
    callback_id: int | None  # the callback this claim fulfils, if it came from one
    lease_expires_at: datetime


def claim_next_entry(
    engine: Engine, me: int, *, campaign_id: int | None = None, now: datetime | None = None
) -> Claim | None:
    """Lease the next company to ``me``; None when nothing is dialable right now."""
    with plain_database_errors(), engine.begin() as conn:
        return claim_within(conn, me, campaign_id=campaign_id, now=now)


def claim_within(
    conn: Connection, me: int, *, campaign_id: int | None = None, now: datetime | None = None
) -> Claim | None:
    """The claim inside a transaction the caller holds (it commits, or rolls back, both)."""
    row = conn.execute(text(CLAIM_NEXT), claim_params(me, campaign_id, now)).first()
    return None if row is None else Claim(*row)


def claim_params(me: int, campaign_id: int | None, now: datetime | None) -> dict[str, object]:
    """CLAIM_NEXT's parameters: ``me`` asks at ``now`` (default: this moment)."""
    now = now or datetime.now(UTC)
    return {
        "me": me,
        "now": now,
        "campaign_id": campaign_id,
        "days_off": non_working_days(now.date()),
    }


def release_claim(engine: Engine, me: int, entry_id: int) -> bool:
    """Give a claimed company back to the queue untouched; False when it was not mine."""
    with plain_database_errors(), engine.begin() as conn:
        released = conn.execute(
            text("SELECT dialdesk.release_entry(:me, :entry)"), {"entry": entry_id, "me": me}
        ).scalar_one()
    return bool(released)


def extend_lease(engine: Engine, me: int, entry_id: int, now: datetime | None = None) -> bool:
    """Keep a long call's lease alive; False when the claim was lost meanwhile."""
    with plain_database_errors(), engine.begin() as conn:
        kept = conn.execute(
            text("SELECT dialdesk.extend_lease(:me, :entry, :now)"),
            {"entry": entry_id, "me": me, "now": now or datetime.now(UTC)},
        ).scalar_one()
    return bool(kept)
