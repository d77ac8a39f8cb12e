CREATE OR REPLACE FUNCTION dialdesk.return_handoff(p_handoff integer, p_reason text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_me integer := dialdesk.session_person_id();
  h record;
BEGIN
  SELECT * INTO h FROM dialdesk.handoffs WHERE id = p_handoff FOR UPDATE;
  IF NOT FOUND OR h.expert_id IS DISTINCT FROM v_me THEN
    RAISE EXCEPTION 'hand-off % is not yours', p_handoff
      USING ERRCODE = '42501', HINT = 'dialdesk:handoff_not_yours';
  END IF;
  IF h.state <> 'new' THEN
    RAISE EXCEPTION 'hand-off % is already %', p_handoff, h.state
      USING ERRCODE = 'P0001', HINT = 'dialdesk:handoff_taken';
  END IF;
  IF nullif(btrim(p_reason), '') IS NULL THEN
    RAISE EXCEPTION 'a returned hand-off needs its reason'
      USING ERRCODE = '23514', HINT = 'dialdesk:return_reason_required';
  END IF;
  UPDATE dialdesk.handoffs
  SET state = 'returned', returned_at = now(), return_reason = btrim(p_reason)
  WHERE id = p_handoff;
END $function$;
