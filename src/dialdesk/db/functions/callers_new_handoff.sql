CREATE OR REPLACE FUNCTION dialdesk.callers_new_handoff(p_handoff integer, p_me integer)
 RETURNS dialdesk.handoffs
 LANGUAGE plpgsql
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  h dialdesk.handoffs;
BEGIN
  SELECT * INTO h FROM dialdesk.handoffs WHERE id = p_handoff FOR UPDATE;
  IF NOT FOUND OR h.expert_id IS DISTINCT FROM p_me THEN
    RAISE EXCEPTION 'hand-off % is not yours', p_handoff
      USING ERRCODE = '42501', HINT = 'dialdesk:handoff_not_yours';
  END IF;
  IF h.state <> 'new' THEN
    RAISE EXCEPTION 'hand-off % is already %', p_handoff, h.state
      USING ERRCODE = 'P0001', HINT = 'dialdesk:handoff_taken';
  END IF;
  RETURN h;
END $function$;
