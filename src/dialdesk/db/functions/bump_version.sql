CREATE OR REPLACE FUNCTION dialdesk.bump_version()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
  IF (to_jsonb(NEW) - 'row_version') IS DISTINCT FROM (to_jsonb(OLD) - 'row_version') THEN
    NEW.row_version := OLD.row_version + 1;
  END IF;
  RETURN NEW;
END $function$;
