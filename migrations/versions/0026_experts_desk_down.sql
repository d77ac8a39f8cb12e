CREATE OR REPLACE FUNCTION dialdesk.check_group(p_role text)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
  IF p_role NOT IN ('operator', 'supervisor', 'marketer', 'admin') THEN
    RAISE EXCEPTION 'unknown role "%": use operator, supervisor, marketer or admin', p_role
      USING ERRCODE = '22023', HINT = 'dialdesk:unknown_role',
            DETAIL = json_build_object('role', p_role)::text;
  END IF;
  RETURN 'dialdesk_' || p_role;
END $function$;

CREATE OR REPLACE FUNCTION dialdesk.create_person(p_login text, p_full_name text, p_role text, p_password_verifier text)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  grp text := dialdesk.check_group(p_role);
  new_id integer;
BEGIN
  IF p_login !~ '^[a-z_][a-z0-9_.]{0,62}$' THEN
    RAISE EXCEPTION 'login "%" is not allowed: use lower-case Latin letters, digits, "_" or "."',
      p_login USING ERRCODE = '22023', HINT = 'dialdesk:login_not_allowed',
      DETAIL = json_build_object('login', p_login)::text;
  END IF;
  IF p_login LIKE 'dialdesk\_%' OR p_login LIKE 'pg\_%' THEN
    RAISE EXCEPTION 'login "%" is reserved', p_login USING ERRCODE = '22023',
      HINT = 'dialdesk:login_reserved', DETAIL = json_build_object('login', p_login)::text;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
    RAISE EXCEPTION 'login "%" already exists on this server', p_login USING ERRCODE = '42710',
      HINT = 'dialdesk:login_exists', DETAIL = json_build_object('login', p_login)::text;
  END IF;
  EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_login, p_password_verifier, grp);
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), p_login);
  INSERT INTO dialdesk.people (login, full_name, role) VALUES (p_login, p_full_name, p_role)
  RETURNING id INTO new_id;
  RETURN new_id;
END $function$;

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
  UPDATE dialdesk.people SET role = p_role WHERE login = p_login;
END $function$;

