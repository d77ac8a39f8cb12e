"""Opening one chosen company rather than the next in the queue: a callback picked from the
list or its reminder, or a company found by search.  The claim is the same lease the queue
gives; a company a colleague holds is refused with their name."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, text

from dialdesk.errors import UserError, plain_database_errors
from dialdesk.services.shift.queue import Claim

# the lease the queue gives, unless a colleague's is still running (0019_queue_functions.sql)
TAKE = """
SELECT entry_id, company_id, campaign_id, lease_expires_at
FROM dialdesk.take_entry(:me, :entry, :now)
"""

HOLDER = """
SELECT e.state, e.claimed_by, p.full_name, c.is_active
FROM dialdesk.campaign_entries e
JOIN dialdesk.campaigns c ON c.id = e.campaign_id
LEFT JOIN dialdesk.people p ON p.id = e.claimed_by
WHERE e.id = :entry
"""

CALLBACK = """
SELECT cb.entry_id, cb.state, cb.due_at, cb.kind, cb.note, cb.assigned_to,
       assignee.full_name AS assigned_name, author.full_name AS created_by_name,
       coalesce(k.callback_grace_minutes, 30) AS grace
FROM dialdesk.callbacks cb
LEFT JOIN dialdesk.campaign_entries e ON e.id = cb.entry_id
LEFT JOIN dialdesk.campaigns k ON k.id = e.campaign_id
LEFT JOIN dialdesk.people assignee ON assignee.id = cb.assigned_to
LEFT JOIN dialdesk.people author ON author.id = cb.created_by
WHERE cb.id = :callback
"""


@dataclass(frozen=True)
class CallbackReason:
    """Why a company is on the card: the callback it was opened for."""

    id: int
    due_at: datetime
    kind: str  # call, meeting, send_offer
    note: str
    promised_by: str


def open_callback(
    engine: Engine, me: int, callback_id: int, now: datetime | None = None
) -> tuple[Claim, CallbackReason]:
    """Claim the company of ``callback_id`` for ``me`` now, whatever the queue's order."""
    now = now or datetime.now(UTC)
    with plain_database_errors(), engine.begin() as conn:
        row = conn.execute(text(CALLBACK), {"callback": callback_id}).mappings().first()
        if row is None or row["state"] != "pending":
            raise UserError("This callback has already been made or cancelled.")
        colleagues = row["assigned_to"] not in (None, me)
        if colleagues and row["due_at"].timestamp() + row["grace"] * 60 > now.timestamp():
            raise UserError(
                "This callback is {name}'s until its grace period ends.",
                name=row["assigned_name"],
            )
        if row["entry_id"] is None:
            raise UserError("This callback is not in any campaign's queue.")
        claim = _take(conn, me, row["entry_id"], now)
    return Claim(claim.entry_id, claim.company_id, claim.campaign_id, callback_id,
                 claim.lease_expires_at), _reason(callback_id, row)  # fmt: skip


def callback_reason(engine: Engine, callback_id: int) -> CallbackReason | None:
    """What the card says about the callback a claim fulfils."""
    with plain_database_errors(), engine.connect() as conn:
        row = conn.execute(text(CALLBACK), {"callback": callback_id}).mappings().first()
    return None if row is None else _reason(callback_id, row)


def _reason(callback_id: int, row: Any) -> CallbackReason:
    return CallbackReason(
        callback_id, row["due_at"], row["kind"], row["note"] or "", row["created_by_name"] or ""
    )


def open_entry(engine: Engine, me: int, entry_id: int, now: datetime | None = None) -> Claim:
    """Claim the queue entry ``entry_id`` for ``me`` now."""
    with plain_database_errors(), engine.begin() as conn:
        return _take(conn, me, entry_id, now or datetime.now(UTC))


def _take(conn: Connection, me: int, entry_id: int, now: datetime) -> Claim:
    taken = conn.execute(text(TAKE), {"me": me, "entry": entry_id, "now": now}).first()
    if taken is not None:
        return Claim(taken[0], taken[1], taken[2], None, taken[3])
    holder = conn.execute(text(HOLDER), {"entry": entry_id}).mappings().first()
    if holder is None:
        raise UserError("This company is no longer in the campaign.")
    if not holder["is_active"]:
        raise UserError("This company's campaign is stopped.")
    if holder["state"] == "done":
        raise UserError("The campaign's work with this company is finished.")
    raise UserError("{name} is on this company now.", name=holder["full_name"] or "")
