"""Companies are archived, not deleted: out of every queue and callback list, their history
kept, and back again in one step.

``set_archived(companies, archived)`` runs with the owner's rights for marketers and admins
(nobody changes ``archived_at`` directly).  Archiving closes the company's open queue
entries, remembering what each was (``state_before_archive``), and cancels its pending
callbacks (``cancelled_by_archive``); bringing it back restores both.  A company on an
operator's card right now is left alone and counted.  Segments and imports leave archived
companies out of campaigns.

Revision ID: 0022
Revises: 0021
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SIGNATURE = "dialdesk.set_archived(integer[], boolean)"

SET_ARCHIVED = """
CREATE FUNCTION dialdesk.set_archived(p_companies integer[], p_archived boolean)
RETURNS TABLE (changed integer, held integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_held integer[];
  v_ids integer[];
BEGIN
  -- a company on an operator's card right now stays as it is
  SELECT coalesce(array_agg(DISTINCT e.company_id), '{}') INTO v_held
  FROM dialdesk.campaign_entries e
  WHERE e.company_id = ANY(p_companies) AND e.state = 'claimed'
    AND e.lease_expires_at >= now();
  IF p_archived THEN
    WITH moved AS (
      UPDATE dialdesk.companies c
      SET archived_at = now(),
          archived_by = (SELECT p.id FROM dialdesk.people p WHERE p.login = session_user)
      WHERE c.id = ANY(p_companies) AND c.archived_at IS NULL AND c.id <> ALL(v_held)
      RETURNING c.id)
    SELECT coalesce(array_agg(id), '{}') INTO v_ids FROM moved;
    UPDATE dialdesk.campaign_entries e
    SET state_before_archive = CASE WHEN e.state = 'claimed'
                                    THEN dialdesk.back_in_queue(e.id, e.attempts)
                                    ELSE e.state END,
        state = 'done', claimed_by = NULL, lease_expires_at = NULL
    WHERE e.company_id = ANY(v_ids) AND e.state <> 'done';
    UPDATE dialdesk.callbacks
    SET state = 'cancelled', cancelled_by_archive = true
    WHERE company_id = ANY(v_ids) AND state = 'pending';
  ELSE
    WITH moved AS (
      UPDATE dialdesk.companies c SET archived_at = NULL, archived_by = NULL
      WHERE c.id = ANY(p_companies) AND c.archived_at IS NOT NULL
      RETURNING c.id)
    SELECT coalesce(array_agg(id), '{}') INTO v_ids FROM moved;
    UPDATE dialdesk.callbacks
    SET state = 'pending', cancelled_by_archive = false
    WHERE company_id = ANY(v_ids) AND cancelled_by_archive;
    UPDATE dialdesk.campaign_entries
    SET state = state_before_archive, state_before_archive = NULL
    WHERE company_id = ANY(v_ids) AND state_before_archive IS NOT NULL;
  END IF;
  RETURN QUERY SELECT cardinality(v_ids), cardinality(v_held);
END $$
"""


def upgrade() -> None:
    op.execute(
        "ALTER TABLE dialdesk.companies ADD COLUMN archived_at timestamptz, "
        "ADD COLUMN archived_by integer CONSTRAINT fk_companies_archived_by_people "
        "REFERENCES dialdesk.people (id)"
    )
    op.execute("ALTER TABLE dialdesk.campaign_entries ADD COLUMN state_before_archive varchar(12)")
    op.execute(
        "ALTER TABLE dialdesk.callbacks "
        "ADD COLUMN cancelled_by_archive boolean DEFAULT false NOT NULL"
    )
    op.execute(SET_ARCHIVED)
    op.execute(f"REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {SIGNATURE} TO dialdesk_marketer, dialdesk_admin")


def downgrade() -> None:
    op.execute(f"DROP FUNCTION {SIGNATURE}")
    op.execute("ALTER TABLE dialdesk.callbacks DROP COLUMN cancelled_by_archive")
    op.execute("ALTER TABLE dialdesk.campaign_entries DROP COLUMN state_before_archive")
    op.execute("ALTER TABLE dialdesk.companies DROP COLUMN archived_by, DROP COLUMN archived_at")
