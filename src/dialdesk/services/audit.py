"""The audit log for administrators: who changed which row, when, from what to what."""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, text

from dialdesk.services.errors import plain_database_errors


@dataclass(frozen=True)
class AuditFilter:
    table: str | None = None
    login: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    contains: str | None = None  # any text in the old or new values
    limit: int = 500


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    login: str
    table: str
    row_id: str | None
    action: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None

    def changes(self) -> dict[str, tuple[Any, Any]]:
        """Field -> (before, after) for the fields that differ."""
        old, new = self.old or {}, self.new or {}
        return {
            key: (old.get(key), new.get(key))
            for key in sorted(set(old) | set(new))
            if old.get(key) != new.get(key)
        }

    def summary(self) -> str:
        return "; ".join(
            f"{key}: {_short(before)} → {_short(after)}"
            for key, (before, after) in self.changes().items()
        )


def _short(value: Any) -> str:
    shown = "∅" if value is None else json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "…"


def _literal(text_part: str) -> str:
    """Text searched as typed: % and _ are not wildcards."""
    return text_part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def audit_tables(engine: Engine) -> list[str]:
    with plain_database_errors(), engine.connect() as conn:
        return list(
            conn.execute(
                text("SELECT DISTINCT table_name FROM dialdesk.audit_log ORDER BY 1")
            ).scalars()
        )


def read_audit(engine: Engine, where: AuditFilter) -> list[AuditLine]:
    """Newest first; the database lets only administrators read it."""
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, at, db_user, table_name, row_id, action, old_row, new_row "
                "FROM dialdesk.audit_log "
                "WHERE (CAST(:table AS text) IS NULL OR table_name = :table) "
                "  AND (CAST(:login AS text) IS NULL OR db_user = :login) "
                "  AND (CAST(:since AS timestamptz) IS NULL OR at >= :since) "
                "  AND (CAST(:until AS timestamptz) IS NULL OR at < :until) "
                "  AND (CAST(:contains AS text) IS NULL "
                "       OR coalesce(old_row::text, '') ILIKE '%' || :contains || '%' "
                "       OR coalesce(new_row::text, '') ILIKE '%' || :contains || '%') "
                "ORDER BY at DESC, id DESC LIMIT :limit"
            ),
            {
                "table": where.table,
                "login": where.login,
                "since": where.since,
                "until": where.until,
                "contains": _literal(where.contains) if where.contains else None,
                "limit": where.limit,
            },
        ).all()
    return [AuditLine(*row) for row in rows]
