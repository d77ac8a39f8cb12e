"""Which database: ``--dsn``, else ``DIALDESK_DSN``, else the settings file, else embedded."""

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from psycopg.conninfo import conninfo_to_dict, make_conninfo

from dialdesk.settings import Settings

ENV_VAR = "DIALDESK_DSN"


@dataclass(frozen=True)
class DatabaseChoice:
    """The database chosen, and where the choice came from (for the window title and errors)."""

    source: str  # "option", "environment", "settings" or "embedded"
    dsn: str | None  # None for the embedded server, whose address is known once it runs


def choose_database(option: str | None, settings_path: Path | None = None) -> DatabaseChoice:
    if option:
        return DatabaseChoice("option", option)
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return DatabaseChoice("environment", env)
    settings = Settings.load(settings_path)
    if settings.server_dsn.strip():
        return DatabaseChoice("settings", settings.server_dsn.strip())
    return DatabaseChoice("embedded", None)


def with_credentials(dsn: str, user: str, password: str | None) -> str:
    """Return ``dsn`` logging in as ``user`` (the person's own PostgreSQL login)."""
    params = conninfo_to_dict(dsn)
    params["user"] = user
    if password is not None:
        params["password"] = password
    else:
        params.pop("password", None)
    return make_conninfo("", **{k: v for k, v in params.items() if v is not None})


def describe(dsn: str) -> str:
    """A short human-readable address, never showing the password."""
    params = conninfo_to_dict(dsn)
    host = str(params.get("host") or "localhost")
    if host.startswith("/"):
        host = "local socket"
    port = params.get("port")
    dbname = params.get("dbname") or params.get("user") or ""
    where = f"{host}:{port}" if port else host
    return f"{dbname} @ {where}"


def sqlalchemy_url(dsn: str) -> str:
    """SQLAlchemy URL for any libpq DSN (URI or key=value), using psycopg 3."""
    conninfo = make_conninfo(dsn)
    return "postgresql+psycopg:///?" + "&".join(
        f"{quote(k)}={quote(str(v), safe='')}"
        for k, v in conninfo_to_dict(conninfo).items()
        if v is not None
    )
