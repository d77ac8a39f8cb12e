CREATE OR REPLACE FUNCTION dialdesk.extend_lease(p_me integer, p_entry integer, p_now timestamp with time zone)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;
