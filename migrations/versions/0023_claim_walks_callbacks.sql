-- Migration 0023's own copy: claim_next looks for due callbacks in two short walks
-- (due_callback) instead of one query that weighed every due callback of the base.

-- The first due callback p_me may take, locked, by due time: only p_me's own, or any they
-- may take (their own, shared ones, colleagues' left past the grace period).  Walked in
-- due order through the pending index, so a backlog of thousands costs a handful of rows.
CREATE FUNCTION dialdesk.due_callback(p_me integer, p_campaign integer, p_now timestamptz,
    p_days_off date[], p_only_mine boolean)
RETURNS TABLE (entry_id integer, callback_id integer)
LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $$
  SELECT e.id, cb.id
  FROM dialdesk.callbacks cb
  JOIN dialdesk.campaign_entries e ON e.id = cb.entry_id
  JOIN dialdesk.campaigns c ON c.id = e.campaign_id
  CROSS JOIN LATERAL (
      SELECT coalesce(p.time_zone, 'Europe/Moscow') AS tz
      FROM dialdesk.phones p
      WHERE p.company_id = e.company_id AND NOT p.is_dead AND p.e164 IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM dialdesk.do_not_call d WHERE d.e164 = p.e164)
      ORDER BY p.id
      LIMIT 1
  ) ph
  WHERE cb.state = 'pending' AND cb.due_at <= p_now AND e.state <> 'done'
    AND (NOT p_only_mine OR cb.assigned_to = p_me)
    AND (e.claimed_by IS NULL OR e.claimed_by = p_me)
    AND (cb.assigned_to = p_me OR cb.assigned_to IS NULL
         OR cb.due_at + make_interval(mins => c.callback_grace_minutes) < p_now)
    AND c.is_active
    AND (p_campaign IS NULL OR c.id = p_campaign)
    AND (NOT EXISTS (SELECT 1 FROM dialdesk.campaign_operators co
                     WHERE co.campaign_id = c.id)
         OR EXISTS (SELECT 1 FROM dialdesk.campaign_operators co
                    WHERE co.campaign_id = c.id AND co.person_id = p_me))
    AND (p_now AT TIME ZONE ph.tz)::time >= c.calling_hours_start
    AND (p_now AT TIME ZONE ph.tz)::time < c.calling_hours_end
    AND (NOT c.working_days_only OR (p_now AT TIME ZONE ph.tz)::date <> ALL(p_days_off))
  ORDER BY cb.due_at, cb.id
  LIMIT 1
  FOR UPDATE OF e SKIP LOCKED
$$;

CREATE OR REPLACE FUNCTION dialdesk.claim_next(
    p_me integer, p_campaign integer, p_now timestamptz, p_days_off date[])
RETURNS TABLE (entry_id integer, company_id integer, campaign_id integer,
               callback_id integer, lease_expires_at timestamptz)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
$$;
