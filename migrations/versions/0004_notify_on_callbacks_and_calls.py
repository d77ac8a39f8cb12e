"""Tell listening clients when callbacks, calls, claims and operator states change.

The operator's callback panel and the supervisor's monitor redraw on these notifications
instead of polling the server.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> (channel, columns sent along)
NOTIFIED = {
    "callbacks": ("dialdesk_callbacks", ("id", "assigned_to", "state", "due_at")),
    "calls": ("dialdesk_calls", ("id", "operator_id", "campaign_id")),
    "campaign_entries": ("dialdesk_entries", ("id", "campaign_id", "state", "claimed_by")),
    "operator_states": ("dialdesk_operator_states", ("id", "person_id", "state")),
}


def upgrade() -> None:
    for table, (channel, columns) in NOTIFIED.items():
        fields = ", ".join(f"'{c}', r.{c}" for c in columns)
        op.execute(
            f"""
            CREATE FUNCTION dialdesk.notify_{table}() RETURNS trigger
            LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
            DECLARE
              r record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            BEGIN
              PERFORM pg_notify('{channel}', json_build_object('op', TG_OP, {fields})::text);
              RETURN NULL;
            END $$
            """
        )
        op.execute(
            f"CREATE TRIGGER notify AFTER INSERT OR UPDATE OR DELETE ON dialdesk.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION dialdesk.notify_{table}()"
        )


def downgrade() -> None:
    for table in NOTIFIED:
        op.execute(f"DROP TRIGGER notify ON dialdesk.{table}")
        op.execute(f"DROP FUNCTION dialdesk.notify_{table}()")
