CREATE OR REPLACE FUNCTION dialdesk.notify_floor()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_rows) THEN
    PERFORM pg_notify('dialdesk_floor', '{}');
  END IF;
  RETURN NULL;
END $function$;
