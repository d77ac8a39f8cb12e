"""The live floor for supervisors: one row per operator and one per campaign, as of now."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import Engine, text

from dialdesk.db.engine import read_snapshot
from dialdesk.errors import plain_database_errors
from dialdesk.services.floor.experts_floor import ExpertToday, WaitingHandoff, load_experts_floor
from dialdesk.services.floor.queue_status import CALLABLE_PHONE, next_opening
from dialdesk.vocabulary import CENTRE_ZONE

# The working day the counts start from: midnight in the call centre's own zone.

# Thresholds when no campaign says otherwise (minutes): waiting, paused, on one card
# (the defaults of the campaigns table).
DEFAULT_ALERTS = (5.0, 15.0, 10.0)


@dataclass(frozen=True)
class OperatorRow:
    person_id: int
    full_name: str
    state: str  # offline, waiting, on_card, paused
    since: datetime | None
    pause_ru: str | None
    pause_en: str | None
    company: str | None  # the card they are on
    calls: int
    contacts: int
    overdue_callbacks: int
    calls_target: int | None
    contacts_target: int | None
    first_seen: datetime | None  # first state change today: the start of the shift
    alerts: tuple[float, float, float] = DEFAULT_ALERTS  # minutes, of the campaign worked now
    outcomes: dict[str, int] = field(default_factory=dict)
    refused: int = 0  # outcomes from their offline journal the server refused today

    def minutes_in_state(self, now: datetime) -> float:
        return (now - self.since).total_seconds() / 60 if self.since else 0.0

    def contacts_per_hour(self, now: datetime) -> float:
        if self.first_seen is None:
            return 0.0
        hours = max((now - self.first_seen).total_seconds() / 3600, 0.25)
        return round(self.contacts / hours, 1)

    def alert(self, now: datetime) -> str | None:
        """ "waiting", "paused" or "on_card" when the state lasts past its threshold."""
        limits = {"waiting": self.alerts[0], "paused": self.alerts[1], "on_card": self.alerts[2]}
        limit = limits.get(self.state)
        return self.state if limit is not None and self.minutes_in_state(now) > limit else None


@dataclass(frozen=True)
class CampaignRow:
    campaign_id: int
    name: str
    fresh: int
    retry_due: int
    retry_waiting: int
    callbacks: int
    claimed: int
    done: int
    calls_today: int
    contacts_today: int
    callbacks_due: int = 0
    next_retry_at: datetime | None = None
    next_callback_at: datetime | None = None
    outcomes: dict[str, int] = field(default_factory=dict)
    calling_hours_start: time = time(0)
    calling_hours_end: time = time(23, 59)
    working_days_only: bool = False

    @property
    def dialable(self) -> int:
        """Entries an operator could be given right now (calling hours aside)."""
        return self.fresh + self.retry_due + self.callbacks_due

    def opens_at(self, now: datetime, zones: frozenset[str]) -> datetime | None:
        """When calling hours next open for any of the campaign's companies (their phones'
        ``zones``), if they are closed for all of them now; None while someone may be called
        or the zones are not known."""
        if not zones:
            return None
        hours = (self.calling_hours_start, self.calling_hours_end, self.working_days_only)
        opening = min(next_opening(now, zone, *hours) for zone in zones)
        return opening if opening > now else None


def day_start(now: datetime) -> datetime:
    local = now.astimezone(CENTRE_ZONE)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


OPERATORS = """
WITH last_state AS (
    SELECT DISTINCT ON (s.person_id) s.person_id, s.state, s.started_at, s.pause_code_id,
           s.entry_id
    FROM dialdesk.operator_states s
    WHERE s.started_at >= :day
    ORDER BY s.person_id, s.started_at DESC, s.id DESC
), first_state AS (
    SELECT person_id, min(started_at) AS first_seen
    FROM dialdesk.operator_states WHERE started_at >= :day GROUP BY person_id
), today AS (
    SELECT c.operator_id, count(*) AS calls, count(*) FILTER (WHERE o.is_contact) AS contacts
    FROM dialdesk.calls c JOIN dialdesk.outcome_definitions o ON o.id = c.outcome_id
    WHERE c.started_at >= :day AND c.operator_id IS NOT NULL GROUP BY c.operator_id
), overdue AS (
    SELECT assigned_to, count(*) AS n FROM dialdesk.callbacks
    WHERE state = 'pending' AND due_at < :now GROUP BY assigned_to
), refused AS (
    SELECT operator_id, count(*) AS n FROM dialdesk.refused_outcomes
    WHERE refused_at >= :day GROUP BY operator_id
)
SELECT p.id AS person_id, p.full_name, coalesce(ls.state, 'offline') AS state,
       ls.started_at AS since, pc.label_ru AS pause_ru, pc.label_en AS pause_en,
       co.name AS company, coalesce(t.calls, 0) AS calls, coalesce(t.contacts, 0) AS contacts,
       coalesce(od.n, 0) AS overdue_callbacks, pl.calls_target, pl.contacts_target,
       fs.first_seen, camp.alert_waiting_seconds / 60.0 AS alert_waiting,
       camp.alert_paused_seconds / 60.0 AS alert_paused,
       camp.alert_card_seconds / 60.0 AS alert_card, coalesce(rf.n, 0) AS refused
