"""What a supervisor does from the monitor: free a stuck claim, hand a callback to someone
else (or to anyone), set an operator's plan for a day.  The database decides who may."""

from datetime import date

from sqlalchemy import Engine, text

from dialdesk.services.errors import UserError, plain_database_errors
from dialdesk.services.queue import UNCLAIM


def release_stuck_claim(engine: Engine, person_id: int) -> int:
    """Give back to the queue every company ``person_id`` holds; how many there were."""
    with plain_database_errors(), engine.begin() as conn:
        released = conn.execute(
            text(
                f"UPDATE dialdesk.campaign_entries e {UNCLAIM} "
                "WHERE e.state = 'claimed' AND e.claimed_by = :p"
            ),
            {"p": person_id},
        ).rowcount
    return int(released)


def reassign_callback(engine: Engine, callback_id: int, person_id: int | None) -> None:
    """Give a pending callback to ``person_id``, or to anyone when None."""
    with plain_database_errors(), engine.begin() as conn:
        changed = conn.execute(
            text(
                "UPDATE dialdesk.callbacks SET assigned_to = :p WHERE id = :c AND state = 'pending'"
            ),
            {"p": person_id, "c": callback_id},
        ).rowcount
    if not changed:
        raise UserError(
            "Callback {callback} is no longer waiting; it was not changed.", callback=callback_id
        )


def set_plan(engine: Engine, person_id: int, day: date, calls: int, contacts: int) -> None:
    """An operator's targets for ``day`` (replacing earlier ones)."""
    if calls < 0 or contacts < 0:
        raise UserError("A plan cannot be negative.")
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.operator_plans (person_id, day, calls_target, "
                "contacts_target) VALUES (:p, :d, :calls, :contacts) "
                "ON CONFLICT (person_id, day) DO UPDATE SET "
                "calls_target = EXCLUDED.calls_target, contacts_target = EXCLUDED.contacts_target"
            ),
            {"p": person_id, "d": day, "calls": calls, "contacts": contacts},
        )
