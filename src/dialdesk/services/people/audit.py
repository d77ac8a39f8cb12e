"""The audit log for administrators: who changed which row, when, from what to what."""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, text

from dialdesk.errors import plain_database_errors
from dialdesk.services.rows import like_literal


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


# fields that hold the id of a row in another table, and that table
REFERENCES = {
    **dict.fromkeys(
        ("person_id", "assigned_to", "created_by", "operator_id", "expert_id", "taken_by",
         "claimed_by"),
        "people",
    ),
    "campaign_id": "campaigns",
    "company_id": "companies",
    **dict.fromkeys(("outcome_id", "current_outcome_id", "last_outcome_id"), "outcomes"),
    "pause_code_id": "pause_codes",
}  # fmt: skip
NAME_QUERIES = {
    "people": "SELECT id, full_name, full_name FROM dialdesk.people WHERE id = ANY(:ids)",
    "campaigns": "SELECT id, name, name FROM dialdesk.campaigns WHERE id = ANY(:ids)",
    "companies": "SELECT id, name, name FROM dialdesk.companies WHERE id = ANY(:ids)",
    "outcomes": "SELECT id, label_ru, label_en FROM dialdesk.outcome_definitions "
    "WHERE id = ANY(:ids)",
    "pause_codes": "SELECT id, label_ru, label_en FROM dialdesk.pause_codes WHERE id = ANY(:ids)",
}


@dataclass(frozen=True)
class AuditNames:
    """What the ids and logins in audit lines stand for: (Russian, English) names by table
    and id, and each login's person."""

    by_table: dict[str, dict[int, tuple[str, str]]]
    people_by_login: dict[str, str]

    def name(self, table: str, row_id: object, language: str) -> str | None:
        if not isinstance(row_id, int):
            return None
        found = self.by_table.get(table, {}).get(row_id)
        return None if found is None else found[0 if language == "ru" else 1]


def audit_names(engine: Engine, lines: list[AuditLine]) -> AuditNames:
    """Names for every reference and login in ``lines``, one query per kind of row."""
    wanted: dict[str, set[int]] = {table: set() for table in NAME_QUERIES}
    for line in lines:
        for values in (line.old or {}, line.new or {}):
            for field, value in values.items():
                table = REFERENCES.get(field)
                if table is not None and isinstance(value, int):
                    wanted[table].add(value)
    by_table: dict[str, dict[int, tuple[str, str]]] = {}
    with plain_database_errors(), engine.connect() as conn:
        for table, ids in wanted.items():
            by_table[table] = {}
            if ids:
                for row in conn.execute(text(NAME_QUERIES[table]), {"ids": sorted(ids)}):
                    by_table[table][row[0]] = (row[1], row[2])
        logins = sorted({line.login for line in lines})
        people = conn.execute(
            text("SELECT login, full_name FROM dialdesk.people WHERE login = ANY(:l)"),
            {"l": logins},
        ).all()
    return AuditNames(by_table, {login: name for login, name in people})


def _short(value: Any) -> str:
    shown = "∅" if value is None else json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 60 else shown[:57] + "…"


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
                "contains": like_literal(where.contains) if where.contains else None,
                "limit": where.limit,
            },
        ).all()
    return [AuditLine(*row) for row in rows]
