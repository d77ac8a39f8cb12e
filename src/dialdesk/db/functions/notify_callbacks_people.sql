CREATE OR REPLACE FUNCTION dialdesk.notify_callbacks_people()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    FOR r IN SELECT assigned_to FROM changed_rows
             UNION SELECT assigned_to FROM old_rows LOOP
      PERFORM pg_notify('dialdesk_callbacks', json_build_object('assigned_to', r.assigned_to)::text);
    END LOOP;
  ELSE
    FOR r IN SELECT DISTINCT assigned_to FROM changed_rows LOOP
      PERFORM pg_notify('dialdesk_callbacks', json_build_object('assigned_to', r.assigned_to)::text);
    END LOOP;
  END IF;
  RETURN NULL;
END $function$;
