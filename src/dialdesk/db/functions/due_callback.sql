CREATE OR REPLACE FUNCTION dialdesk.due_callback(p_me integer, p_campaign integer, p_now timestamp with time zone, p_days_off date[], p_only_mine boolean)
 RETURNS TABLE(entry_id integer, callback_id integer)
 LANGUAGE sql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;
