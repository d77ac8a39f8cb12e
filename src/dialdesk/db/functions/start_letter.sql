CREATE OR REPLACE FUNCTION dialdesk.start_letter(p_campaign integer, p_company integer, p_contact integer, p_email text, p_subject text)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
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
END $function$;
