"""Claim the next company in one call to the database.

"Next" used to send six statements (return abandoned claims, resume my own claim, my due
callbacks, shared ones, fresh and retry entries, take the entry), each a round trip and a
plan.  ``claim_next`` runs the same steps inside the server, in the caller's transaction
and with the caller's rights (row-level security still applies), and returns the claim.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUPS = "dialdesk_operator, dialdesk_supervisor, dialdesk_marketer, dialdesk_admin"
SIGNATURE = "dialdesk.claim_next(integer, integer, timestamptz, date[])"

# A due callback whose company has a callable phone inside calling hours, in an active
# campaign open to this operator, on an entry nobody else holds.
DUE_CALLBACK = """
    SELECT e.id, cb.id INTO v_entry, v_callback
    FROM dialdesk.callbacks cb
    JOIN dialdesk.campaign_entries e ON e.id = cb.entry_id
    JOIN dialdesk.campaigns c ON c.id = e.campaign_id
    CROSS JOIN LATERAL (
        SELECT coalesce(p.time_zone, 'Europe/Moscow') AS tz
        FROM dialdesk.phones p
        WHERE p.company_id = e.company_id AND NOT p.is_dead AND p.e164 IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM dialdesk.do_not_call d WHERE d.e164 = p.e164)
        ORDER BY p.id
        LIMIT 1
    ) ph
    WHERE cb.state = 'pending' AND cb.due_at <= p_now AND e.state <> 'done'
      AND (e.claimed_by IS NULL OR e.claimed_by = p_me)
      AND ({who})
      AND c.is_active
      AND (p_campaign IS NULL OR c.id = p_campaign)
      AND (NOT EXISTS (SELECT 1 FROM dialdesk.campaign_operators co
                       WHERE co.campaign_id = c.id)
           OR EXISTS (SELECT 1 FROM dialdesk.campaign_operators co
                      WHERE co.campaign_id = c.id AND co.person_id = p_me))
      AND (p_now AT TIME ZONE ph.tz)::time >= c.calling_hours_start
      AND (p_now AT TIME ZONE ph.tz)::time < c.calling_hours_end
      AND (NOT c.working_days_only OR (p_now AT TIME ZONE ph.tz)::date <> ALL(p_days_off))
    ORDER BY cb.due_at, cb.id
    LIMIT 1
    FOR UPDATE OF e SKIP LOCKED;
"""
MINE = "cb.assigned_to = p_me"
SHARED = (
    "cb.assigned_to IS NULL OR cb.due_at + make_interval(mins => c.callback_grace_minutes) < p_now"
)

FUNCTION = f"""
CREATE FUNCTION dialdesk.claim_next(
    p_me integer, p_campaign integer, p_now timestamptz, p_days_off date[])
RETURNS TABLE (entry_id integer, company_id integer, campaign_id integer,
               callback_id integer, lease_expires_at timestamptz)
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
-- Lease the next company to p_me: my live claim (after a restart), my due callbacks,
-- shared ones (and colleagues' left past the grace period), then fresh and retry entries.
DECLARE
  v_entry integer;
  v_callback integer;
BEGIN
  -- claims abandoned past their lease go back to the queue first
  UPDATE dialdesk.campaign_entries e
  SET state = CASE
          WHEN EXISTS (SELECT 1 FROM dialdesk.callbacks cb
                       WHERE cb.entry_id = e.id AND cb.state = 'pending') THEN 'callback'
          WHEN e.attempts > 0 THEN 'retry'
          ELSE 'fresh' END,
      claimed_by = NULL,
      lease_expires_at = NULL
  WHERE e.state = 'claimed' AND e.lease_expires_at < p_now;

  SELECT e.id INTO v_entry
  FROM dialdesk.campaign_entries e
  WHERE e.state = 'claimed' AND e.claimed_by = p_me AND e.lease_expires_at >= p_now
  ORDER BY e.id
  LIMIT 1
  FOR UPDATE OF e SKIP LOCKED;
  IF v_entry IS NOT NULL THEN
    SELECT cb.id INTO v_callback
    FROM dialdesk.callbacks cb
    WHERE cb.entry_id = v_entry AND cb.state = 'pending' AND cb.due_at <= p_now
    ORDER BY cb.due_at
    LIMIT 1;
  END IF;
  IF v_entry IS NULL THEN
    {DUE_CALLBACK.format(who=MINE)}
  END IF;
  IF v_entry IS NULL THEN
    {DUE_CALLBACK.format(who=SHARED)}
  END IF;
  IF v_entry IS NULL THEN
    v_entry := dialdesk.next_queue_entry(p_me, p_campaign, p_now, p_days_off);
  END IF;
  IF v_entry IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
  UPDATE dialdesk.campaign_entries e
  SET state = 'claimed', claimed_by = p_me,
      lease_expires_at = p_now + make_interval(mins => c.lease_minutes)
  FROM dialdesk.campaigns c
  WHERE e.id = v_entry AND c.id = e.campaign_id
  RETURNING e.id, e.company_id, e.campaign_id, v_callback, e.lease_expires_at;
END
$$
"""


def upgrade() -> None:
    op.execute(FUNCTION)
    op.execute(f"REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {SIGNATURE} TO {GROUPS}")


def downgrade() -> None:
    op.execute(f"DROP FUNCTION {SIGNATURE}")
