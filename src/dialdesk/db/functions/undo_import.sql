CREATE OR REPLACE FUNCTION dialdesk.undo_import(p_batch integer)
 RETURNS TABLE(companies_removed integer, phones_removed integer, contact_persons_removed integer, entries_removed integer, companies_kept integer, phones_kept integer, contact_persons_kept integer, entries_kept integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_undone timestamptz;
  v_entries integer;
  v_phones integer;
  v_persons integer;
  v_companies integer;
  v_kept integer[];
BEGIN
  SELECT b.undone_at INTO v_undone FROM dialdesk.import_batches b WHERE b.id = p_batch
  FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'there is no import %', p_batch
      USING ERRCODE = 'P0001', HINT = 'dialdesk:no_such_import',
            DETAIL = json_build_object('batch', p_batch)::text;
  END IF;
  IF v_undone IS NOT NULL THEN
    RAISE EXCEPTION 'import % has already been undone', p_batch
      USING ERRCODE = 'P0001', HINT = 'dialdesk:import_already_undone',
            DETAIL = json_build_object('batch', p_batch)::text;
  END IF;
  -- the history the import brought from the old base goes first: it is nobody's call
  DELETE FROM dialdesk.calls k WHERE k.import_batch_id = p_batch;
  -- the group it gave goes too, unless a call of ours has said one since
  UPDATE dialdesk.companies c
  SET current_outcome_id = NULL, group_changed_at = NULL, group_import_batch_id = NULL
  WHERE c.group_import_batch_id = p_batch
    AND NOT EXISTS (SELECT 1 FROM dialdesk.calls k WHERE k.company_id = c.id);
  -- the batch's companies that stay: called, or shared with a later import's entries
  v_kept := ARRAY(
    SELECT c.id FROM dialdesk.companies c
    WHERE c.import_batch_id = p_batch
      AND (EXISTS (SELECT 1 FROM dialdesk.calls k WHERE k.company_id = c.id)
           OR EXISTS (SELECT 1 FROM dialdesk.campaign_entries e
                      WHERE e.company_id = c.id
                        AND e.import_batch_id IS DISTINCT FROM p_batch)));
  DELETE FROM dialdesk.campaign_entries e
  WHERE e.import_batch_id = p_batch
    AND NOT EXISTS (SELECT 1 FROM dialdesk.calls k WHERE k.entry_id = e.id)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.callbacks cb WHERE cb.entry_id = e.id)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.operator_states s WHERE s.entry_id = e.id)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.refused_outcomes x WHERE x.entry_id = e.id)
    AND e.company_id <> ALL(v_kept);
  GET DIAGNOSTICS v_entries = ROW_COUNT;
  DELETE FROM dialdesk.phones p
  WHERE p.import_batch_id = p_batch
    AND NOT EXISTS (SELECT 1 FROM dialdesk.calls k WHERE k.phone_id = p.id)
    AND p.company_id <> ALL(v_kept);
  GET DIAGNOSTICS v_phones = ROW_COUNT;
  DELETE FROM dialdesk.contact_persons p
  WHERE p.import_batch_id = p_batch
    AND NOT EXISTS (SELECT 1 FROM dialdesk.calls k WHERE k.contact_person_id = p.id)
    AND p.company_id <> ALL(v_kept);
  GET DIAGNOSTICS v_persons = ROW_COUNT;
  DELETE FROM dialdesk.companies c
  WHERE c.import_batch_id = p_batch AND c.id <> ALL(v_kept)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.campaign_entries e WHERE e.company_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.handoffs h WHERE h.company_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM dialdesk.callbacks cb WHERE cb.company_id = c.id);
  GET DIAGNOSTICS v_companies = ROW_COUNT;
  UPDATE dialdesk.import_batches SET undone_at = now() WHERE id = p_batch;
  RETURN QUERY SELECT v_companies, v_phones, v_persons, v_entries,
    (SELECT count(*)::integer FROM dialdesk.companies c WHERE c.import_batch_id = p_batch),
    (SELECT count(*)::integer FROM dialdesk.phones p WHERE p.import_batch_id = p_batch),
    (SELECT count(*)::integer FROM dialdesk.contact_persons p
     WHERE p.import_batch_id = p_batch),
    (SELECT count(*)::integer FROM dialdesk.campaign_entries e
     WHERE e.import_batch_id = p_batch);
END
$function$;
