"""What the built-in server's data folder says about the server: its lock file, who runs it,
and the paths its programs can read.

PostgreSQL writes ``postmaster.pid`` when it starts and removes it when it stops. A file left
by a server that was killed names a process that is gone, or one that now belongs to
another program (process numbers are reused, on Windows quickly): PostgreSQL then refuses
to start ("another server might be running"). These helpers tell the cases apart.
"""

import hashlib
import locale
import logging
import os
import platform
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psutil

_log = logging.getLogger(__name__)

LOCK_FILE = "postmaster.pid"
_SERVER_NAMES = ("postgres", "postgres.exe")
# sockaddr_un.sun_path holds 108 bytes on Linux, 104 on macOS; keep a margin for the name
_SOCKET_PATH_LIMIT = 100
SERVER_ACCOUNT = "embedded_postgres"  # PostgreSQL refuses to run as root on POSIX


@dataclass(frozen=True)
class Postmaster:
    """The lines of ``postmaster.pid`` we use."""

    pid: int
    port: int
    socket_dir: str
    listen: str
    status: str


def read_lock_file(pgdata: Path) -> Postmaster | None:
    """The server's lock file, or None when there is none or it is cut short."""
    try:
        lines = (pgdata / LOCK_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return None
    if len(lines) < 8 or not lines[0].strip().isdigit() or not lines[3].strip().isdigit():
        return None
    return Postmaster(
        pid=int(lines[0]),
        port=int(lines[3]),
        socket_dir=lines[4].strip(),
        listen=lines[5].strip(),
        status=lines[7].strip(),
    )


def is_our_server(pid: int, pgdata: Path) -> bool:
    """True when ``pid`` is a live PostgreSQL server working in ``pgdata``."""
    try:
        process = psutil.Process(pid)
        if process.name() not in _SERVER_NAMES:
            return False
        try:
            return Path(process.cwd()).resolve() == pgdata.resolve()
        except (psutil.AccessDenied, OSError):
            return True  # a PostgreSQL server whose folder we may not read: assume it is ours
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return False
    except psutil.AccessDenied:
        return False


def running_server(pgdata: Path) -> Postmaster | None:
    """The server already running in ``pgdata`` (started by a DialDesk that may have died)."""
    found = read_lock_file(pgdata)
    if found is None or found.status != "ready" or not is_our_server(found.pid, pgdata):
        return None
    return found


def clear_stale_lock(pgdata: Path) -> None:
    """Remove the lock file (and socket lock) of a server that is no longer running."""
    found = read_lock_file(pgdata)
    path = pgdata / LOCK_FILE
    if not path.exists():
        return
    if found is not None and is_our_server(found.pid, pgdata):
        return  # alive, starting or stopping: PostgreSQL itself decides
    _log.warning("removing the lock file of a built-in server that is no longer running")
    path.unlink(missing_ok=True)
    if found is not None and found.socket_dir:
        socket = Path(found.socket_dir) / f".s.PGSQL.{found.port}"
        Path(f"{socket}.lock").unlink(missing_ok=True)
        socket.unlink(missing_ok=True)


def socket_dir_for(pgdata: Path) -> Path:
    """Where the server's Unix socket goes: its data folder, unless that path is too long."""
    if len(os.fsencode(pgdata / ".s.PGSQL.65535")) <= _SOCKET_PATH_LIMIT:
        return pgdata
    digest = hashlib.sha256(os.fsencode(pgdata)).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"dialdesk-{digest}"


def ansi_safe(path: Path) -> Path:
    """On Windows, a path PostgreSQL's programs can read.

    They take their arguments in the system's ANSI code page, which on an English Windows
    has no Cyrillic letters: ``C:\\Users\\Иванова Ольга`` would reach them as question
    marks. Such a path is replaced by its short (8.3) form, which is plain ASCII.
    """
    if platform.system() != "Windows" or fits_code_page(str(path), ansi_code_page()):
        return path
    return Path(short_path(str(path)))


def ansi_code_page() -> str:
    return locale.getpreferredencoding(False)


def fits_code_page(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def short_path(path: str) -> str:
    """The short (8.3) form of an existing Windows path; the path itself when there is none."""
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:  # not Windows
        return path
    size = windll.kernel32.GetShortPathNameW(path, None, 0)
    if not size:
        _log.warning("no short form for a path the server cannot read; it may fail to start")
        return path
    buffer = ctypes.create_unicode_buffer(size)
    windll.kernel32.GetShortPathNameW(path, buffer, size)
    return buffer.value


def needs_server_account() -> bool:
    """True when we run as root on POSIX, where PostgreSQL will not run."""
    return platform.system() != "Windows" and os.geteuid() == 0


def prepare_server_account(owned: list[Path], reachable: list[Path]) -> str:
    """Under root: make sure the server's own account exists, give it ``owned`` and let it
    pass through every folder above ``owned`` and ``reachable`` (the programs' folder)."""
    import pwd
    import subprocess

    try:
        entry = pwd.getpwnam(SERVER_ACCOUNT)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--shell", "/usr/sbin/nologin", SERVER_ACCOUNT],
            check=True,
            capture_output=True,
        )
        entry = pwd.getpwnam(SERVER_ACCOUNT)
    for path in [*owned, *reachable]:
        for parent in path.resolve().parents:
            mode = parent.stat().st_mode
            if mode & 0o011 != 0o011:
                parent.chmod(mode | 0o011)  # group and others may pass through (not list)
    for path in owned:
        os.chown(path, entry.pw_uid, entry.pw_gid)
    return SERVER_ACCOUNT
