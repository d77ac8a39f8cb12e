"""Save a finished call in one call to the database, with plans kept between calls.

Saving an outcome used to send six to eight statements; ``record_outcome`` now writes the
call, its answers, the callback taken and the next one, the hand-off, the retry schedule
and the company's group inside the server, in the caller's transaction and with the
caller's rights.  A refusal carries HINT ``dialdesk:KEY`` so the client shows it in the
person's language.  Both queue functions keep one generic plan per statement instead of
planning every statement again on every call (planning cost more than running them).

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GROUPS = "dialdesk_operator, dialdesk_supervisor, dialdesk_marketer, dialdesk_admin"
SIGNATURE = (
    "dialdesk.record_outcome(integer, uuid, integer, text, timestamptz, timestamptz, integer, "
    "text, text, integer, jsonb, timestamptz, text, boolean, integer, integer)"
)
QUEUE_FUNCTIONS = (
    "dialdesk.claim_next(integer, integer, timestamptz, date[])",
    "dialdesk.next_queue_entry(integer, integer, timestamptz, date[])",
)

FUNCTION = """
CREATE FUNCTION dialdesk.record_outcome(
    p_me integer, p_client_id uuid, p_entry integer, p_code text,
    p_started timestamptz, p_ended timestamptz, p_phone integer, p_comment text,
    p_spoke_with text, p_person integer, p_answers jsonb,
    p_next_due timestamptz, p_next_kind text, p_next_for_me boolean,
    p_expert integer, p_callback integer)
RETURNS TABLE (call_id bigint, entry_state text, already_saved boolean)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
-- Everything that follows from one call, exactly once per client-made id.
DECLARE
  r record;
  v_call bigint;
  v_state text;
  v_next timestamptz;
  v_attempts integer;
