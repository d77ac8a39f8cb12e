"""The experts on the monitor: hand-offs waiting to be taken (late once they have waited
longer than the admin's working hours, four by default) and those an expert gave back
with the reason (first: the supervisor decides where they go), and each expert's day:
contacts planned for today, done today and overdue."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, text

from dialdesk.services.calendar import working_hours_between


@dataclass(frozen=True)
class WaitingHandoff:
    id: int
    company_id: int
    company: str
    expert_id: int
    expert: str
    handed_at: datetime
    outcome_code: str | None
    waited_hours: float  # office hours since the hand-off
    late: bool
    returned_because: str | None = None  # the expert gave it back: the supervisor decides


@dataclass(frozen=True)
class ExpertToday:
    person_id: int
    name: str
    waiting: int  # hand-offs not taken yet
    late: int  # of them, waiting longer than allowed
    planned: int  # contacts planned for today (done or not) and overdue ones
    done: int  # planned contacts done today
    overdue: int  # planned contacts past due and not done
    made: int  # contacts recorded today


WAITING = """
SELECT h.id, h.company_id, c.name, h.expert_id, p.full_name, h.created_at, o.code,
       CASE WHEN h.state = 'returned' THEN h.return_reason END
FROM dialdesk.handoffs h
JOIN dialdesk.companies c ON c.id = h.company_id
JOIN dialdesk.people p ON p.id = h.expert_id
LEFT JOIN dialdesk.calls k ON k.id = h.call_id
LEFT JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id
WHERE h.state = 'new' OR h.state = 'returned' AND h.returned_at > :now - interval '30 days'
  AND NOT EXISTS (SELECT 1 FROM dialdesk.handoffs later WHERE later.company_id = h.company_id
                  AND later.created_at > h.created_at)
ORDER BY h.state = 'new', h.created_at, h.id
LIMIT 1000
"""

EXPERTS_TODAY = """
SELECT p.id, p.full_name,
       count(*) FILTER (WHERE cb.state = 'pending' AND cb.due_at < :day + interval '1 day'
                        OR cb.state = 'done' AND cb.done_at >= :day) AS planned,
       count(*) FILTER (WHERE cb.state = 'done' AND cb.done_at >= :day) AS done,
       count(*) FILTER (WHERE cb.state = 'pending' AND cb.due_at < :now) AS overdue,
       (SELECT count(*) FROM dialdesk.expert_steps s
         WHERE s.expert_id = p.id AND s.made_at >= :day) AS made
FROM dialdesk.people p
LEFT JOIN dialdesk.callbacks cb ON cb.assigned_to = p.id AND cb.entry_id IS NULL
WHERE p.is_expert AND p.active
GROUP BY p.id, p.full_name
ORDER BY p.full_name
"""


def accept_hours(conn: Connection) -> int:
    """The working hours an expert has to take a hand-off, as the admin set them."""
    hours = conn.execute(text("SELECT handoff_accept_hours FROM dialdesk.sales_settings")).scalar()
    return int(hours or 4)


def load_experts_floor(
    conn: Connection, now: datetime, day: datetime
) -> tuple[list[WaitingHandoff], list[ExpertToday]]:
    """``day``: the start of the call centre's today."""
    allowed = accept_hours(conn)
    waiting = []
    rows = conn.execute(text(WAITING), {"now": now}).all()
    for hid, company_id, company, expert_id, expert, handed_at, code, why in rows:
        waited = working_hours_between(handed_at, now)
        late = why is None and waited > allowed  # a returned one waits for the supervisor
        waiting.append(WaitingHandoff(hid, company_id, company, expert_id, expert, handed_at,
                                      code, round(waited, 1), late, why))  # fmt: skip
    experts = []
    for person, name, planned, done, overdue, made in conn.execute(
        text(EXPERTS_TODAY), {"now": now, "day": day}
    ):
        mine = [w for w in waiting if w.expert_id == person and w.returned_because is None]
        experts.append(ExpertToday(person, name, len(mine), sum(w.late for w in mine),
                                   planned, done, overdue, made))  # fmt: skip
    return waiting, experts
