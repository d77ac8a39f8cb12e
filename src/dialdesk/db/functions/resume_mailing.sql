CREATE OR REPLACE FUNCTION dialdesk.resume_mailing(p_mailing integer)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_count integer;
BEGIN
  PERFORM 1 FROM dialdesk.mailings m WHERE m.id = p_mailing FOR UPDATE;
  UPDATE dialdesk.letters SET state = 'uncertain', finished_at = now(),
      error = coalesce(error, 'the sender stopped while this letter was being sent')
  WHERE mailing_id = p_mailing AND state = 'sending';
  GET DIAGNOSTICS v_count = ROW_COUNT;
  UPDATE dialdesk.mailings SET cancelled_at = NULL, finished_at = NULL WHERE id = p_mailing;
  RETURN v_count;
END $function$;
