CREATE OR REPLACE FUNCTION dialdesk.record_expert_step(p_client_id uuid, p_company integer, p_kind text, p_made_at timestamp with time zone, p_amount numeric, p_product text, p_comment text, p_lost_reason integer, p_callback integer, p_next_due timestamp with time zone, p_next_kind text)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_me integer := dialdesk.session_person_id();
  v_step integer;
  v_deal integer;
  v_stage text;
  v_order text[] := ARRAY['open', 'meeting', 'offer', 'invoice'];
BEGIN
  -- the company's row lock orders two saves of one step: the second sees the first's
  PERFORM 1 FROM dialdesk.companies c WHERE c.id = p_company FOR UPDATE;
  SELECT s.id INTO v_step FROM dialdesk.expert_steps s WHERE s.client_id = p_client_id;
  IF FOUND THEN
    RETURN v_step;  -- saved already: a retry
  END IF;
  IF v_me IS NULL OR NOT EXISTS (
      SELECT 1 FROM dialdesk.companies c WHERE c.id = p_company AND c.expert_id = v_me) THEN
    RAISE EXCEPTION 'company % is not your client', p_company
      USING ERRCODE = '42501', HINT = 'dialdesk:not_your_client';
  END IF;
  IF p_kind NOT IN ('call', 'meeting', 'offer', 'invoice', 'won', 'lost') THEN
    RAISE EXCEPTION 'unknown result "%"', p_kind USING ERRCODE = '22023',
      HINT = 'dialdesk:unknown_step', DETAIL = json_build_object('kind', p_kind)::text;
  END IF;
  IF p_made_at IS NULL OR p_made_at > now() + interval '5 minutes' THEN
    RAISE EXCEPTION 'a contact is recorded when it was made, not ahead'
      USING ERRCODE = '23514', HINT = 'dialdesk:step_in_future';
  END IF;
  IF p_amount IS NOT NULL AND p_amount < 0 THEN
    RAISE EXCEPTION 'an amount is never below zero'
      USING ERRCODE = '23514', HINT = 'dialdesk:amount_below_zero';
  END IF;
  IF p_kind = 'won' AND coalesce(p_amount, 0) <= 0 THEN
    RAISE EXCEPTION 'a won deal needs its amount'
      USING ERRCODE = '23514', HINT = 'dialdesk:won_needs_amount';
  END IF;
  IF p_kind = 'lost' AND NOT EXISTS (
      SELECT 1 FROM dialdesk.lost_reasons r WHERE r.id = p_lost_reason AND r.active) THEN
    RAISE EXCEPTION 'a lost deal needs its reason'
      USING ERRCODE = '23514', HINT = 'dialdesk:lost_needs_reason';
  END IF;
  IF p_next_due IS NOT NULL AND p_next_kind NOT IN ('call', 'meeting', 'send_offer') THEN
    RAISE EXCEPTION 'unknown kind of next contact "%"', p_next_kind USING ERRCODE = '22023',
      HINT = 'dialdesk:unknown_step', DETAIL = json_build_object('kind', p_next_kind)::text;
  END IF;
  IF p_callback IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM dialdesk.callbacks b WHERE b.id = p_callback AND b.company_id = p_company
        AND b.assigned_to = v_me AND b.state = 'pending') THEN
    RAISE EXCEPTION 'planned contact % is not your pending one for this company', p_callback
      USING ERRCODE = '42501', HINT = 'dialdesk:not_your_plan';
  END IF;

  SELECT d.id, d.stage INTO v_deal, v_stage FROM dialdesk.deals d
  WHERE d.company_id = p_company AND d.expert_id = v_me AND d.closed_at IS NULL
  ORDER BY d.id LIMIT 1 FOR UPDATE;
  IF v_deal IS NULL AND p_kind <> 'call' THEN  -- a call alone sells nothing yet
    INSERT INTO dialdesk.deals (company_id, expert_id) VALUES (p_company, v_me)
    RETURNING id, stage INTO v_deal, v_stage;
  END IF;
  IF v_deal IS NULL THEN
    NULL;
  ELSIF p_kind IN ('won', 'lost') THEN
    UPDATE dialdesk.deals
    SET stage = p_kind, closed_at = p_made_at, amount = coalesce(p_amount, amount),
        product = coalesce(nullif(btrim(p_product), ''), product),
        lost_reason_id = CASE WHEN p_kind = 'lost' THEN p_lost_reason END
    WHERE id = v_deal;
  ELSE
    UPDATE dialdesk.deals
    SET stage = CASE WHEN array_position(v_order, p_kind) > array_position(v_order, v_stage)
                     THEN p_kind ELSE stage END,
        amount = coalesce(p_amount, amount),
        product = coalesce(nullif(btrim(p_product), ''), product)
    WHERE id = v_deal;
  END IF;
  IF p_kind = 'won' THEN
    UPDATE dialdesk.companies
    SET client_since = coalesce(client_since, (p_made_at AT TIME ZONE 'Europe/Moscow')::date),
        last_purchase_on = greatest(last_purchase_on,
                                    (p_made_at AT TIME ZONE 'Europe/Moscow')::date),
        total_bought = coalesce(total_bought, 0) + p_amount,
        is_former_client = false
    WHERE id = p_company;
  END IF;

  INSERT INTO dialdesk.expert_steps (client_id, company_id, expert_id, deal_id, kind, made_at,
                                     amount, comment, lost_reason_id)
  VALUES (p_client_id, p_company, v_me, v_deal, p_kind, p_made_at, p_amount,
          nullif(btrim(p_comment), ''), CASE WHEN p_kind = 'lost' THEN p_lost_reason END)
  RETURNING id INTO v_step;
  IF p_callback IS NOT NULL THEN
    UPDATE dialdesk.callbacks SET state = 'done', done_at = now() WHERE id = p_callback;
  END IF;
  IF p_next_due IS NOT NULL THEN
    INSERT INTO dialdesk.callbacks (company_id, due_at, assigned_to, created_by, kind, note)
    VALUES (p_company, p_next_due, v_me, v_me, p_next_kind, nullif(btrim(p_comment), ''));
  END IF;
  RETURN v_step;
END $function$;
