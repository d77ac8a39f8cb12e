"""The rights written down in ``src/dialdesk/db/permissions.md`` are the database's, cell by
cell: each read, add, change and delete is tried over a real login of each role."""

import re
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from tests.conftest import Logins

MATRIX = Path(__file__).parents[2] / "src" / "dialdesk" / "db" / "permissions.md"
ROLES = ("operator", "supervisor", "marketer", "expert", "admin")
CELL = re.compile(r"([SIUD])(?:\(([^)]*)\))?")


def _matrix() -> dict[str, dict[str, dict[str, set[str] | None]]]:
    """table -> role -> privilege letter -> the columns it is limited to (None: all)."""
    lines = MATRIX.read_text(encoding="utf-8").splitlines()
    start = lines.index("| table | operator | supervisor | marketer | expert | admin | rows |")
    matrix = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        table, *cells = (c.strip() for c in line.strip("|").split("|"))
        matrix[table] = {
            role: {
                m.group(1): None
                if m.group(2) is None
                else {c.strip() for c in m.group(2).split(",")}
                for m in CELL.finditer(cell)
            }
            for role, cell in zip(ROLES, cells[: len(ROLES)], strict=True)
        }
    return matrix


def _columns(db: Engine) -> dict[str, list[str]]:
    with db.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = 'dialdesk' ORDER BY table_name, ordinal_position"
            )
        ).all()
    columns: dict[str, list[str]] = {}
    for table, column in rows:
        columns.setdefault(table, []).append(column)
    return columns


def _allowed(engine: Engine, statement: str) -> bool:
    """Whether the login may run ``statement`` (which touches no row), rolled back."""
    with engine.connect() as conn:
        try:
            conn.execute(text(statement))
        except DBAPIError as error:
            assert isinstance(error.orig, psycopg.errors.InsufficientPrivilege), error
            return False
        finally:
            conn.rollback()
    return True


def test_every_table_is_in_the_matrix(db: Engine) -> None:
    assert set(_matrix()) == set(_columns(db))


@pytest.mark.parametrize("role", ROLES)
def test_each_cell_of_the_matrix_holds_over_a_real_login(
    db: Engine, logins: Logins, role: str
) -> None:
    engine = logins.as_role(role)
    columns = _columns(db)
    wrong = []
    for table, rights in _matrix().items():
        mine = rights[role]
        name = f"dialdesk.{table}"
        checks = {
            "S": f"SELECT 1 FROM {name} WHERE false",
            "I": f"INSERT INTO {name} SELECT * FROM {name} WHERE false",
            "D": f"DELETE FROM {name} WHERE false",
        }
        insertable = mine.get("I")
        if insertable:  # only these columns: a row of every column is refused
            listed = ", ".join(sorted(insertable))
            if not _allowed(
                engine, f"INSERT INTO {name} ({listed}) SELECT {listed} FROM {name} WHERE false"
            ):
                wrong.append(f"{table} I({listed}): refused")
            mine = {k: v for k, v in mine.items() if k != "I"}
        for letter, statement in checks.items():
            if _allowed(engine, statement) != (letter in mine):
                wrong.append(f"{table} {letter}: {'granted' if letter not in mine else 'refused'}")
        editable = mine.get("U", set())
        for column in columns[table]:
            expected = "U" in mine and (editable is None or column in editable)
            statement = f"UPDATE {name} SET {column} = {column} WHERE false"
            if _allowed(engine, statement) != expected:
                wrong.append(f"{table}.{column} U: {'granted' if not expected else 'refused'}")
        for extra in ("TRUNCATE", "TRIGGER", "REFERENCES"):
            with engine.connect() as conn:
                held = conn.execute(
                    text("SELECT has_table_privilege(:t, :p)"), {"t": name, "p": extra}
                ).scalar_one()
            if held:
                wrong.append(f"{table} {extra}: granted")
    assert wrong == []
