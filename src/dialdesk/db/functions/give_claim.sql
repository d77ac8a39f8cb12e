CREATE OR REPLACE FUNCTION dialdesk.give_claim(p_entry integer, p_me integer, p_clock timestamp with time zone)
 RETURNS TABLE(entry_id integer, company_id integer, campaign_id integer, lease_expires_at timestamp with time zone)
 LANGUAGE sql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
  UPDATE dialdesk.campaign_entries e
  SET state = 'claimed', claimed_by = p_me,
      lease_expires_at = p_clock + make_interval(mins => c.lease_minutes),
      last_claimed_at = CASE WHEN e.last_claimed_by IS DISTINCT FROM p_me
                                  OR e.state <> 'claimed' THEN p_clock
                             ELSE e.last_claimed_at END,
      last_claimed_by = p_me
  FROM dialdesk.campaigns c
  WHERE e.id = p_entry AND c.id = e.campaign_id
  RETURNING e.id, e.company_id, e.campaign_id, e.lease_expires_at
$function$;
