CREATE OR REPLACE FUNCTION dialdesk.next_queue_entry(p_me integer, p_campaign integer, p_now timestamp with time zone, p_days_off date[])
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
-- The first dialable fresh or due retry entry, locked for the caller's transaction:
-- highest priority first; within a level fresh entries by id, then retries by due time.
DECLARE
  level integer;
  picked integer;
BEGIN
  FOR level IN
    WITH RECURSIVE levels AS (
      SELECT max(priority) AS p FROM dialdesk.campaign_entries
      WHERE state IN ('fresh', 'retry')
      UNION ALL
      SELECT (SELECT max(priority) FROM dialdesk.campaign_entries
              WHERE state IN ('fresh', 'retry') AND priority < levels.p)
      FROM levels WHERE levels.p IS NOT NULL)
    SELECT p FROM levels WHERE p IS NOT NULL
  LOOP
    SELECT e.id INTO picked 
    FROM dialdesk.campaign_entries e
    JOIN dialdesk.campaigns c ON c.id = e.campaign_id
    CROSS JOIN LATERAL (
        SELECT coalesce(p.time_zone, 'Europe/Moscow') AS tz
        FROM dialdesk.phones p
        WHERE p.company_id = e.company_id AND NOT p.is_dead AND p.e164 IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM dialdesk.do_not_call d WHERE d.e164 = p.e164)
        ORDER BY p.id
        LIMIT 1
    ) ph
    WHERE e.priority = level
      AND (e.claimed_by IS NULL OR e.claimed_by = p_me)
      AND c.is_active
      AND (p_campaign IS NULL OR c.id = p_campaign)
      AND (NOT EXISTS (SELECT 1 FROM dialdesk.campaign_operators co
                       WHERE co.campaign_id = c.id)
           OR EXISTS (SELECT 1 FROM dialdesk.campaign_operators co
                      WHERE co.campaign_id = c.id AND co.person_id = p_me))
      AND (p_now AT TIME ZONE ph.tz)::time >= c.calling_hours_start
      AND (p_now AT TIME ZONE ph.tz)::time < c.calling_hours_end
      AND (NOT c.working_days_only OR (p_now AT TIME ZONE ph.tz)::date <> ALL(p_days_off))

      AND e.state = 'fresh'
    ORDER BY e.priority DESC, e.id
    LIMIT 1
    FOR UPDATE OF e SKIP LOCKED;
    IF picked IS NOT NULL THEN
      RETURN picked;
    END IF;
    SELECT e.id INTO picked 
    FROM dialdesk.campaign_entries e
    JOIN dialdesk.campaigns c ON c.id = e.campaign_id
    CROSS JOIN LATERAL (
        SELECT coalesce(p.time_zone, 'Europe/Moscow') AS tz
        FROM dialdesk.phones p
        WHERE p.company_id = e.company_id AND NOT p.is_dead AND p.e164 IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM dialdesk.do_not_call d WHERE d.e164 = p.e164)
        ORDER BY p.id
        LIMIT 1
    ) ph
    WHERE e.priority = level
      AND (e.claimed_by IS NULL OR e.claimed_by = p_me)
      AND c.is_active
      AND (p_campaign IS NULL OR c.id = p_campaign)
      AND (NOT EXISTS (SELECT 1 FROM dialdesk.campaign_operators co
                       WHERE co.campaign_id = c.id)
           OR EXISTS (SELECT 1 FROM dialdesk.campaign_operators co
                      WHERE co.campaign_id = c.id AND co.person_id = p_me))
      AND (p_now AT TIME ZONE ph.tz)::time >= c.calling_hours_start
      AND (p_now AT TIME ZONE ph.tz)::time < c.calling_hours_end
      AND (NOT c.working_days_only OR (p_now AT TIME ZONE ph.tz)::date <> ALL(p_days_off))

      AND e.state = 'retry' AND e.next_attempt_at <= p_now
    ORDER BY e.priority DESC, e.next_attempt_at, e.id
    LIMIT 1
    FOR UPDATE OF e SKIP LOCKED;
    IF picked IS NOT NULL THEN
      RETURN picked;
    END IF;
  END LOOP;
  RETURN NULL;
END
$function$;
