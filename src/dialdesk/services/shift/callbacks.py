"""The operator's callbacks: overdue, today, later."""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, text

from dialdesk.errors import plain_database_errors


@dataclass(frozen=True)
class CallbackLine:
    id: int
    due_at: datetime
    company: str
    kind: str
    mine: bool  # False: for anyone

    def when(self, now: datetime | None = None) -> str:
        """``overdue``, ``today`` or ``later``, in the operator's local day."""
        now = now or datetime.now(UTC)
        if self.due_at <= now:
            return "overdue"
        local_now, local_due = now.astimezone(), self.due_at.astimezone()
        return "today" if local_due.date() == local_now.date() else "later"


def my_callbacks(
    engine: Engine, me: int, limit: int = 200, now: datetime | None = None
) -> list[CallbackLine]:
    """Pending callbacks for me or for anyone, soonest first; a colleague's callback left
    untaken past its campaign's grace period is anyone's too."""
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT cb.id, cb.due_at, c.name, cb.kind, coalesce(cb.assigned_to = :me, false) "
                "FROM dialdesk.callbacks cb JOIN dialdesk.companies c ON c.id = cb.company_id "
                "LEFT JOIN dialdesk.campaign_entries e ON e.id = cb.entry_id "
                "LEFT JOIN dialdesk.campaigns k ON k.id = e.campaign_id "
                "WHERE cb.state = 'pending' AND (cb.assigned_to = :me OR cb.assigned_to IS NULL "
                "  OR cb.due_at + make_interval(mins => coalesce(k.callback_grace_minutes, 30)) "
                "     < :now) "
                "ORDER BY cb.due_at LIMIT :limit"
            ),
            {"me": me, "limit": limit, "now": now or datetime.now(UTC)},
        ).all()
    return [CallbackLine(*row) for row in rows]
