CREATE OR REPLACE FUNCTION dialdesk.write_audit()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  old_j jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
  new_j jsonb := CASE WHEN TG_OP IN ('UPDATE', 'INSERT') THEN to_jsonb(NEW) END;
BEGIN
  -- only the audit triggers on the schema's own tables write here
  IF TG_TABLE_SCHEMA <> 'dialdesk' OR TG_NAME <> 'audit' OR TG_WHEN <> 'AFTER'
     OR TG_LEVEL <> 'ROW' THEN
    RAISE EXCEPTION 'write_audit serves only DialDesk''s own tables'
      USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'UPDATE' AND old_j = new_j THEN
    RETURN NULL;
  END IF;
  INSERT INTO dialdesk.audit_log (db_user, table_name, row_id, action, old_row, new_row)
  VALUES (session_user, TG_TABLE_NAME, coalesce(new_j, old_j) ->> 'id', TG_OP, old_j, new_j);
  RETURN NULL;
END $function$;
