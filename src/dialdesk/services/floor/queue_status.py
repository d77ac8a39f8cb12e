"""Why nothing is dialable right now, in terms an operator can act on."""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text

from dialdesk.errors import plain_database_errors
from dialdesk.services.calendar import is_working_day

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


@dataclass(frozen=True)
class QueueEmpty:
    remaining: int  # entries not done yet in my campaigns
    outside_hours_until: datetime | None  # when calling hours open for the first of them
    retry_at: datetime | None  # the next retry coming due
    callback_at: datetime | None  # the next callback for me or for anyone
    no_callable_phone: int  # companies whose every number is dead or on the do-not-call list
    callbacks_waiting: int = 0  # due callbacks whose clients are outside calling hours now
    callbacks_open_at: datetime | None = None  # when the first of them may be called

    @property
    def everything_done(self) -> bool:
        return self.remaining == 0 and self.callback_at is None


def next_opening(
    now: datetime, zone: str, start: time, end: time, working_days_only: bool
) -> datetime:
    """The next moment at or after ``now`` when calling is allowed in ``zone``."""
    tz = ZoneInfo(zone)
    local = now.astimezone(tz)
    for offset in range(0, 15):
        day = local.date() + timedelta(days=offset)
        if working_days_only and not is_working_day(day):
            continue
        opens = datetime.combine(day, start, tz)
        closes = datetime.combine(day, end, tz)
        if local < opens:
            return opens.astimezone(UTC)
        if local < closes:
            return now
    return (local + timedelta(days=15)).astimezone(UTC)


def explain_empty_queue(
    engine: Engine, me: int, *, campaign_id: int | None = None, now: datetime | None = None
) -> QueueEmpty:
    now = now or datetime.now(UTC)
    params = {"me": me, "now": now, "campaign_id": campaign_id}
    with plain_database_errors(), engine.connect() as conn:
        remaining, retry_at, no_phone = conn.execute(
            text(
                "SELECT count(*) FILTER (WHERE e.state <> 'done'), "
                "  min(e.next_attempt_at) FILTER (WHERE e.state = 'retry' "
                "    AND e.next_attempt_at > :now), "
                "  count(*) FILTER (WHERE e.state <> 'done' AND NOT EXISTS ("
                "    SELECT 1 FROM dialdesk.phones p WHERE p.company_id = e.company_id "
                "    AND NOT p.is_dead AND p.e164 IS NOT NULL AND NOT EXISTS ("
                "      SELECT 1 FROM dialdesk.do_not_call d WHERE d.e164 = p.e164))) "
                "FROM dialdesk.campaign_entries e JOIN dialdesk.campaigns c "
                f"ON c.id = e.campaign_id WHERE {MY_CAMPAIGNS}"
            ),
            params,
        ).one()
        callback_at = conn.execute(
            text(
                "SELECT min(cb.due_at) FROM dialdesk.callbacks cb "
                "JOIN dialdesk.campaign_entries e ON e.id = cb.entry_id "
                "JOIN dialdesk.campaigns c ON c.id = e.campaign_id "
                "WHERE cb.state = 'pending' AND cb.due_at > :now "
                f"AND (cb.assigned_to IS NULL OR cb.assigned_to = :me) AND {MY_CAMPAIGNS}"
            ),
            params,
        ).scalar()
        blocked = conn.execute(
            text(
                "SELECT DISTINCT ph.tz, c.calling_hours_start, c.calling_hours_end, "
                "c.working_days_only FROM dialdesk.campaign_entries e "
                f"JOIN dialdesk.campaigns c ON c.id = e.campaign_id {CALLABLE_PHONE} "
                "WHERE e.state IN ('fresh', 'retry') AND e.claimed_by IS NULL "
                f"AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= :now) AND {MY_CAMPAIGNS}"
            ),
            params,
        ).all()
        due = conn.execute(
            text(
                "SELECT ph.tz, c.calling_hours_start, c.calling_hours_end, c.working_days_only "
                "FROM dialdesk.callbacks cb "
                "JOIN dialdesk.campaign_entries e ON e.id = cb.entry_id "
                f"JOIN dialdesk.campaigns c ON c.id = e.campaign_id {CALLABLE_PHONE} "
                "WHERE cb.state = 'pending' AND cb.due_at <= :now AND e.state <> 'done' "
                "AND (e.claimed_by IS NULL OR e.claimed_by = :me) "
                f"AND (cb.assigned_to IS NULL OR cb.assigned_to = :me) AND {MY_CAMPAIGNS}"
            ),
            params,
        ).all()
    openings = [next_opening(now, *row) for row in blocked]
    later = [moment for moment in openings if moment > now]
    waiting = [moment for moment in (next_opening(now, *row) for row in due) if moment > now]
    return QueueEmpty(
        remaining=int(remaining),
        outside_hours_until=min(later) if later else None,
        retry_at=retry_at,
        callback_at=callback_at,
        no_callable_phone=int(no_phone),
        callbacks_waiting=len(waiting),
        callbacks_open_at=min(waiting) if waiting else None,
    )
