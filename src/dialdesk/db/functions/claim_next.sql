CREATE OR REPLACE FUNCTION dialdesk.claim_next(p_me integer, p_campaign integer, p_now timestamp with time zone, p_days_off date[])
 RETURNS TABLE(entry_id integer, company_id integer, campaign_id integer, callback_id integer, lease_expires_at timestamp with time zone)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
#variable_conflict use_column
-- Lease the next company to p_me: my live claim (after a restart), my due callbacks,
-- shared ones (and colleagues' left past the grace period), then fresh and retry entries.
DECLARE
  v_clock timestamptz := dialdesk.queue_clock(dialdesk.queue_caller(p_me), p_now);
  v_entry integer;
  v_callback integer;
BEGIN
  -- claims abandoned past their lease go back to the queue first
  UPDATE dialdesk.campaign_entries e
  SET state = dialdesk.back_in_queue(e.id, e.attempts),
      claimed_by = NULL,
      lease_expires_at = NULL
  WHERE e.state = 'claimed' AND e.lease_expires_at < v_clock;

  SELECT e.id INTO v_entry
  FROM dialdesk.campaign_entries e
  WHERE e.state = 'claimed' AND e.claimed_by = p_me AND e.lease_expires_at >= v_clock
  ORDER BY e.id
  LIMIT 1
  FOR UPDATE OF e SKIP LOCKED;
  IF v_entry IS NOT NULL THEN
    SELECT cb.id INTO v_callback
    FROM dialdesk.callbacks cb
    WHERE cb.entry_id = v_entry AND cb.state = 'pending' AND cb.due_at <= p_now
    ORDER BY cb.due_at
    LIMIT 1;
  END IF;
  IF v_entry IS NULL THEN  -- my due callbacks first, then any I may take
    SELECT d.entry_id, d.callback_id INTO v_entry, v_callback
    FROM dialdesk.due_callback(p_me, p_campaign, p_now, p_days_off, true) d;
  END IF;
  IF v_entry IS NULL THEN
    SELECT d.entry_id, d.callback_id INTO v_entry, v_callback
    FROM dialdesk.due_callback(p_me, p_campaign, p_now, p_days_off, false) d;
  END IF;
  IF v_entry IS NULL THEN
    v_entry := dialdesk.next_queue_entry(p_me, p_campaign, p_now, p_days_off);
  END IF;
  IF v_entry IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
  SELECT g.entry_id, g.company_id, g.campaign_id, v_callback, g.lease_expires_at
  FROM dialdesk.give_claim(v_entry, p_me, v_clock) g;
END
$function$;
