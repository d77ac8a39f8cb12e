CREATE OR REPLACE FUNCTION dialdesk.check_group(p_role text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_role NOT IN ('operator', 'supervisor', 'marketer', 'expert', 'admin') THEN
    RAISE EXCEPTION 'unknown role "%": use operator, supervisor, marketer, expert or admin', p_role
      USING ERRCODE = '22023', HINT = 'dialdesk:unknown_role',
            DETAIL = json_build_object('role', p_role)::text;
  END IF;
  RETURN 'dialdesk_' || p_role;
END $$;

CREATE OR REPLACE FUNCTION dialdesk.create_person(p_login text, p_full_name text, p_role text,
                                  p_password_verifier text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
  -- an expert takes hand-offs from the day they are made
  INSERT INTO dialdesk.people (login, full_name, role, is_expert)
  VALUES (p_login, p_full_name, p_role, p_role = 'expert')
  RETURNING id INTO new_id;
  RETURN new_id;
END $$;

CREATE OR REPLACE FUNCTION dialdesk.set_person_role(p_login text, p_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  old_role text := dialdesk.managed_login(p_login);
  grp text := dialdesk.check_group(p_role);
BEGIN
  EXECUTE format('REVOKE %I FROM %I', dialdesk.check_group(old_role), p_login);
  EXECUTE format('GRANT %I TO %I', grp, p_login);
  UPDATE dialdesk.people SET role = p_role, is_expert = is_expert OR p_role = 'expert'
  WHERE login = p_login;
END $$;

-- Who called, inside a function that runs with the owner's rights: the active person of
-- the login that opened the session.
CREATE FUNCTION dialdesk.session_person_id() RETURNS integer
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
RETURN (SELECT p.id FROM dialdesk.people p WHERE p.login = session_user AND p.active);

-- The hand-off, locked, when it is named for p_me and still new; else a refusal.
CREATE FUNCTION dialdesk.callers_new_handoff(p_handoff integer, p_me integer)
RETURNS dialdesk.handoffs
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
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
END $$;

-- The expert named on a new hand-off takes it: the company becomes theirs and a deal opens
-- (or the company's open deal of theirs goes on).  Returns the deal.
CREATE FUNCTION dialdesk.accept_handoff(p_handoff integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
END $$;

-- The expert named on a new hand-off gives it back, saying why; the supervisor sees it.
CREATE FUNCTION dialdesk.return_handoff(p_handoff integer, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
END $$;

-- A contact the owning expert made and its result, once per client-made id: the step, the
-- deal it moves (opened when the company has none open: a client's next purchase), the
-- planned contact it fulfils and the next one (a call alone opens no deal).  A won deal makes the company a client.
CREATE FUNCTION dialdesk.record_expert_step(
    p_client_id uuid, p_company integer, p_kind text, p_made_at timestamptz,
    p_amount numeric, p_product text, p_comment text, p_lost_reason integer,
    p_callback integer, p_next_due timestamptz, p_next_kind text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
END $$;

-- The owner of a client hands them to another person (a client manager) with a note: the
-- company, its open deals and its planned contacts go with them.
CREATE FUNCTION dialdesk.hand_client(p_company integer, p_to integer, p_note text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_me integer := dialdesk.session_person_id();
  v_id integer;
BEGIN
  PERFORM 1 FROM dialdesk.companies c WHERE c.id = p_company AND c.expert_id = v_me
  FOR UPDATE;
  IF v_me IS NULL OR NOT FOUND THEN
    RAISE EXCEPTION 'company % is not your client', p_company
      USING ERRCODE = '42501', HINT = 'dialdesk:not_your_client';
  END IF;
  IF p_to = v_me OR NOT EXISTS (
      SELECT 1 FROM dialdesk.people p WHERE p.id = p_to AND p.active AND p.is_expert) THEN
    RAISE EXCEPTION 'person % cannot take clients', p_to
      USING ERRCODE = 'P0001', HINT = 'dialdesk:cannot_take_clients';
  END IF;
  INSERT INTO dialdesk.client_handovers (company_id, from_person_id, to_person_id, note)
  VALUES (p_company, v_me, p_to, nullif(btrim(p_note), ''))
  RETURNING id INTO v_id;
  UPDATE dialdesk.companies SET expert_id = p_to WHERE id = p_company;
  UPDATE dialdesk.deals SET expert_id = p_to
  WHERE company_id = p_company AND expert_id = v_me AND closed_at IS NULL;
  UPDATE dialdesk.callbacks SET assigned_to = p_to
  WHERE company_id = p_company AND assigned_to = v_me AND state = 'pending';
  RETURN v_id;
END $$;

-- The sleeping clients: bought from us, then nothing for longer than the admin's period;
-- or a product with a period of its own bought before and not within that period.  One
-- set for the whole base (a segment counts with it, the queue takes from it).
CREATE FUNCTION dialdesk.sleeping_companies() RETURNS SETOF integer
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT c.id FROM dialdesk.companies c
  WHERE c.client_since IS NOT NULL
    AND coalesce(c.last_purchase_on, c.client_since)
        < current_date - (SELECT s.sleeping_days FROM dialdesk.sales_settings s)
  UNION
  SELECT d.company_id
  FROM dialdesk.deals d JOIN dialdesk.sleeping_products sp ON lower(sp.product) = lower(d.product)
  WHERE d.stage = 'won'
  GROUP BY d.company_id, sp.id, sp.sleeping_days
  HAVING max(d.closed_at) <= now() - make_interval(days => sp.sleeping_days)
$$;

-- Chosen sleeping clients into a reactivation campaign (one of former clients), for
-- supervisors and marketers alike; returns how many joined its queue.
CREATE FUNCTION dialdesk.queue_sleeping_clients(p_campaign integer, p_companies integer[])
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_added integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM dialdesk.campaigns k
                 WHERE k.id = p_campaign AND k.is_abandoned_clients) THEN
    RAISE EXCEPTION 'campaign % is not one of former clients', p_campaign
      USING ERRCODE = 'P0001', HINT = 'dialdesk:not_a_reactivation_campaign';
  END IF;
  INSERT INTO dialdesk.campaign_entries (campaign_id, company_id)
  SELECT p_campaign, c.id FROM dialdesk.companies c
  WHERE c.id = ANY(p_companies) AND c.archived_at IS NULL
    AND c.id IN (SELECT dialdesk.sleeping_companies())
  ON CONFLICT (campaign_id, company_id) DO NOTHING;
  GET DIAGNOSTICS v_added = ROW_COUNT;
  RETURN v_added;
END $$;
