"""Writing one settings row from a dict of its columns, and text matched literally by LIKE."""

from typing import Any

from sqlalchemy import Connection, text

from dialdesk.errors import UserError


def insert_row(conn: Connection, table: str, values: dict[str, Any]) -> int:
    """Add a row to ``dialdesk.<table>``; its new id."""
    columns = list(values)
    return int(
        conn.execute(
            text(
                f"INSERT INTO dialdesk.{table} ({', '.join(columns)}) "
                f"VALUES ({', '.join(':' + c for c in columns)}) RETURNING id"
            ),
            values,
        ).scalar_one()
    )


def update_row(conn: Connection, table: str, values: dict[str, Any], row_id: int) -> bool:
    """Change row ``row_id`` of ``dialdesk.<table>``; False when there is no such row."""
    assignments = ", ".join(f"{c} = :{c}" for c in values)
    changed = conn.execute(
        text(f"UPDATE dialdesk.{table} SET {assignments} WHERE id = :row_id"),
        {**values, "row_id": row_id},
    ).rowcount
    return bool(changed)


def refuse_taken_name(
    conn: Connection, table: str, name: str, row_id: int | None, taken: str
) -> None:
    """Names in ``dialdesk.<table>`` are unique whatever their case: refuse ``name`` when
    another row than ``row_id`` has it, with the template ``taken`` (``{name}`` filled)."""
    clash = conn.execute(
        text(
            f"SELECT 1 FROM dialdesk.{table} WHERE lower(name) = lower(:name) "
            "AND id IS DISTINCT FROM :id"
        ),
        {"name": name, "id": row_id},
    ).first()
    if clash:
        raise UserError(taken, name=name)


def like_literal(text_part: str) -> str:
    """Text for LIKE/ILIKE matched as typed: backslash, % and _ are not wildcards."""
    return text_part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
