"""Announce bulk changes to the queue once per statement, not once per row.

An import adds tens of thousands of entries in one statement; a notification for each row
cost seconds and told a listening monitor nothing more than "campaign N grew".  Rows added
or removed now send one notification per campaign and statement, with the count; updates
(claims, outcomes: one row at a time) still send one per row.

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUMMARY = """
CREATE FUNCTION dialdesk.notify_campaign_entries_bulk() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT campaign_id, count(*) AS n FROM changed_rows GROUP BY campaign_id LOOP
    PERFORM pg_notify('dialdesk_entries', json_build_object(
      'op', TG_OP, 'campaign_id', r.campaign_id, 'count', r.n)::text);
  END LOOP;
  RETURN NULL;
END $$
"""


def upgrade() -> None:
    op.execute("DROP TRIGGER notify ON dialdesk.campaign_entries")
    op.execute(
        "CREATE TRIGGER notify AFTER UPDATE ON dialdesk.campaign_entries "
        "FOR EACH ROW EXECUTE FUNCTION dialdesk.notify_campaign_entries()"
    )
    op.execute(SUMMARY)
    for event, table in (("INSERT", "NEW"), ("DELETE", "OLD")):
        op.execute(
            f"CREATE TRIGGER notify_{event.lower()} AFTER {event} ON dialdesk.campaign_entries "
            f"REFERENCING {table} TABLE AS changed_rows FOR EACH STATEMENT "
            "EXECUTE FUNCTION dialdesk.notify_campaign_entries_bulk()"
        )


def downgrade() -> None:
    for event in ("insert", "delete"):
        op.execute(f"DROP TRIGGER notify_{event} ON dialdesk.campaign_entries")
    op.execute("DROP FUNCTION dialdesk.notify_campaign_entries_bulk()")
    op.execute("DROP TRIGGER notify ON dialdesk.campaign_entries")
    op.execute(
        "CREATE TRIGGER notify AFTER INSERT OR UPDATE OR DELETE ON dialdesk.campaign_entries "
        "FOR EACH ROW EXECUTE FUNCTION dialdesk.notify_campaign_entries()"
    )
