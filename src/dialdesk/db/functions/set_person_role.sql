CREATE OR REPLACE FUNCTION dialdesk.set_person_role(p_login text, p_role text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  old_role text := dialdesk.managed_login(p_login);
  grp text := dialdesk.check_group(p_role);
BEGIN
  EXECUTE format('REVOKE %I FROM %I', dialdesk.check_group(old_role), p_login);
  EXECUTE format('GRANT %I TO %I', grp, p_login);
  UPDATE dialdesk.people SET role = p_role, is_expert = is_expert OR p_role = 'expert'
  WHERE login = p_login;
END $function$;
