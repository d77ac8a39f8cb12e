CREATE OR REPLACE FUNCTION dialdesk.queue_caller(p_me integer)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_id integer;
  v_active boolean;
BEGIN
  SELECT id, active INTO v_id, v_active FROM dialdesk.people WHERE login = session_user;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  IF NOT v_active OR v_id IS DISTINCT FROM p_me THEN
    RAISE EXCEPTION 'login % may work only in its own name, not as person %', session_user, p_me
      USING ERRCODE = '42501', HINT = 'dialdesk:not_in_your_name';
  END IF;
  RETURN true;
END $function$;
