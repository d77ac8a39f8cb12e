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

from dialdesk.services.calendar import non_working_days
from dialdesk.services.errors import plain_database_errors

# The first phone of the company that may be called; its time zone is the company's.
CALLABLE_PHONE = """
CROSS JOIN LATERAL (
    SELECT p.id AS phone_id, coalesce(p.time_zone, 'Europe/Moscow') AS tz
    FROM dialdesk.phones p
    WHERE p.company_id = e.company_id AND NOT p.is_dead AND p.e164 IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM dialdesk.do_not_call d WHERE d.e164 = p.e164)
    ORDER BY p.id
    LIMIT 1
) ph
"""

MY_CAMPAIGNS = """
c.is_active
AND (CAST(:campaign_id AS integer) IS NULL OR c.id = :campaign_id)
AND (NOT EXISTS (SELECT 1 FROM dialdesk.campaign_operators co WHERE co.campaign_id = c.id)
     OR EXISTS (SELECT 1 FROM dialdesk.campaign_operators co
                WHERE co.campaign_id = c.id AND co.person_id = :me))
"""

IN_CALLING_HOURS = """
(:now AT TIME ZONE ph.tz)::time >= c.calling_hours_start
AND (:now AT TIME ZONE ph.tz)::time < c.calling_hours_end
AND (NOT c.working_days_only OR (:now AT TIME ZONE ph.tz)::date <> ALL(:days_off))
"""

FREE = "(e.claimed_by IS NULL OR e.claimed_by = :me)"

# What an entry goes back to when its claim ends without an outcome.
UNCLAIM = """
SET state = CASE
        WHEN EXISTS (SELECT 1 FROM dialdesk.callbacks cb
                     WHERE cb.entry_id = e.id AND cb.state = 'pending') THEN 'callback'
        WHEN e.attempts > 0 THEN 'retry'
        ELSE 'fresh' END,
    claimed_by = NULL,
    lease_expires_at = NULL
"""

RETURN_ABANDONED_CLAIMS = f"""
UPDATE dialdesk.campaign_entries e {UNCLAIM}
WHERE e.state = 'claimed' AND e.lease_expires_at < :now
"""

MY_LIVE_CLAIM = """
SELECT e.id, NULL::integer
FROM dialdesk.campaign_entries e
WHERE e.state = 'claimed' AND e.claimed_by = :me AND e.lease_expires_at >= :now
ORDER BY e.id
LIMIT 1
FOR UPDATE OF e SKIP LOCKED
"""

DUE_CALLBACK = f"""
SELECT e.id, cb.id
FROM dialdesk.callbacks cb
JOIN dialdesk.campaign_entries e ON e.id = cb.entry_id
JOIN dialdesk.campaigns c ON c.id = e.campaign_id
{CALLABLE_PHONE}
WHERE cb.state = 'pending' AND cb.due_at <= :now AND e.state <> 'done' AND {FREE}
  AND ({{who}})
  AND {MY_CAMPAIGNS}
  AND {IN_CALLING_HOURS}
ORDER BY cb.due_at, cb.id
LIMIT 1
FOR UPDATE OF e SKIP LOCKED
"""
MINE = "cb.assigned_to = :me"
SHARED = (
    "cb.assigned_to IS NULL OR cb.due_at + make_interval(mins => c.callback_grace_minutes) < :now"
)

# Fresh and retry entries by priority level, in the database (migration 0007): one round
# trip, a handful of rows read however many retries wait in a high-priority campaign.
NEXT_ENTRY = """
SELECT dialdesk.next_queue_entry(:me, :campaign_id, :now, :days_off), NULL::integer
"""

TAKE = """
UPDATE dialdesk.campaign_entries e
SET state = 'claimed', claimed_by = :me,
    lease_expires_at = :now + make_interval(mins => c.lease_minutes)
FROM dialdesk.campaigns c
WHERE e.id = :entry AND c.id = e.campaign_id
RETURNING e.company_id, e.campaign_id, e.lease_expires_at
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
    now = now or datetime.now(UTC)
    params = {
        "me": me,
        "now": now,
        "campaign_id": campaign_id,
        "days_off": non_working_days(now.date()),
    }
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(text(RETURN_ABANDONED_CLAIMS), params)
        for query, may_hold_callback in (
            (MY_LIVE_CLAIM, True),
            (DUE_CALLBACK.format(who=MINE), False),
            (DUE_CALLBACK.format(who=SHARED), False),
            (NEXT_ENTRY, False),  # fresh and retry entries have no pending callback
        ):
            row = conn.execute(text(query), params).first()
            if row is not None and row[0] is not None:
                return _take(conn, row[0], row[1], params, may_hold_callback)
    return None


def _take(
    conn: Connection,
    entry_id: int,
    callback_id: int | None,
    params: dict[str, object],
    may_hold_callback: bool,
) -> Claim:
    company_id, campaign_id, lease = conn.execute(text(TAKE), {**params, "entry": entry_id}).one()
    if callback_id is None and may_hold_callback:
        callback_id = conn.execute(
            text(
                "SELECT id FROM dialdesk.callbacks WHERE entry_id = :entry AND state = 'pending' "
                "AND due_at <= :now ORDER BY due_at LIMIT 1"
            ),
            {"entry": entry_id, "now": params["now"]},
        ).scalar()
    return Claim(entry_id, company_id, campaign_id, callback_id, lease)


def release_claim(engine: Engine, me: int, entry_id: int) -> bool:
    """Give a claimed company back to the queue untouched; False when it was not mine."""
    with plain_database_errors(), engine.begin() as conn:
        released = conn.execute(
            text(
                f"UPDATE dialdesk.campaign_entries e {UNCLAIM} "
                "WHERE e.id = :entry AND e.claimed_by = :me AND e.state = 'claimed'"
            ),
            {"entry": entry_id, "me": me},
        ).rowcount
    return bool(released)


def extend_lease(engine: Engine, me: int, entry_id: int, now: datetime | None = None) -> bool:
    """Keep a long call's lease alive; False when the claim was lost meanwhile."""
    with plain_database_errors(), engine.begin() as conn:
        kept = conn.execute(
            text(
                "UPDATE dialdesk.campaign_entries e "
                "SET lease_expires_at = :now + make_interval(mins => c.lease_minutes) "
                "FROM dialdesk.campaigns c "
                "WHERE e.id = :entry AND c.id = e.campaign_id AND e.claimed_by = :me "
                "AND e.state = 'claimed'"
            ),
            {"entry": entry_id, "me": me, "now": now or datetime.now(UTC)},
        ).rowcount
    return bool(kept)
