-- Letters with the campaign's offer: written only through these functions, each one once.
-- A letter is 'pending' (planned by a mailing), 'sending' (taken by one sender, before the
-- server is asked), then 'sent', 'handed' (to the workstation's mail program), 'failed' (not
-- accepted, nothing went), 'refused' (the server refused the address: no more letters to
-- it), 'uncertain' (the connection was lost while the server was taking it: never resent by
-- itself) or 'skipped' (the address went on the do-not-mail list meanwhile).

CREATE OR REPLACE FUNCTION dialdesk.may_write_to(p_company integer) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_me integer := dialdesk.session_person_id();
  v_role text;
BEGIN
  SELECT p.role INTO v_role FROM dialdesk.people p WHERE p.id = v_me;
  IF v_role IS NULL THEN
    RAISE EXCEPTION 'not a DialDesk user' USING ERRCODE = '42501', HINT = 'dialdesk:not_in_your_name';
  END IF;
  IF v_role = 'operator' AND NOT EXISTS (
      SELECT 1 FROM dialdesk.campaign_entries e
      WHERE e.company_id = p_company AND e.state = 'claimed' AND e.claimed_by = v_me) THEN
    RAISE EXCEPTION 'company % is not on your card', p_company
      USING ERRCODE = '42501', HINT = 'dialdesk:not_held';
  END IF;
  IF v_role = 'expert' AND NOT EXISTS (
      SELECT 1 FROM dialdesk.companies c WHERE c.id = p_company AND c.expert_id = v_me) THEN
    RAISE EXCEPTION 'company % is not your client', p_company
      USING ERRCODE = '42501', HINT = 'dialdesk:not_your_client';
  END IF;
END $$;

CREATE OR REPLACE FUNCTION dialdesk.start_letter(p_campaign integer, p_company integer,
    p_contact integer, p_email text, p_subject text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_email text := lower(btrim(p_email));
  v_id bigint;
BEGIN
  PERFORM dialdesk.may_write_to(p_company);
  IF p_contact IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM dialdesk.contact_persons cp
      WHERE cp.id = p_contact AND cp.company_id = p_company) THEN
    RAISE EXCEPTION 'contact % is not this company''s', p_contact
      USING ERRCODE = '22023', HINT = 'dialdesk:not_this_company';
  END IF;
  IF EXISTS (SELECT 1 FROM dialdesk.do_not_mail d WHERE d.email = v_email) THEN
    RAISE EXCEPTION '% is on the do-not-mail list', v_email
      USING ERRCODE = 'P0001', HINT = 'dialdesk:do_not_mail',
            DETAIL = json_build_object('email', v_email)::text;
  END IF;
  INSERT INTO dialdesk.letters (campaign_id, company_id, contact_person_id, email, subject,
      sent_by, state, taken_at)
  VALUES (p_campaign, p_company, p_contact, v_email, p_subject,
      dialdesk.session_person_id(), 'sending', now())
  RETURNING id INTO v_id;
  RETURN v_id;
END $$;

