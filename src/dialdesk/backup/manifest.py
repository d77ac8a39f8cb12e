"""What a backup holds, written beside the dump and read back before anything is restored:
the DialDesk version and schema revision, the rows of every table, and the people with their
roles (logins and group roles are the server's and pg_dump does not carry them; passwords are
never kept)."""

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from psycopg import Connection, sql

from dialdesk.errors import UserError

FORMAT = "dialdesk-backup"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Person:
    login: str
    full_name: str
    role: str
    active: bool


@dataclass(frozen=True)
class Manifest:
    dialdesk_version: str
    revision: str
    created_at: datetime
    database: str  # where it was taken, as the admin would recognise it
    tables: dict[str, int]  # "schema.table" -> rows
    people: list[Person] = field(default_factory=list)

    def to_json(self) -> str:
        raw = asdict(self)
        raw["created_at"] = self.created_at.isoformat()
        return json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION, **raw},
                          ensure_ascii=False, indent=1)  # fmt: skip

    @classmethod
    def from_json(cls, text: str) -> "Manifest":
        try:
            raw: dict[str, Any] = json.loads(text)
            if raw.pop("format") != FORMAT:
                raise ValueError("not ours")
            if raw.pop("format_version") > FORMAT_VERSION:
                raise UserError("This backup was written by a newer DialDesk; update DialDesk.")
            raw["created_at"] = datetime.fromisoformat(raw["created_at"])
            raw["people"] = [Person(**person) for person in raw["people"]]
            raw["tables"] = {str(k): int(v) for k, v in raw["tables"].items()}
            return cls(**raw)
        except UserError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise UserError("This is not a DialDesk backup (its manifest is unreadable).") from exc


def tables_of(conn: Connection[Any]) -> list[str]:
    """Every table a backup carries: DialDesk's own and the schema revision."""
    rows = conn.execute(
        "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname = 'dialdesk' "
        "OR (schemaname = 'public' AND tablename = 'alembic_version') ORDER BY 1"
    ).fetchall()
    return [row[0] for row in rows]


def count_rows(conn: Connection[Any]) -> dict[str, int]:
    counts = {}
    for name in tables_of(conn):
        schema, table = name.split(".")
        query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(schema, table))
        row = conn.execute(query).fetchone()
        counts[name] = int(row[0]) if row else 0
    return counts


def people_of(conn: Connection[Any]) -> list[Person]:
    rows = conn.execute(
        "SELECT login, full_name, role, active FROM dialdesk.people ORDER BY login"
    ).fetchall()
    return [Person(*row) for row in rows]
