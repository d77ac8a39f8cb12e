CREATE OR REPLACE FUNCTION dialdesk.import_history(p_batch integer, p_companies integer[], p_outcomes integer[], p_started timestamp with time zone[], p_comments text[], p_who text[], p_groups integer[])
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_owner integer;
  v_undone timestamptz;
  -- the login that calls: inside this function current_user is the schema's owner
  v_me integer := (SELECT p.id FROM dialdesk.people p WHERE p.login = session_user AND p.active);
  v_stranger integer;
  v_written integer;
BEGIN
  SELECT b.created_by, b.undone_at INTO v_owner, v_undone
  FROM dialdesk.import_batches b WHERE b.id = p_batch FOR UPDATE;
  IF NOT FOUND OR v_undone IS NOT NULL OR v_owner IS DISTINCT FROM v_me THEN
    RAISE EXCEPTION 'import % is not an open import of yours', p_batch
      USING ERRCODE = 'P0001', HINT = 'dialdesk:history_not_your_import',
            DETAIL = json_build_object('batch', p_batch)::text;
  END IF;
  -- only the companies this import created or put in its campaign
  SELECT x.company INTO v_stranger
  FROM unnest(p_companies) AS x(company)
  WHERE NOT EXISTS (SELECT 1 FROM dialdesk.companies c
                    WHERE c.id = x.company AND c.import_batch_id = p_batch)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.campaign_entries e
                    WHERE e.company_id = x.company AND e.import_batch_id = p_batch)
  LIMIT 1;
  IF v_stranger IS NOT NULL THEN
    RAISE EXCEPTION 'company % is not in import %', v_stranger, p_batch
      USING ERRCODE = 'P0001', HINT = 'dialdesk:history_not_this_import',
            DETAIL = json_build_object('company', v_stranger, 'batch', p_batch)::text;
  END IF;
  -- the last contact of the old base: one call each, made by nobody of ours, marked imported
  INSERT INTO dialdesk.calls (client_id, company_id, operator_id, outcome_id, started_at,
                              ended_at, comment, imported_who, import_batch_id)
  SELECT gen_random_uuid(), h.company, NULL, h.outcome, h.started, h.started,
         nullif(h.comment, ''), nullif(h.who, ''), p_batch
  FROM unnest(p_companies, p_outcomes, p_started, p_comments, p_who)
       AS h(company, outcome, started, comment, who)
  WHERE h.outcome IS NOT NULL;
  GET DIAGNOSTICS v_written = ROW_COUNT;
  -- the group the old base gave: a company enters with it, unless ours already said one
  UPDATE dialdesk.companies c
  SET current_outcome_id = g.outcome, group_changed_at = coalesce(g.started, now()),
      group_import_batch_id = p_batch
  FROM unnest(p_companies, p_groups, p_started) AS g(company, outcome, started)
  WHERE c.id = g.company AND g.outcome IS NOT NULL AND c.current_outcome_id IS NULL;
  RETURN v_written;
END
$function$;
