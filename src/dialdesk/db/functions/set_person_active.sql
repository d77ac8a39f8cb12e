CREATE OR REPLACE FUNCTION dialdesk.set_person_active(p_login text, p_active boolean)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
  PERFORM dialdesk.managed_login(p_login);
  EXECUTE format('ALTER ROLE %I %s', p_login, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  UPDATE dialdesk.people SET active = p_active WHERE login = p_login;
  IF NOT p_active THEN
    BEGIN
      PERFORM dialdesk.end_sessions(p_login);
    EXCEPTION WHEN insufficient_privilege THEN
      NULL;  -- disabled all the same; the client's own call of end_sessions says why not
    END;
  END IF;
END $function$;
