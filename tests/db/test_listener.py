"""Notifications reach a listening client when callbacks change (what a save announces:
tests/services/test_floor_notifications.py)."""

import threading
from datetime import UTC, datetime

from sqlalchemy import Engine, text

from dialdesk.db.listener import NotificationListener


def test_a_new_callback_is_announced(db: Engine, db_dsn: str) -> None:
    listener = NotificationListener(db_dsn, ("dialdesk_callbacks",))
    listener.connect()
    with db.begin() as conn:
        person = conn.execute(
            text(
                "INSERT INTO dialdesk.people (login, full_name, role) "
                "VALUES ('t_nobody', 'N', 'operator') RETURNING id"
            )
        ).scalar_one()
        company = conn.execute(
            text("INSERT INTO dialdesk.companies (name, name_key) VALUES ('A', 'a') RETURNING id")
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO dialdesk.callbacks (company_id, due_at, assigned_to, created_by) "
                "VALUES (:c, :due, :p, :p)"
            ),
            {"c": company, "due": datetime.now(UTC), "p": person},
        )
    received = list(listener.wait(timeout=2))
    listener.close()
    assert received == [("dialdesk_callbacks", {"assigned_to": person})]


def test_nothing_arrives_without_a_change(db_dsn: str) -> None:
    listener = NotificationListener(db_dsn, ("dialdesk_callbacks",))
    done = threading.Event()
    received = list(listener.wait(timeout=0.3))
    done.set()
    listener.close()
    assert received == []
