CREATE OR REPLACE FUNCTION dialdesk.hand_client(p_company integer, p_to integer, p_note text)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_me integer := dialdesk.session_person_id();
  v_id integer;
BEGIN
  PERFORM 1 FROM dialdesk.companies c WHERE c.id = p_company AND c.expert_id = v_me
  FOR UPDATE;
  IF v_me IS NULL OR NOT FOUND THEN
    RAISE EXCEPTION 'company % is not your client', p_company
      USING ERRCODE = '42501', HINT = 'dialdesk:not_your_client';
  END IF;
  IF p_to = v_me OR NOT EXISTS (
      SELECT 1 FROM dialdesk.people p WHERE p.id = p_to AND p.active AND p.is_expert) THEN
    RAISE EXCEPTION 'person % cannot take clients', p_to
      USING ERRCODE = 'P0001', HINT = 'dialdesk:cannot_take_clients';
  END IF;
  INSERT INTO dialdesk.client_handovers (company_id, from_person_id, to_person_id, note)
  VALUES (p_company, v_me, p_to, nullif(btrim(p_note), ''))
  RETURNING id INTO v_id;
  UPDATE dialdesk.companies SET expert_id = p_to WHERE id = p_company;
  UPDATE dialdesk.deals SET expert_id = p_to
  WHERE company_id = p_company AND expert_id = v_me AND closed_at IS NULL;
  UPDATE dialdesk.callbacks SET assigned_to = p_to
  WHERE company_id = p_company AND assigned_to = v_me AND state = 'pending';
  RETURN v_id;
END $function$;