-- taken with the subject as this recipient reads it (merge fields filled in)
CREATE OR REPLACE FUNCTION dialdesk.take_letter(p_letter bigint, p_subject text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_email text;
BEGIN
  SELECT l.email INTO v_email FROM dialdesk.letters l
  WHERE l.id = p_letter AND l.state = 'pending' AND l.mailing_id IS NOT NULL FOR UPDATE;
  IF NOT FOUND THEN
    RETURN false;  -- taken by another sender, or no longer waiting
  END IF;
  IF EXISTS (SELECT 1 FROM dialdesk.do_not_mail d WHERE d.email = v_email) THEN
    UPDATE dialdesk.letters SET state = 'skipped', finished_at = now() WHERE id = p_letter;
    RETURN false;
  END IF;
  UPDATE dialdesk.letters
  SET state = 'sending', sent_by = dialdesk.session_person_id(), taken_at = now(),
      subject = coalesce(left(nullif(btrim(p_subject), ''), 300), subject)
  WHERE id = p_letter;
  RETURN true;
END $$;

CREATE OR REPLACE FUNCTION dialdesk.finish_letter(p_letter bigint, p_state text,
    p_message_id text, p_error text, p_follow_up timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_me integer := dialdesk.session_person_id();
  r record;
  v_entry integer;
  v_claimed integer;
  v_callback integer;
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
  IF p_state IN ('sent', 'handed') AND p_follow_up IS NOT NULL THEN
    SELECT e.id, e.claimed_by INTO v_entry, v_claimed FROM dialdesk.campaign_entries e
    WHERE e.campaign_id = r.campaign_id AND e.company_id = r.company_id FOR UPDATE;
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
END $$;

-- The companies a mailing writes to: those given, or every company of the campaign when none
-- is given; never an archived one.  The marketer's preview counts the same companies.
CREATE OR REPLACE FUNCTION dialdesk.mailing_companies(p_campaign integer, p_companies integer[])
RETURNS SETOF integer LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT c.id FROM dialdesk.companies c
  WHERE c.archived_at IS NULL
    AND CASE WHEN p_companies IS NULL
             THEN EXISTS (SELECT 1 FROM dialdesk.campaign_entries e
                          WHERE e.company_id = c.id AND e.campaign_id = p_campaign)
             ELSE c.id = ANY(p_companies) END
$$;

-- A mailing: the campaign's offer to every company given (or every company of the campaign
-- when none is given), to its decision makers with an e-mail, or when it has none, to the
-- first contact person with one; one letter per address, each company once in the campaign.
CREATE OR REPLACE FUNCTION dialdesk.plan_mailing(p_campaign integer, p_segment integer,
    p_companies integer[], p_subject text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_mailing integer;
BEGIN
  INSERT INTO dialdesk.mailings (campaign_id, segment_id, subject, created_by)
  VALUES (p_campaign, p_segment, p_subject, dialdesk.session_person_id())
  RETURNING id INTO v_mailing;
  CREATE TEMP TABLE IF NOT EXISTS mailing_companies (id integer PRIMARY KEY) ON COMMIT DROP;
  TRUNCATE mailing_companies;
  INSERT INTO mailing_companies SELECT dialdesk.mailing_companies(p_campaign, p_companies);
  INSERT INTO dialdesk.campaign_entries (campaign_id, company_id)
  SELECT p_campaign, m.id FROM mailing_companies m
  ON CONFLICT (campaign_id, company_id) DO NOTHING;
  INSERT INTO dialdesk.letters (mailing_id, campaign_id, company_id, contact_person_id,
      email, subject, state)
  SELECT DISTINCT ON (lower(btrim(cp.email)))
      v_mailing, p_campaign, cp.company_id, cp.id, lower(btrim(cp.email)), p_subject,
      'pending'
  FROM dialdesk.contact_persons cp
  JOIN mailing_companies m ON m.id = cp.company_id
  WHERE btrim(coalesce(cp.email, '')) <> ''
    AND (cp.role = 'decision_maker' OR NOT EXISTS (
          SELECT 1 FROM dialdesk.contact_persons d
          WHERE d.company_id = cp.company_id AND d.role = 'decision_maker'
            AND btrim(coalesce(d.email, '')) <> ''))
    AND (cp.role = 'decision_maker' OR cp.id = (
          SELECT min(o.id) FROM dialdesk.contact_persons o
          WHERE o.company_id = cp.company_id AND btrim(coalesce(o.email, '')) <> ''))
    AND NOT EXISTS (SELECT 1 FROM dialdesk.do_not_mail d WHERE d.email = lower(btrim(cp.email)))
  ORDER BY lower(btrim(cp.email)), cp.company_id, cp.id;
  RETURN v_mailing;
END $$;

-- Letters left 'sending' by a sender that stopped (a crash, a cut connection) may or may not
-- have gone: they become 'uncertain' and are never sent again by themselves.
CREATE OR REPLACE FUNCTION dialdesk.resume_mailing(p_mailing integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_count integer;
BEGIN
  PERFORM 1 FROM dialdesk.mailings m WHERE m.id = p_mailing FOR UPDATE;
  UPDATE dialdesk.letters SET state = 'uncertain', finished_at = now(),
      error = coalesce(error, 'the sender stopped while this letter was being sent')
  WHERE mailing_id = p_mailing AND state = 'sending';
  GET DIAGNOSTICS v_count = ROW_COUNT;
  UPDATE dialdesk.mailings SET cancelled_at = NULL, finished_at = NULL WHERE id = p_mailing;
  RETURN v_count;
END $$;
