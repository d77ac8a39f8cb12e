"""Dropping a person's login for good (test and benchmark clean-up; DialDesk itself only
disables people): since migration 0019 each login holds CONNECT on its database, which
must go first."""

import psycopg
from psycopg import sql


def drop_login(conn: psycopg.Connection, login: str) -> None:
    """Drop ``login`` when it exists, with its rights on the database ``conn`` is in."""
    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [login]).fetchone() is None:
        return
    conn.execute(
        sql.SQL("REVOKE ALL ON DATABASE {} FROM {}").format(
            sql.Identifier(conn.info.dbname), sql.Identifier(login)
        )
    )
    conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(login)))