BEGIN
  -- lock the entry first: a second save of the same call waits here, then finds it saved
  SELECT o.id, o.is_contact, o.is_final, o.hands_to_expert, o.needs_callback,
         o.retry_after_days, o.max_attempts, o.marks_phone_dead,
         e.company_id, e.attempts, e.claimed_by, e.state::text AS state,
         c.retry_delay_minutes, c.max_attempts AS campaign_max_attempts,
         (SELECT k.id FROM dialdesk.calls k WHERE k.client_id = p_client_id) AS saved_call_id
  INTO r
  FROM dialdesk.outcome_definitions o,
       dialdesk.campaign_entries e JOIN dialdesk.campaigns c ON c.id = e.campaign_id
  WHERE o.code = p_code AND e.id = p_entry
  FOR UPDATE OF e;
  IF NOT FOUND THEN
    -- saved before, and the company has since gone to someone else: still a success
    RETURN QUERY
      SELECT k.id, e.state::text, true
      FROM dialdesk.calls k LEFT JOIN dialdesk.campaign_entries e ON e.id = k.entry_id
      WHERE k.client_id = p_client_id;
    IF FOUND THEN
      RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM dialdesk.campaign_entries e
               WHERE e.id = p_entry AND e.claimed_by IS NOT NULL) THEN
      RAISE EXCEPTION 'company % is held by another operator', p_entry
        USING ERRCODE = 'P0001', HINT = 'dialdesk:held_by_another';
    END IF;
    RAISE EXCEPTION 'unknown outcome % or queue entry %', p_code, p_entry
      USING ERRCODE = 'P0001', HINT = 'dialdesk:unknown_outcome_or_entry',
            DETAIL = json_build_object('code', p_code, 'entry', p_entry)::text;
  END IF;
  IF r.saved_call_id IS NOT NULL THEN
    RETURN QUERY SELECT r.saved_call_id, r.state, true;
    RETURN;
  END IF;
  IF r.is_contact AND coalesce(btrim(p_spoke_with), '') = '' THEN
    RAISE EXCEPTION 'outcome % needs whom the operator spoke with', p_code
      USING ERRCODE = 'P0001', HINT = 'dialdesk:spoke_with_required';
  END IF;
  IF r.needs_callback AND p_next_due IS NULL THEN
    RAISE EXCEPTION 'outcome % needs the next contact', p_code
      USING ERRCODE = 'P0001', HINT = 'dialdesk:next_contact_required';
  END IF;
  IF r.claimed_by IS NOT NULL AND r.claimed_by <> p_me THEN
    RAISE EXCEPTION 'company % is held by another operator', p_entry
      USING ERRCODE = 'P0001', HINT = 'dialdesk:held_by_another';
  END IF;

  INSERT INTO dialdesk.calls (client_id, entry_id, campaign_id, company_id, phone_id,
      operator_id, contact_person_id, spoke_with, started_at, ended_at, outcome_id, comment)
  SELECT p_client_id, p_entry, e.campaign_id, e.company_id, p_phone, p_me, p_person,
      nullif(btrim(p_spoke_with), ''), p_started, p_ended, r.id, nullif(btrim(p_comment), '')
  FROM dialdesk.campaign_entries e WHERE e.id = p_entry
  RETURNING id INTO v_call;
  INSERT INTO dialdesk.answers (call_id, question_id, value)
  SELECT v_call, a.key::integer, btrim(a.value)
  FROM jsonb_each_text(coalesce(p_answers, '{}')) a
  WHERE btrim(a.value) <> '';

  IF p_callback IS NOT NULL THEN
    UPDATE dialdesk.callbacks
    SET state = 'done', taken_by = p_me, done_at = now(), done_call_id = v_call
    WHERE id = p_callback AND state = 'pending';
  END IF;
  IF r.marks_phone_dead AND p_phone IS NOT NULL THEN
    UPDATE dialdesk.phones SET is_dead = true WHERE id = p_phone;
  END IF;
  v_attempts := r.attempts + 1;
  IF p_next_due IS NOT NULL THEN
    INSERT INTO dialdesk.callbacks (company_id, entry_id, call_id, due_at, assigned_to,
        created_by, kind)
    VALUES (r.company_id, p_entry, v_call, p_next_due,
        CASE WHEN p_next_for_me THEN p_me END, p_me, p_next_kind);
    v_state := 'callback';
  ELSIF r.is_final OR r.marks_phone_dead THEN
    v_state := 'done';
  ELSIF r.retry_after_days IS NOT NULL THEN
    v_state := 'retry';
    v_next := now() + make_interval(days => r.retry_after_days);
  ELSIF NOT r.is_contact THEN
    IF v_attempts >= coalesce(nullif(r.max_attempts, 0), r.campaign_max_attempts) THEN
      v_state := 'done';
    ELSE
      v_state := 'retry';
      v_next := now() + make_interval(mins => r.retry_delay_minutes);
    END IF;
  ELSE
    v_state := 'done';
  END IF;
  IF r.hands_to_expert AND p_expert IS NOT NULL THEN
    INSERT INTO dialdesk.handoffs (company_id, call_id, expert_id, created_by, note)
    VALUES (r.company_id, v_call, p_expert, p_me, nullif(btrim(p_comment), ''));
  END IF;
  UPDATE dialdesk.campaign_entries
  SET state = v_state, attempts = v_attempts, next_attempt_at = v_next,
      last_outcome_id = r.id, claimed_by = NULL, lease_expires_at = NULL
  WHERE id = p_entry;
  UPDATE dialdesk.companies
  SET current_outcome_id = r.id,
      group_changed_at = CASE WHEN current_outcome_id IS DISTINCT FROM r.id
                              THEN now() ELSE group_changed_at END
  WHERE id = r.company_id;
  RETURN QUERY SELECT v_call, v_state, false;
END
$$
"""


def upgrade() -> None:
    op.execute(FUNCTION)
    op.execute(f"REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {SIGNATURE} TO {GROUPS}")
    for function in QUEUE_FUNCTIONS:
        op.execute(f"ALTER FUNCTION {function} SET plan_cache_mode = force_generic_plan")


def downgrade() -> None:
    for function in QUEUE_FUNCTIONS:
        op.execute(f"ALTER FUNCTION {function} RESET plan_cache_mode")
    op.execute(f"DROP FUNCTION {SIGNATURE}")
