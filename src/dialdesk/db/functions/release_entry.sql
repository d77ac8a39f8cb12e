CREATE OR REPLACE FUNCTION dialdesk.release_entry(p_me integer, p_entry integer)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
  PERFORM dialdesk.queue_caller(p_me);
  UPDATE dialdesk.campaign_entries e
  SET state = dialdesk.back_in_queue(e.id, e.attempts),
      claimed_by = NULL,
      lease_expires_at = NULL
  WHERE e.id = p_entry AND e.claimed_by = p_me AND e.state = 'claimed';
  RETURN FOUND;
END
$function$;
