-- Migration 0019's own copy of the queue's functions.  They run with the rights of the
-- schema's owner (SECURITY DEFINER), so the people who call them need no direct right to
-- change the queue, the calls or the callbacks; each one checks who is calling first.

-- The person behind this connection, when the caller is one (true), held to p_me; the
-- schema's owner or a superuser, who is no DialDesk person, may act for anyone (false).
CREATE FUNCTION dialdesk.queue_caller(p_me integer) RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_id integer;
  v_active boolean;
BEGIN
  SELECT id, active INTO v_id, v_active FROM dialdesk.people WHERE login = session_user;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  IF NOT v_active OR v_id IS DISTINCT FROM p_me THEN
    RAISE EXCEPTION 'login % may work only in its own name, not as person %', session_user, p_me
      USING ERRCODE = '42501', HINT = 'dialdesk:not_in_your_name';
  END IF;
  RETURN true;
END $$;

-- The clock a person's claim may use: their own (tests and journals pass one), but never
-- ahead of the server's, so nobody lengthens a lease or lapses a colleague's by lying.
CREATE FUNCTION dialdesk.queue_clock(p_strict boolean, p_now timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN p_strict THEN least(p_now, now()) ELSE p_now END
$$;

-- What an entry goes back to when a claim ends without an outcome (released, lapsed).
CREATE FUNCTION dialdesk.back_in_queue(p_entry integer, p_attempts integer) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE
           WHEN EXISTS (SELECT 1 FROM dialdesk.callbacks cb
                        WHERE cb.entry_id = p_entry AND cb.state = 'pending') THEN 'callback'
           WHEN p_attempts > 0 THEN 'retry'
           ELSE 'fresh' END
$$;

-- The lease on entry p_entry given to p_me from p_clock; who last had it and since when.
CREATE FUNCTION dialdesk.give_claim(p_entry integer, p_me integer, p_clock timestamptz)
RETURNS TABLE (entry_id integer, company_id integer, campaign_id integer,
               lease_expires_at timestamptz)
LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
  UPDATE dialdesk.campaign_entries e
  SET state = 'claimed', claimed_by = p_me,
      lease_expires_at = p_clock + make_interval(mins => c.lease_minutes),
      last_claimed_at = CASE WHEN e.last_claimed_by IS DISTINCT FROM p_me
                                  OR e.state <> 'claimed' THEN p_clock
                             ELSE e.last_claimed_at END,
      last_claimed_by = p_me
  FROM dialdesk.campaigns c
  WHERE e.id = p_entry AND c.id = e.campaign_id
  RETURNING e.id, e.company_id, e.campaign_id, e.lease_expires_at
$$;

-- A call already saved under the client-made id p_client_id by p_me: "already saved".
CREATE FUNCTION dialdesk.saved_outcome(p_client_id uuid, p_me integer)
RETURNS TABLE (call_id bigint, entry_state text, already_saved boolean)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT k.id, e.state::text, true
  FROM dialdesk.calls k LEFT JOIN dialdesk.campaign_entries e ON e.id = k.entry_id
  WHERE k.client_id = p_client_id AND k.operator_id = p_me
$$;

CREATE FUNCTION dialdesk.claim_next(
    p_me integer, p_campaign integer, p_now timestamptz, p_days_off date[])
RETURNS TABLE (entry_id integer, company_id integer, campaign_id integer,
               callback_id integer, lease_expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
-- Lease the next company to p_me: my live claim (after a restart), my due callbacks,
-- shared ones (and colleagues' left past the grace period), then fresh and retry entries.
DECLARE
  v_clock timestamptz := dialdesk.queue_clock(dialdesk.queue_caller(p_me), p_now);
  v_entry integer;
  v_callback integer;
BEGIN
  -- claims abandoned past their lease go back to the queue first
  UPDATE dialdesk.campaign_entries e
  SET state = dialdesk.back_in_queue(e.id, e.attempts),
      claimed_by = NULL,
      lease_expires_at = NULL
  WHERE e.state = 'claimed' AND e.lease_expires_at < v_clock;

  SELECT e.id INTO v_entry
  FROM dialdesk.campaign_entries e
  WHERE e.state = 'claimed' AND e.claimed_by = p_me AND e.lease_expires_at >= v_clock
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
    -- my due callbacks first, then shared ones and colleagues' left past the grace period
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
      AND (cb.assigned_to = p_me OR cb.assigned_to IS NULL
           OR cb.due_at + make_interval(mins => c.callback_grace_minutes) < p_now)
      AND c.is_active
      AND (p_campaign IS NULL OR c.id = p_campaign)
      AND (NOT EXISTS (SELECT 1 FROM dialdesk.campaign_operators co
                       WHERE co.campaign_id = c.id)
           OR EXISTS (SELECT 1 FROM dialdesk.campaign_operators co
                      WHERE co.campaign_id = c.id AND co.person_id = p_me))
      AND (p_now AT TIME ZONE ph.tz)::time >= c.calling_hours_start
      AND (p_now AT TIME ZONE ph.tz)::time < c.calling_hours_end
      AND (NOT c.working_days_only OR (p_now AT TIME ZONE ph.tz)::date <> ALL(p_days_off))
    ORDER BY cb.assigned_to IS NOT DISTINCT FROM p_me DESC, cb.due_at, cb.id
    LIMIT 1
    FOR UPDATE OF e SKIP LOCKED;
  END IF;
  IF v_entry IS NULL THEN
    v_entry := dialdesk.next_queue_entry(p_me, p_campaign, p_now, p_days_off);
  END IF;
  IF v_entry IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
  SELECT g.entry_id, g.company_id, g.campaign_id, v_callback, g.lease_expires_at
  FROM dialdesk.give_claim(v_entry, p_me, v_clock) g;
END
$$;

-- One chosen entry (a callback picked from the list, a company found by search) for p_me,
-- unless a colleague's lease on it is still running.
CREATE FUNCTION dialdesk.take_entry(p_me integer, p_entry integer, p_now timestamptz)
RETURNS TABLE (entry_id integer, company_id integer, campaign_id integer,
               lease_expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_clock timestamptz := dialdesk.queue_clock(dialdesk.queue_caller(p_me), p_now);
BEGIN
  -- the lock taken here waits for a colleague's claim in progress, then checks again
  PERFORM 1 FROM dialdesk.campaign_entries e JOIN dialdesk.campaigns c ON c.id = e.campaign_id
  WHERE e.id = p_entry AND e.state <> 'done' AND c.is_active
    AND (e.claimed_by IS NULL OR e.claimed_by = p_me OR e.lease_expires_at < v_clock)
  FOR UPDATE OF e;
  IF FOUND THEN
    RETURN QUERY SELECT * FROM dialdesk.give_claim(p_entry, p_me, v_clock);
  END IF;
END
$$;

-- Give p_me's claim back untouched; false when it was not theirs.
CREATE FUNCTION dialdesk.release_entry(p_me integer, p_entry integer) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM dialdesk.queue_caller(p_me);
  UPDATE dialdesk.campaign_entries e
  SET state = dialdesk.back_in_queue(e.id, e.attempts),
      claimed_by = NULL,
      lease_expires_at = NULL
  WHERE e.id = p_entry AND e.claimed_by = p_me AND e.state = 'claimed';
  RETURN FOUND;
END
$$;

-- Keep a long call's lease alive; false when the claim was lost meanwhile.
CREATE FUNCTION dialdesk.extend_lease(p_me integer, p_entry integer, p_now timestamptz)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_clock timestamptz := dialdesk.queue_clock(dialdesk.queue_caller(p_me), p_now);
BEGIN
  UPDATE dialdesk.campaign_entries e
  SET lease_expires_at = v_clock + make_interval(mins => c.lease_minutes)
  FROM dialdesk.campaigns c
  WHERE e.id = p_entry AND c.id = e.campaign_id AND e.claimed_by = p_me
    AND e.state = 'claimed';
  RETURN FOUND;
END
$$;

CREATE FUNCTION dialdesk.record_outcome(p_me integer, p_client_id uuid, p_entry integer,
    p_code text, p_started timestamptz, p_ended timestamptz, p_phone integer,
    p_comment text, p_spoke_with text, p_person integer, p_answers jsonb,
    p_next_due timestamptz, p_next_kind text, p_next_for_me boolean, p_expert integer,
    p_callback integer)
RETURNS TABLE (call_id bigint, entry_state text, already_saved boolean)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
-- Everything that follows from one call, exactly once per client-made id.
DECLARE
  v_strict boolean := dialdesk.queue_caller(p_me);
  r record;
  v_call bigint;
  v_state text;
  v_next timestamptz;
  v_attempts integer;
BEGIN
  -- lock the entry first: a second save of the same call waits here, then finds it saved
  SELECT o.id, o.is_contact, o.is_final, o.hands_to_expert, o.needs_callback,
         o.retry_after_days, o.max_attempts, o.marks_phone_dead, o.sets_group,
         e.company_id, e.attempts, e.claimed_by, e.state::text AS state,
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
$$;

-- Take away what import p_batch added and nobody has worked on since: its new companies
-- that were never called (and whose rows no later import shares), and the phones, contact
-- persons and queue entries it added to older companies that no call used.  Each count
-- kept is what stays because calls were made on it.
CREATE FUNCTION dialdesk.undo_import(p_batch integer)
RETURNS TABLE (companies_removed integer, phones_removed integer,
               contact_persons_removed integer, entries_removed integer,
               companies_kept integer, phones_kept integer, contact_persons_kept integer,
               entries_kept integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_undone timestamptz;
  v_entries integer;
  v_phones integer;
  v_persons integer;
  v_companies integer;
  v_kept integer[];
BEGIN
  SELECT b.undone_at INTO v_undone FROM dialdesk.import_batches b WHERE b.id = p_batch
  FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'there is no import %', p_batch
      USING ERRCODE = 'P0001', HINT = 'dialdesk:no_such_import',
            DETAIL = json_build_object('batch', p_batch)::text;
  END IF;
  IF v_undone IS NOT NULL THEN
    RAISE EXCEPTION 'import % has already been undone', p_batch
      USING ERRCODE = 'P0001', HINT = 'dialdesk:import_already_undone',
            DETAIL = json_build_object('batch', p_batch)::text;
  END IF;
  -- the batch's companies that stay: called, or shared with a later import's entries
  v_kept := ARRAY(
    SELECT c.id FROM dialdesk.companies c
    WHERE c.import_batch_id = p_batch
      AND (EXISTS (SELECT 1 FROM dialdesk.calls k WHERE k.company_id = c.id)
           OR EXISTS (SELECT 1 FROM dialdesk.campaign_entries e
                      WHERE e.company_id = c.id
                        AND e.import_batch_id IS DISTINCT FROM p_batch)));
  DELETE FROM dialdesk.campaign_entries e
  WHERE e.import_batch_id = p_batch
    AND NOT EXISTS (SELECT 1 FROM dialdesk.calls k WHERE k.entry_id = e.id)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.callbacks cb WHERE cb.entry_id = e.id)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.operator_states s WHERE s.entry_id = e.id)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.refused_outcomes x WHERE x.entry_id = e.id)
    AND e.company_id <> ALL(v_kept);
  GET DIAGNOSTICS v_entries = ROW_COUNT;
  DELETE FROM dialdesk.phones p
  WHERE p.import_batch_id = p_batch
    AND NOT EXISTS (SELECT 1 FROM dialdesk.calls k WHERE k.phone_id = p.id)
    AND p.company_id <> ALL(v_kept);
  GET DIAGNOSTICS v_phones = ROW_COUNT;
  DELETE FROM dialdesk.contact_persons p
  WHERE p.import_batch_id = p_batch
    AND NOT EXISTS (SELECT 1 FROM dialdesk.calls k WHERE k.contact_person_id = p.id)
    AND p.company_id <> ALL(v_kept);
  GET DIAGNOSTICS v_persons = ROW_COUNT;
  DELETE FROM dialdesk.companies c
  WHERE c.import_batch_id = p_batch AND c.id <> ALL(v_kept)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.campaign_entries e WHERE e.company_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.handoffs h WHERE h.company_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.callbacks cb WHERE cb.company_id = c.id);
  GET DIAGNOSTICS v_companies = ROW_COUNT;
  UPDATE dialdesk.import_batches SET undone_at = now() WHERE id = p_batch;
  RETURN QUERY SELECT v_companies, v_phones, v_persons, v_entries,
    (SELECT count(*)::integer FROM dialdesk.companies c WHERE c.import_batch_id = p_batch),
    (SELECT count(*)::integer FROM dialdesk.phones p WHERE p.import_batch_id = p_batch),
    (SELECT count(*)::integer FROM dialdesk.contact_persons p
     WHERE p.import_batch_id = p_batch),
    (SELECT count(*)::integer FROM dialdesk.campaign_entries e
     WHERE e.import_batch_id = p_batch);
END
$$;
