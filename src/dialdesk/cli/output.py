"""How commands speak: plain lines for people, one JSON object for scripts."""

import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine

from dialdesk.db.engine import make_engine
from dialdesk.db.target import DatabaseTarget


def speak_utf8() -> None:
    """Write UTF-8 to pipes and files whatever the system's code page (Windows gives them
    cp1251 or cp1252, where Cyrillic is lost or fails); a console keeps its own encoding."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not isinstance(stream, io.TextIOWrapper) or stream.isatty():
            continue
        if stream.encoding.replace("-", "").lower() != "utf8":
            stream.reconfigure(encoding="utf-8", errors="replace")


def fail(message: str) -> int:
    print(f"dialdesk: {message}", file=sys.stderr)
    return 1


def print_json(payload: dict[str, Any]) -> None:
    print(json.dumps(payload, ensure_ascii=False, default=str))


@contextmanager
def admin_engine(dsn_option: str | None) -> Iterator[tuple[DatabaseTarget, Engine]]:
    """An engine on the chosen database, starting (and afterwards stopping) the built-in one."""
    target = DatabaseTarget.from_option(dsn_option)
    target.start()
    engine = make_engine(target.admin_dsn, pool_size=1)
    try:
        yield target, engine
    finally:
        engine.dispose()
        target.stop()
