CREATE OR REPLACE FUNCTION dialdesk.record_outcome(p_me integer, p_client_id uuid, p_entry integer, p_code text, p_started timestamp with time zone, p_ended timestamp with time zone, p_phone integer, p_comment text, p_spoke_with text, p_person integer, p_answers jsonb, p_next_due timestamp with time zone, p_next_kind text, p_next_for_me boolean, p_expert integer, p_callback integer)
 RETURNS TABLE(call_id bigint, entry_state text, already_saved boolean)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
#variable_conflict use_column
-- Everything that follows from one call, exactly once per client-made id.
DECLARE
  v_strict boolean := dialdesk.queue_caller(p_me);
  r record;
  v_call bigint;
  v_state text;
  v_next timestamptz;
  v_attempts integer;
  v_unanswered text;
BEGIN
  -- lock the entry first: a second save of the same call waits here, then finds it saved
  SELECT o.id, o.is_contact, o.is_final, o.hands_to_expert, o.needs_callback,
         o.retry_after_days, o.max_attempts, o.marks_phone_dead, o.sets_group,
         e.company_id, e.campaign_id, e.attempts, e.claimed_by, e.state::text AS state,
         e.last_claimed_by, e.last_claimed_at,
         coalesce(e.retry_delay_minutes, c.retry_delay_minutes) AS retry_delay_minutes,
         c.max_attempts AS campaign_max_attempts,
         (SELECT k.id FROM dialdesk.calls k WHERE k.client_id = p_client_id) AS saved_call_id
  INTO r
  FROM dialdesk.outcome_definitions o,
       dialdesk.campaign_entries e JOIN dialdesk.campaigns c ON c.id = e.campaign_id
  WHERE o.code = p_code AND e.id = p_entry
  FOR UPDATE OF e;
  IF NOT FOUND THEN
    -- saved before, and the company has since gone to someone else: still a success
    RETURN QUERY SELECT * FROM dialdesk.saved_outcome(p_client_id, p_me);
    IF FOUND THEN
      RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM dialdesk.campaign_entries e
               WHERE e.id = p_entry AND e.claimed_by <> p_me) THEN
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
  IF p_answers IS NOT NULL AND (jsonb_typeof(p_answers) <> 'object' OR EXISTS (
      SELECT 1 FROM jsonb_object_keys(p_answers) k
      WHERE NOT EXISTS (SELECT 1 FROM dialdesk.questions q
                        WHERE q.id::text = k AND q.campaign_id = r.campaign_id))) THEN
    RAISE EXCEPTION 'the answers are not to questions of campaign %', r.campaign_id
      USING ERRCODE = 'P0001', HINT = 'dialdesk:answers_not_this_campaign';
  END IF;
  -- on a contact, every question the campaign marks required has an answer
  IF r.is_contact THEN
    SELECT q.text INTO v_unanswered
    FROM dialdesk.questions q
    WHERE q.campaign_id = r.campaign_id AND q.required AND NOT q.retired
      AND coalesce(btrim(p_answers ->> q.id::text), '') = ''
    ORDER BY q.position, q.id LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'outcome % needs an answer to "%"', p_code, v_unanswered
        USING ERRCODE = 'P0001', HINT = 'dialdesk:answer_required',
              DETAIL = json_build_object('question', v_unanswered)::text;
    END IF;
  END IF;
  IF r.needs_callback AND p_next_due IS NULL THEN
    RAISE EXCEPTION 'outcome % needs the next contact', p_code
      USING ERRCODE = 'P0001', HINT = 'dialdesk:next_contact_required';
  END IF;
  IF r.claimed_by IS NOT NULL AND r.claimed_by <> p_me THEN
    RAISE EXCEPTION 'company % is held by another operator', p_entry
      USING ERRCODE = 'P0001', HINT = 'dialdesk:held_by_another';
  END IF;
  -- a person saves calls only on companies the queue gave them (a lease that lapsed while
  -- the journal waited still counts), at times inside that claim
  IF v_strict AND r.claimed_by IS NULL AND r.last_claimed_by IS DISTINCT FROM p_me THEN
    RAISE EXCEPTION 'queue entry % was never given to person %', p_entry, p_me
      USING ERRCODE = 'P0001', HINT = 'dialdesk:not_your_entry';
  END IF;
  IF v_strict AND (p_started < r.last_claimed_at - interval '1 hour'
                   OR p_ended > now() + interval '1 hour' OR p_ended < p_started) THEN
    RAISE EXCEPTION 'the call''s times (% to %) are outside the claim', p_started, p_ended
      USING ERRCODE = 'P0001', HINT = 'dialdesk:call_time_outside_claim';
  END IF;
  IF p_phone IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM dialdesk.phones p WHERE p.id = p_phone AND p.company_id = r.company_id) THEN
    RAISE EXCEPTION 'phone % is not this company''s', p_phone
      USING ERRCODE = 'P0001', HINT = 'dialdesk:not_this_company';
  END IF;
  IF p_person IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM dialdesk.contact_persons p
      WHERE p.id = p_person AND p.company_id = r.company_id) THEN
    RAISE EXCEPTION 'contact person % is not this company''s', p_person
      USING ERRCODE = 'P0001', HINT = 'dialdesk:not_this_company';
  END IF;
  IF p_expert IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM dialdesk.people p WHERE p.id = p_expert AND p.is_expert AND p.active) THEN
    RAISE EXCEPTION 'person % is not an expert', p_expert
      USING ERRCODE = 'P0001', HINT = 'dialdesk:not_an_expert';
  END IF;

  INSERT INTO dialdesk.calls (client_id, entry_id, campaign_id, company_id, phone_id,
      operator_id, contact_person_id, spoke_with, started_at, ended_at, outcome_id, comment)
  SELECT p_client_id, p_entry, e.campaign_id, e.company_id, p_phone, p_me, p_person,
      nullif(btrim(p_spoke_with), ''), p_started, p_ended, r.id, nullif(btrim(p_comment), '')
  FROM dialdesk.campaign_entries e WHERE e.id = p_entry
  ON CONFLICT (client_id) DO NOTHING
  RETURNING id INTO v_call;
  IF v_call IS NULL THEN  -- a save of this very call committed while we waited
    RETURN QUERY SELECT * FROM dialdesk.saved_outcome(p_client_id, p_me);
    RETURN;
  END IF;
  INSERT INTO dialdesk.answers (call_id, question_id, value)
  SELECT v_call, a.key::integer, btrim(a.value)
  FROM jsonb_each_text(coalesce(p_answers, '{}')) a
  WHERE btrim(a.value) <> '';

  IF p_callback IS NOT NULL THEN
    UPDATE dialdesk.callbacks
    SET state = 'done', taken_by = p_me, done_at = now(), done_call_id = v_call
    WHERE id = p_callback AND state = 'pending' AND company_id = r.company_id;
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
  WHERE id = r.company_id
    AND (r.sets_group OR current_outcome_id IS NULL OR NOT EXISTS (
         SELECT 1 FROM dialdesk.outcome_definitions g
         WHERE g.id = current_outcome_id AND g.sets_group));
  RETURN QUERY SELECT v_call, v_state, false;
END
$function$;
