CREATE OR REPLACE FUNCTION dialdesk.queue_clock(p_strict boolean, p_now timestamp with time zone)
 RETURNS timestamp with time zone
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
  SELECT CASE WHEN p_strict THEN least(p_now, now()) ELSE p_now END
$function$;
