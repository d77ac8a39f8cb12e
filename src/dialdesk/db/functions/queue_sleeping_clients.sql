CREATE OR REPLACE FUNCTION dialdesk.queue_sleeping_clients(p_campaign integer, p_companies integer[])
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_added integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dialdesk.campaigns k
                 WHERE k.id = p_campaign AND k.is_abandoned_clients) THEN
    RAISE EXCEPTION 'campaign % is not one of former clients', p_campaign
      USING ERRCODE = 'P0001', HINT = 'dialdesk:not_a_reactivation_campaign';
  END IF;
  INSERT INTO dialdesk.campaign_entries (campaign_id, company_id)
  SELECT p_campaign, c.id FROM dialdesk.companies c
  WHERE c.id = ANY(p_companies) AND c.archived_at IS NULL
    AND c.id IN (SELECT dialdesk.sleeping_companies())
  ON CONFLICT (campaign_id, company_id) DO NOTHING;
  GET DIAGNOSTICS v_added = ROW_COUNT;
  RETURN v_added;
END $function$;
