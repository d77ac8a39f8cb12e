CREATE OR REPLACE FUNCTION dialdesk.take_entry(p_me integer, p_entry integer, p_now timestamp with time zone)
 RETURNS TABLE(entry_id integer, company_id integer, campaign_id integer, lease_expires_at timestamp with time zone)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;
