CREATE OR REPLACE FUNCTION dialdesk.set_person_password(p_login text, p_password_verifier text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
  PERFORM dialdesk.managed_login(p_login);
  EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password_verifier);
END $function$;
