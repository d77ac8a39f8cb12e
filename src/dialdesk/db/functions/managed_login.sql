CREATE OR REPLACE FUNCTION dialdesk.managed_login(p_login text)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  current_role_name text;
BEGIN
  SELECT role INTO current_role_name FROM dialdesk.people WHERE login = p_login;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no DialDesk user "%"', p_login USING ERRCODE = '42704',
      HINT = 'dialdesk:no_such_user', DETAIL = json_build_object('login', p_login)::text;
  END IF;
  RETURN current_role_name;
END $function$;
