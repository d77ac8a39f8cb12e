CREATE OR REPLACE FUNCTION dialdesk.may_write_to(p_company integer)
 RETURNS void
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
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
END $function$;
