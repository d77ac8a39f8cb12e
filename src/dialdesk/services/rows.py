"""Writing one settings row with SQLAlchemy Core against the models' tables, and text
matched literally by LIKE.

Campaigns, codes, questions and segments are created and changed through these: the
columns come from the table the models declare, so a misspelt column fails at once, not as
SQL built from dictionary keys.
"""

from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, update

from dialdesk.errors import UserError


def table_of(model: Any) -> Table:
    """The table a model class declares."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def insert_row(conn: Connection, table: Table, values: dict[str, Any]) -> int:
    """Add a row to ``table``; its new id."""
    return int(conn.execute(insert(table).values(values).returning(table.c.id)).scalar_one())


def update_row(conn: Connection, table: Table, values: dict[str, Any], row_id: int) -> bool:
    """Change row ``row_id`` of ``table``; False when there is no such row."""
    changed = conn.execute(update(table).where(table.c.id == row_id).values(values)).rowcount
    return bool(changed)


def refuse_taken(
    conn: Connection, column: Any, value: str, row_id: int | None, taken: str, **fields: str
) -> None:
    """Values of ``column`` are unique whatever their case: refuse ``value`` when another
    row than ``row_id`` has it, with the template ``taken``."""
    table = column.table
    clash = conn.execute(
        select(table.c.id).where(
            func.lower(column) == func.lower(value), table.c.id.is_distinct_from(row_id)
        )
    ).first()
    if clash:
        raise UserError(taken, **fields)


def like_literal(text_part: str) -> str:
    """Text for LIKE/ILIKE matched as typed: backslash, % and _ are not wildcards."""
    return text_part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
