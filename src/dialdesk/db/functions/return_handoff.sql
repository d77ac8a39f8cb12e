CREATE OR REPLACE FUNCTION dialdesk.return_handoff(p_handoff integer, p_reason text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  h dialdesk.handoffs := dialdesk.callers_new_handoff(p_handoff,
                                                      dialdesk.session_person_id());
BEGIN
  IF nullif(btrim(p_reason), '') IS NULL THEN
    RAISE EXCEPTION 'a returned hand-off needs its reason'
      USING ERRCODE = '23514', HINT = 'dialdesk:return_reason_required';
  END IF;
  UPDATE dialdesk.handoffs
  SET state = 'returned', returned_at = now(), return_reason = btrim(p_reason)
  WHERE id = p_handoff;
END $function$;
