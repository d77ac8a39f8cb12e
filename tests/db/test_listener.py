"""Notifications reach a listening client when callbacks change."""

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
    assert [(channel, p["op"], p["assigned_to"]) for channel, p in received] == [
        ("dialdesk_callbacks", "INSERT", person)
    ]


def test_nothing_arrives_without_a_change(db_dsn: str) -> None:
    listener = NotificationListener(db_dsn, ("dialdesk_callbacks",))
    done = threading.Event()
    received = list(listener.wait(timeout=0.3))
    done.set()
    listener.close()
    assert received == []


def test_queue_entries_added_in_bulk_are_announced_once_per_campaign(
    db: Engine, db_dsn: str
) -> None:
    listener = NotificationListener(db_dsn, ("dialdesk_entries",))
    listener.connect()
    with db.begin() as conn:
        campaign = conn.execute(
            text("INSERT INTO dialdesk.campaigns (name) VALUES ('Массовая') RETURNING id")
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO dialdesk.companies (name, name_key) "
                "SELECT 'Компания ' || g, 'компания ' || g FROM generate_series(1, 500) g"
            )
        )
        conn.execute(
            text(
                "INSERT INTO dialdesk.campaign_entries (campaign_id, company_id) "
                "SELECT :k, id FROM dialdesk.companies"
            ),
            {"k": campaign},
        )
    with db.begin() as conn:  # one claim: announced row by row, with its state
        conn.execute(
            text(
                "UPDATE dialdesk.campaign_entries SET state = 'done' "
                "WHERE id = (SELECT min(id) FROM dialdesk.campaign_entries)"
            )
        )
    received = [payload for _, payload in listener.wait(timeout=2)]
    listener.close()
    assert received[0] == {"op": "INSERT", "campaign_id": campaign, "count": 500}
    assert [(p["op"], p["state"]) for p in received[1:]] == [("UPDATE", "done")]
