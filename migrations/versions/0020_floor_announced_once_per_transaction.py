"""Announce a change of the floor once per transaction, and only what a listener draws.

Every claim and save sent three to five notifications (the call, the entry saved, the entry
claimed, the callbacks), each with its own payload, and PostgreSQL serialises the commits
of transactions that notified.  The supervisor's monitor only needs "the floor changed":
calls, queue entries, operator states and callbacks now send one ``dialdesk_floor``
notification with an empty payload (``{}``) per statement that changed rows, and PostgreSQL folds
identical notifications of one transaction into one.  The operator's callbacks panel
needs to know whose callbacks changed: ``dialdesk_callbacks`` carries ``assigned_to``
once per person a transaction touched (before and after a reassignment), ``null`` for
shared ones.  A statement that changed nothing (a claim that found the queue empty)
announces nothing.

The monitor counts a claim whose lease has lapsed (the app killed, the network cut) as
back in the queue at once, by ``back_in_queue``'s rule: admins, who see the monitor too,
may now call it as supervisors could.

Revision ID: 0020
Revises: 0019
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FLOOR_TABLES = ("calls", "campaign_entries", "operator_states", "callbacks")
EVENTS = ("INSERT", "UPDATE", "DELETE")

FLOOR = """
CREATE FUNCTION dialdesk.notify_floor() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_rows) THEN
    PERFORM pg_notify('dialdesk_floor', '{}');
  END IF;
  RETURN NULL;
END $$
"""

CALLBACKS = """
CREATE FUNCTION dialdesk.notify_callbacks_people() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    FOR r IN SELECT assigned_to FROM changed_rows
             UNION SELECT assigned_to FROM old_rows LOOP
      PERFORM pg_notify('dialdesk_callbacks', json_build_object('assigned_to', r.assigned_to)::text);
    END LOOP;
  ELSE
    FOR r IN SELECT DISTINCT assigned_to FROM changed_rows LOOP
      PERFORM pg_notify('dialdesk_callbacks', json_build_object('assigned_to', r.assigned_to)::text);
    END LOOP;
  END IF;
  RETURN NULL;
END $$
"""


def _transition(event: str) -> str:
    if event == "INSERT":
        return "NEW TABLE AS changed_rows"
    if event == "DELETE":
        return "OLD TABLE AS changed_rows"
    return "OLD TABLE AS old_rows NEW TABLE AS changed_rows"


def _earlier(prefix: str) -> ModuleType:
    here = Path(__file__).parent
    spec = importlib.util.spec_from_file_location(f"m{prefix}", next(here.glob(f"{prefix}_*.py")))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BACK_IN_QUEUE = "dialdesk.back_in_queue(integer, integer)"


def upgrade() -> None:
    op.execute(f"GRANT EXECUTE ON FUNCTION {BACK_IN_QUEUE} TO dialdesk_admin")
    for event in ("insert", "delete"):  # 0012's per-statement summaries of the queue
        op.execute(f"DROP TRIGGER notify_{event} ON dialdesk.campaign_entries")
    op.execute("DROP FUNCTION dialdesk.notify_campaign_entries_bulk()")
    for table in FLOOR_TABLES:  # 0004's row by row announcements
        op.execute(f"DROP TRIGGER notify ON dialdesk.{table}")
        op.execute(f"DROP FUNCTION dialdesk.notify_{table}()")
    op.execute(FLOOR)
    op.execute(CALLBACKS)
    for table in FLOOR_TABLES:
        for event in EVENTS:
            op.execute(
                f"CREATE TRIGGER floor_{event.lower()} AFTER {event} ON dialdesk.{table} "
                f"REFERENCING {_transition(event)} FOR EACH STATEMENT "
                "EXECUTE FUNCTION dialdesk.notify_floor()"
            )
    for event in EVENTS:
        op.execute(
            f"CREATE TRIGGER people_{event.lower()} AFTER {event} ON dialdesk.callbacks "
            f"REFERENCING {_transition(event)} FOR EACH STATEMENT "
            "EXECUTE FUNCTION dialdesk.notify_callbacks_people()"
        )


def downgrade() -> None:
    op.execute(f"REVOKE EXECUTE ON FUNCTION {BACK_IN_QUEUE} FROM dialdesk_admin")
    for event in EVENTS:
        op.execute(f"DROP TRIGGER people_{event.lower()} ON dialdesk.callbacks")
        for table in FLOOR_TABLES:
            op.execute(f"DROP TRIGGER floor_{event.lower()} ON dialdesk.{table}")
    op.execute("DROP FUNCTION dialdesk.notify_callbacks_people()")
    op.execute("DROP FUNCTION dialdesk.notify_floor()")
    _earlier("0004").upgrade()
    _earlier("0012").upgrade()