FROM dialdesk.people p
LEFT JOIN last_state ls ON ls.person_id = p.id
LEFT JOIN first_state fs ON fs.person_id = p.id
LEFT JOIN dialdesk.pause_codes pc ON pc.id = ls.pause_code_id
LEFT JOIN dialdesk.campaign_entries e ON e.id = ls.entry_id
LEFT JOIN dialdesk.companies co ON co.id = e.company_id
LEFT JOIN dialdesk.campaigns camp ON camp.id = e.campaign_id
LEFT JOIN today t ON t.operator_id = p.id
LEFT JOIN overdue od ON od.assigned_to = p.id
LEFT JOIN refused rf ON rf.operator_id = p.id
LEFT JOIN dialdesk.operator_plans pl ON pl.person_id = p.id AND pl.day = :local_day
WHERE p.active AND p.role IN ('operator', 'supervisor')
  AND (p.role = 'operator' OR ls.state IS NOT NULL)
ORDER BY p.full_name
"""

CAMPAIGNS = """
SELECT c.id AS campaign_id, c.name,
       count(e.id) FILTER (WHERE e.state = 'fresh') AS fresh,
       count(e.id) FILTER (WHERE e.state = 'retry' AND e.next_attempt_at <= :now) AS retry_due,
       count(e.id) FILTER (WHERE e.state = 'retry' AND e.next_attempt_at > :now)
           AS retry_waiting,
       count(e.id) FILTER (WHERE e.state = 'callback') AS callbacks,
       count(e.id) FILTER (WHERE e.state = 'claimed') AS claimed,
       count(e.id) FILTER (WHERE e.state = 'done') AS done,
       coalesce(max(t.calls), 0) AS calls_today, coalesce(max(t.contacts), 0) AS contacts_today,
       count(e.id) FILTER (WHERE e.state = 'callback' AND EXISTS (
           SELECT 1 FROM dialdesk.callbacks cb WHERE cb.entry_id = e.id
           AND cb.state = 'pending' AND cb.due_at <= :now)) AS callbacks_due,
       min(e.next_attempt_at) FILTER (WHERE e.state = 'retry' AND e.next_attempt_at > :now)
           AS next_retry_at,
       (SELECT min(cb.due_at) FROM dialdesk.callbacks cb
        JOIN dialdesk.campaign_entries ce ON ce.id = cb.entry_id
        WHERE ce.campaign_id = c.id AND cb.state = 'pending' AND cb.due_at > :now)
           AS next_callback_at,
       c.calling_hours_start, c.calling_hours_end, c.working_days_only
FROM dialdesk.campaigns c
LEFT JOIN (
    -- a claim whose lease has lapsed (the app was killed, the network cut) is back in the
    -- queue already, though the entry says so only at the next claim
    SELECT e.id, e.campaign_id, e.next_attempt_at,
           CASE WHEN e.state = 'claimed' AND e.lease_expires_at < :now
                THEN dialdesk.back_in_queue(e.id, e.attempts)
                ELSE e.state::text END AS state
    FROM dialdesk.campaign_entries e
) e ON e.campaign_id = c.id
LEFT JOIN (
    SELECT k.campaign_id, count(*) AS calls, count(*) FILTER (WHERE o.is_contact) AS contacts
    FROM dialdesk.calls k JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id
    WHERE k.started_at >= :day GROUP BY k.campaign_id
) t ON t.campaign_id = c.id
WHERE c.is_active
GROUP BY c.id, c.name
ORDER BY c.name
"""

OUTCOMES_TODAY = """
SELECT k.operator_id, k.campaign_id, o.code, count(*)
FROM dialdesk.calls k JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id
WHERE k.started_at >= :day AND k.operator_id IS NOT NULL
GROUP BY k.operator_id, k.campaign_id, o.code
"""


@dataclass(frozen=True)
class FloorCallback:
    id: int
    due_at: datetime
    company: str
    kind: str
    assigned_to: int | None
    assigned_name: str | None  # None: anyone's


CALLBACKS = """
SELECT cb.id, cb.due_at, c.name AS company, cb.kind, cb.assigned_to,
       p.full_name AS assigned_name
