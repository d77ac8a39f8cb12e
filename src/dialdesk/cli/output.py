"""How commands speak: plain lines for people, one JSON object for scripts."""

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine

from dialdesk.db.engine import make_engine
from dialdesk.db.target import DatabaseTarget


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
