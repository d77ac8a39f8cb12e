CREATE OR REPLACE FUNCTION dialdesk.mailing_companies(p_campaign integer, p_companies integer[])
 RETURNS SETOF integer
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
  SELECT c.id FROM dialdesk.companies c
  WHERE c.archived_at IS NULL
    AND CASE WHEN p_companies IS NULL
             THEN EXISTS (SELECT 1 FROM dialdesk.campaign_entries e
                          WHERE e.company_id = c.id AND e.campaign_id = p_campaign)
             ELSE c.id = ANY(p_companies) END
$function$;
