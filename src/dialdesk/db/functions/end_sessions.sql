CREATE OR REPLACE FUNCTION dialdesk.end_sessions(p_login text)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_ended integer := 0;
  v_pid integer;
BEGIN
  PERFORM dialdesk.managed_login(p_login);
  FOR v_pid IN SELECT pid FROM pg_stat_activity
               WHERE usename = p_login AND pid <> pg_backend_pid() LOOP
    BEGIN
      IF pg_terminate_backend(v_pid) THEN
        v_ended := v_ended + 1;
      END IF;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'the database''s owner may not end sessions of %', p_login
        USING ERRCODE = '42501', HINT = 'dialdesk:cannot_end_sessions',
              DETAIL = json_build_object('login', p_login, 'owner', current_user)::text;
    END;
  END LOOP;
  RETURN v_ended;
END $function$;
