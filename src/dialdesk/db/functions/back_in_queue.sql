CREATE OR REPLACE FUNCTION dialdesk.back_in_queue(p_entry integer, p_attempts integer)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
  SELECT CASE
           WHEN EXISTS (SELECT 1 FROM dialdesk.callbacks cb
                        WHERE cb.entry_id = p_entry AND cb.state = 'pending') THEN 'callback'
           WHEN p_attempts > 0 THEN 'retry'
           ELSE 'fresh' END
$function$;
