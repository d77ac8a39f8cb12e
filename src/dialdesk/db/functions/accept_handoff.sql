CREATE OR REPLACE FUNCTION dialdesk.accept_handoff(p_handoff integer)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_me integer := dialdesk.session_person_id();
  h dialdesk.handoffs := dialdesk.callers_new_handoff(p_handoff, v_me);
  v_deal integer;
BEGIN
  UPDATE dialdesk.handoffs SET state = 'accepted', accepted_at = now() WHERE id = p_handoff;
  UPDATE dialdesk.companies SET expert_id = v_me
  WHERE id = h.company_id AND expert_id IS DISTINCT FROM v_me;
  SELECT d.id INTO v_deal FROM dialdesk.deals d
  WHERE d.company_id = h.company_id AND d.expert_id = v_me AND d.closed_at IS NULL
  ORDER BY d.id LIMIT 1;
  IF v_deal IS NULL THEN
    INSERT INTO dialdesk.deals (company_id, expert_id, handoff_id, campaign_id)
    VALUES (h.company_id, v_me, p_handoff,
            (SELECT c.campaign_id FROM dialdesk.calls c WHERE c.id = h.call_id))
    RETURNING id INTO v_deal;
  END IF;
  RETURN v_deal;
END $function$;
