CREATE OR REPLACE FUNCTION dialdesk.check_group(p_role text)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
BEGIN
  IF p_role NOT IN ('operator', 'supervisor', 'marketer', 'expert', 'admin') THEN
    RAISE EXCEPTION 'unknown role "%": use operator, supervisor, marketer, expert or admin', p_role
      USING ERRCODE = '22023', HINT = 'dialdesk:unknown_role',
            DETAIL = json_build_object('role', p_role)::text;
  END IF;
  RETURN 'dialdesk_' || p_role;
END $function$;
