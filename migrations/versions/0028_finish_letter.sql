CREATE OR REPLACE FUNCTION dialdesk.finish_letter(p_letter bigint, p_state text, p_message_id text, p_error text, p_follow_up timestamp with time zone)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_me integer := dialdesk.session_person_id();
  r record;
  v_entry integer;
  v_claimed integer;
  v_callback integer;
  v_role text;
BEGIN
  SELECT l.* INTO r FROM dialdesk.letters l WHERE l.id = p_letter FOR UPDATE;
  IF NOT FOUND OR r.state <> 'sending' OR r.sent_by <> v_me THEN
    RAISE EXCEPTION 'letter % is not being sent by you', p_letter
      USING ERRCODE = '42501', HINT = 'dialdesk:not_your_letter';
  END IF;
  IF p_state NOT IN ('sent', 'handed', 'failed', 'refused', 'uncertain', 'pending') THEN
    RAISE EXCEPTION 'unknown letter state %', p_state USING ERRCODE = '22023';
  END IF;
  IF p_state = 'pending' AND r.mailing_id IS NULL THEN
    p_state := 'failed';  -- a letter from the card is not retried by itself
  END IF;
  SELECT p.role INTO v_role FROM dialdesk.people p WHERE p.id = v_me;
  IF p_state IN ('sent', 'handed') AND p_follow_up IS NOT NULL THEN
    IF v_role <> 'expert' THEN  -- an expert's follow-up is among their own planned contacts
      SELECT e.id, e.claimed_by INTO v_entry, v_claimed FROM dialdesk.campaign_entries e
      WHERE e.campaign_id = r.campaign_id AND e.company_id = r.company_id FOR UPDATE;
    END IF;
    INSERT INTO dialdesk.callbacks (company_id, entry_id, due_at, assigned_to, created_by,
        kind, note)
    VALUES (r.company_id, v_entry, p_follow_up,
        CASE WHEN r.mailing_id IS NULL THEN v_me END, v_me, 'call',
        'Дошло ли письмо с КП? / Did the offer arrive? ' || r.subject)
    RETURNING id INTO v_callback;
    IF v_entry IS NOT NULL AND v_claimed IS NULL THEN
      UPDATE dialdesk.campaign_entries SET state = 'callback', next_attempt_at = NULL
      WHERE id = v_entry AND state <> 'claimed';
    END IF;
  END IF;
  IF p_state = 'refused' THEN
    INSERT INTO dialdesk.do_not_mail (email, reason, note, added_by)
    VALUES (r.email, 'refused', left(p_error, 500), v_me)
    ON CONFLICT (email) DO NOTHING;
  END IF;
  UPDATE dialdesk.letters
  SET state = p_state, message_id = coalesce(p_message_id, message_id),
      error = p_error, follow_up_id = v_callback,
      sent_at = CASE WHEN p_state IN ('sent', 'handed') THEN now() END,
      finished_at = CASE WHEN p_state <> 'pending' THEN now() END,
      sent_by = CASE WHEN p_state = 'pending' THEN NULL ELSE sent_by END
  WHERE id = p_letter;
  RETURN v_callback;
END $function$;