FROM dialdesk.callbacks cb
JOIN dialdesk.companies c ON c.id = cb.company_id
LEFT JOIN dialdesk.people p ON p.id = cb.assigned_to
WHERE cb.state = 'pending' AND cb.due_at < :day + interval '1 day'
ORDER BY cb.due_at, cb.id
LIMIT 500
"""

# the moment the next claim's lease lapses: the counts change then, with nobody saving
NEXT_LAPSE = """
SELECT min(lease_expires_at) FROM dialdesk.campaign_entries
WHERE state = 'claimed' AND lease_expires_at >= :now
"""

ALERT_COLUMNS = ("alert_waiting", "alert_paused", "alert_card")


@dataclass(frozen=True)
class FloorNow:
    operators: list[OperatorRow]
    campaigns: list[CampaignRow]
    at: datetime
    callbacks: list[FloorCallback] = field(default_factory=list)  # overdue and due today
    next_lapse_at: datetime | None = None  # when the first live lease runs out
    handoffs: list[WaitingHandoff] = field(default_factory=list)  # not taken by an expert yet
    experts: list[ExpertToday] = field(default_factory=list)


def load_floor(engine: Engine, now: datetime | None = None) -> FloorNow:
    """Everything the monitor shows, read in one go (one snapshot)."""
    now = now or datetime.now(UTC)
    start = day_start(now)
    params = {"now": now, "day": start, "local_day": now.astimezone(CENTRE_ZONE).date()}
    # on a busy floor the campaign counts looked expensive enough to JIT-compile: half a
    # second per refresh; the snapshot reads without JIT
    with plain_database_errors(), read_snapshot(engine) as conn:
        by_operator: dict[int, dict[str, int]] = defaultdict(dict)
        by_campaign: dict[int, dict[str, int]] = defaultdict(dict)
        for operator, campaign, code, count in conn.execute(text(OUTCOMES_TODAY), params):
            by_operator[operator][code] = by_operator[operator].get(code, 0) + count
            if campaign is not None:
                by_campaign[campaign][code] = by_campaign[campaign].get(code, 0) + count
        operators = []
        for row in conn.execute(text(OPERATORS), params).mappings():
            values = dict(row)
            limits = [values.pop(name) for name in ALERT_COLUMNS]
            alerts = (
                (float(limits[0]), float(limits[1]), float(limits[2]))
                if limits[0] is not None
                else DEFAULT_ALERTS
            )
            operators.append(
                OperatorRow(
                    **values, alerts=alerts, outcomes=by_operator.get(values["person_id"], {})
                )
            )
        campaigns = [
            CampaignRow(**dict(row), outcomes=by_campaign.get(row["campaign_id"], {}))
            for row in conn.execute(text(CAMPAIGNS), params).mappings()
        ]
        callbacks = [
            FloorCallback(**dict(row)) for row in conn.execute(text(CALLBACKS), params).mappings()
        ]
        lapse = conn.execute(text(NEXT_LAPSE), params).scalar_one()
        handoffs, experts = load_experts_floor(conn, now, start)
    return FloorNow(operators, campaigns, now, callbacks, lapse, handoffs, experts)


CAMPAIGN_ZONES = f"""
SELECT e.campaign_id, array_agg(DISTINCT ph.tz)
FROM dialdesk.campaign_entries e JOIN dialdesk.campaigns c ON c.id = e.campaign_id
{CALLABLE_PHONE}
WHERE c.is_active AND e.state <> 'done'
GROUP BY e.campaign_id
"""


def campaign_zones(engine: Engine) -> dict[int, frozenset[str]]:
    """The time zones of the companies still to call, per active campaign.  They change
    only with imports, so the monitor reads them now and then, not on every change."""
    with plain_database_errors(), engine.connect() as conn:
        return {k: frozenset(zones) for k, zones in conn.execute(text(CAMPAIGN_ZONES))}


def elapsed_text(moment: datetime | None, now: datetime) -> str:
    """Time since ``moment`` as h:mm:ss for a table cell; "" when unknown."""
    if moment is None:
        return ""
    seconds = max(0, int((now - moment) / timedelta(seconds=1)))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
