"""Waiting for the database's notifications (``LISTEN``) on a connection of its own."""

import json
from collections.abc import Iterator
from typing import Any

import psycopg
from psycopg import sql


class NotificationListener:
    """Listens on ``channels``; ``wait()`` yields (channel, payload) as they arrive."""

    def __init__(self, dsn: str, channels: tuple[str, ...]) -> None:
        self._dsn = dsn
        self._channels = channels
        self._conn: psycopg.Connection[Any] | None = None

    def connect(self) -> None:
        self.close()
        conn = psycopg.connect(self._dsn, autocommit=True, connect_timeout=5)
        for channel in self._channels:
            conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
        self._conn = conn

    def wait(self, timeout: float) -> Iterator[tuple[str, dict[str, Any]]]:
        """Notifications that arrive within ``timeout`` seconds (raises if the link drops)."""
        if self._conn is None:
            self.connect()
        assert self._conn is not None
        for note in self._conn.notifies(timeout=timeout, stop_after=None):
            try:
                payload = json.loads(note.payload)
            except ValueError:
                payload = {"raw": note.payload}
            yield note.channel, payload

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
