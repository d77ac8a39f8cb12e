CREATE OR REPLACE FUNCTION dialdesk.bump_row_version()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  ignored text[] := ARRAY['row_version', 'updated_at', 'current_outcome_id', 'group_changed_at'];
BEGIN
  -- the version counts edits of the company itself; a call changing its group is no edit
  -- that could collide with someone's open card
  IF (to_jsonb(NEW) - ignored) IS DISTINCT FROM (to_jsonb(OLD) - ignored) THEN
    NEW.row_version := OLD.row_version + 1;
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END $function$;
