"""What the expert's desk lists: new hand-offs (hot before warm, oldest first), the day's
planned contacts (due today or overdue) and every company the expert owns.  The database
shows an expert only their own (row-level security); these queries only order and shape."""

import logging
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text

from dialdesk.errors import UserError, plain_database_errors
from dialdesk.services.rows import like_literal
from dialdesk.vocabulary import CENTRE_ZONE

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HandoffLine:
    id: int
    company_id: int
    company: str
    city: str | None
    outcome_code: str | None  # hot, warm
    outcome_ru: str | None
    outcome_en: str | None
    handed_at: datetime
    operator: str
    spoke_with: str | None
    comment: str | None
    answers: list[tuple[str, str, str]] | None  # (question, its kind, the answer)
    next_due: datetime | None  # the next contact the operator agreed
    next_kind: str | None


@dataclass(frozen=True)
class PlannedLine:
    id: int  # the callback
    company_id: int
    company: str
    kind: str  # call, meeting, send_offer
    due_at: datetime
    time_zone: str | None  # the company's first live phone's
    note: str | None

    def overdue(self, now: datetime | None = None) -> bool:
        return self.due_at <= (now or datetime.now(UTC))

    def client_time(self) -> str:
        """When it is due, on the client's clock."""
        zone = ZoneInfo(self.time_zone) if self.time_zone else CENTRE_ZONE
        return self.due_at.astimezone(zone).strftime("%d.%m %H:%M")


@dataclass(frozen=True)
class ClientLine:
    company_id: int
    company: str
    city: str | None
    stage: str  # the open deal's stage, "client" (won before, nothing open) or "new"
    amount: Decimal | None  # the open deal's
    next_due: datetime | None
    next_kind: str | None
    client_since: date | None
    last_purchase_on: date | None


_HANDOFFS = """
SELECT h.id, h.company_id, c.name, c.city, o.code, o.label_ru, o.label_en, h.created_at,
       coalesce(p.full_name, ''), k.spoke_with, coalesce(k.comment, h.note),
       (SELECT jsonb_agg(jsonb_build_array(q.text, q.kind, a.value) ORDER BY q.position)
          FROM dialdesk.answers a JOIN dialdesk.questions q ON q.id = a.question_id
         WHERE a.call_id = k.id),
       b.due_at, b.kind
FROM dialdesk.handoffs h
JOIN dialdesk.companies c ON c.id = h.company_id
LEFT JOIN dialdesk.people p ON p.id = h.created_by
LEFT JOIN dialdesk.calls k ON k.id = h.call_id
LEFT JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id
LEFT JOIN LATERAL (SELECT cb.due_at, cb.kind FROM dialdesk.callbacks cb
                   WHERE cb.call_id = k.id ORDER BY cb.id LIMIT 1) b ON true
WHERE h.expert_id = :me AND h.state = 'new'
ORDER BY CASE o.code WHEN 'hot' THEN 0 WHEN 'warm' THEN 1 ELSE 2 END, h.created_at, h.id
"""

_PLANNED = """
SELECT cb.id, cb.company_id, c.name, cb.kind, cb.due_at,
       (SELECT ph.time_zone FROM dialdesk.phones ph WHERE ph.company_id = c.id
         ORDER BY ph.is_dead, ph.id LIMIT 1),
       cb.note
FROM dialdesk.callbacks cb JOIN dialdesk.companies c ON c.id = cb.company_id
WHERE cb.assigned_to = :me AND cb.state = 'pending' AND cb.due_at < :until
ORDER BY cb.due_at, cb.id
"""

_CLIENTS = """
SELECT c.id, c.name, c.city,
       coalesce(d.stage, CASE WHEN c.client_since IS NOT NULL THEN 'client' ELSE 'new' END),
       d.amount, b.due_at, b.kind, c.client_since, c.last_purchase_on
FROM dialdesk.companies c
LEFT JOIN LATERAL (SELECT x.stage, x.amount FROM dialdesk.deals x
                   WHERE x.company_id = c.id AND x.closed_at IS NULL
                   ORDER BY x.id LIMIT 1) d ON true
LEFT JOIN LATERAL (SELECT cb.due_at, cb.kind FROM dialdesk.callbacks cb
                   WHERE cb.company_id = c.id AND cb.assigned_to = :me
                     AND cb.state = 'pending'
                   ORDER BY cb.due_at LIMIT 1) b ON true
WHERE c.expert_id = :me AND c.archived_at IS NULL
  AND (CAST(:like AS text) IS NULL OR c.name ILIKE :like OR c.inn LIKE :like
       OR c.city ILIKE :like
       OR EXISTS (SELECT 1 FROM dialdesk.phones ph WHERE ph.company_id = c.id
                  AND ph.e164 LIKE :digits))
ORDER BY b.due_at NULLS LAST, c.name
LIMIT :limit
"""


def new_handoffs(engine: Engine, me: int) -> list[HandoffLine]:
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(text(_HANDOFFS), {"me": me}).all()
    lines = [HandoffLine(*row) for row in rows]
    return [  # the answers arrive as JSON arrays
        replace(line, answers=[(a[0], a[1], a[2]) for a in line.answers or []] or None)
        for line in lines
    ]


def planned_today(engine: Engine, me: int, now: datetime | None = None) -> list[PlannedLine]:
    """My pending planned contacts due before the end of the call centre's today, overdue
    ones included, soonest first."""
    now = now or datetime.now(UTC)
    local = now.astimezone(CENTRE_ZONE)
    until = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), CENTRE_ZONE)
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(text(_PLANNED), {"me": me, "until": until})
        return [PlannedLine(*row) for row in rows]


def my_clients(engine: Engine, me: int, search: str = "", limit: int = 500) -> list[ClientLine]:
    """The companies I own, soonest next contact first, found by name, INN, city or phone."""
    typed = search.strip()
    digits = "".join(ch for ch in typed if ch.isdigit())
    params = {
        "me": me,
        "like": f"%{like_literal(typed)}%" if typed else None,
        "digits": f"%{digits}%" if len(digits) >= 3 else "",
        "limit": limit,
    }
    with plain_database_errors(), engine.connect() as conn:
        return [ClientLine(*row) for row in conn.execute(text(_CLIENTS), params)]


def accept_handoff(engine: Engine, handoff_id: int) -> int:
    """Take the hand-off: the company becomes mine and its deal opens; returns the deal."""
    with plain_database_errors(), engine.begin() as conn:
        deal = int(
            conn.execute(text("SELECT dialdesk.accept_handoff(:h)"), {"h": handoff_id}).scalar_one()
        )
    log.info("hand-off %s accepted, deal %s", handoff_id, deal)
    return deal


def return_handoff(engine: Engine, handoff_id: int, reason: str) -> None:
    """Give the hand-off back with a reason the supervisor reads."""
    if not reason.strip():
        raise UserError("Write why you return this company: the supervisor reads it.")
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(text("SELECT dialdesk.return_handoff(:h, :r)"), {"h": handoff_id, "r": reason})
    log.info("hand-off %s returned", handoff_id)
