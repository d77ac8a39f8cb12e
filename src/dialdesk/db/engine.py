"""Engines and sessions: one engine per login, one session per unit of work."""

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from dialdesk.db.dsn import sqlalchemy_url


def make_engine(dsn: str, *, pool_size: int = 3) -> Engine:
    """An engine for ``dsn``; search_path puts the ``dialdesk`` schema first."""
    return create_engine(
        sqlalchemy_url(dsn),
        pool_size=pool_size,
        pool_pre_ping=True,
        connect_args={
            "application_name": "dialdesk",
            "options": "-c search_path=dialdesk,public",
            "connect_timeout": 10,
        },
    )


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
