"""Engines and sessions: one engine per login, one session per unit of work."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, create_engine

from dialdesk.db.dsn import sqlalchemy_url


def make_engine(dsn: str, *, pool_size: int = 3, max_overflow: int = 10) -> Engine:
    """An engine for ``dsn``; search_path puts the ``dialdesk`` schema first."""
    return create_engine(
        sqlalchemy_url(dsn),
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=True,
        connect_args={
            "application_name": "dialdesk",
            "options": "-c search_path=dialdesk,public",
            "connect_timeout": 10,
        },
    )


@contextmanager
def read_snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection whose statements all see the database at one moment, for reading only
    (the monitor, reports).  No JIT: on reads like these PostgreSQL may spend half a second
    compiling a query that runs in tens of milliseconds."""
    with engine.connect() as conn:
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        conn.exec_driver_sql("SET LOCAL jit = off")
        yield conn
