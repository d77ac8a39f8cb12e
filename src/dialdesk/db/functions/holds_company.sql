CREATE OR REPLACE FUNCTION dialdesk.holds_company(p_company integer)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dialdesk.campaign_entries e
                 WHERE e.company_id = p_company AND e.state = 'claimed'
                   AND e.claimed_by = dialdesk.current_person_id()) THEN
    RAISE EXCEPTION 'company % is not on your card', p_company
      USING ERRCODE = '42501', HINT = 'dialdesk:not_held';
  END IF;
  RETURN true;
END $function$;
