CREATE OR REPLACE FUNCTION dialdesk.set_archived(p_companies integer[], p_archived boolean)
 RETURNS TABLE(changed integer, held integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_held integer[];
  v_ids integer[];
BEGIN
  -- a company on an operator's card right now stays as it is
  SELECT coalesce(array_agg(DISTINCT e.company_id), '{}') INTO v_held
  FROM dialdesk.campaign_entries e
  WHERE e.company_id = ANY(p_companies) AND e.state = 'claimed'
    AND e.lease_expires_at >= now();
  IF p_archived THEN
    WITH moved AS (
      UPDATE dialdesk.companies c
      SET archived_at = now(),
          archived_by = (SELECT p.id FROM dialdesk.people p WHERE p.login = session_user)
      WHERE c.id = ANY(p_companies) AND c.archived_at IS NULL AND c.id <> ALL(v_held)
      RETURNING c.id)
    SELECT coalesce(array_agg(id), '{}') INTO v_ids FROM moved;
    UPDATE dialdesk.campaign_entries e
    SET state_before_archive = CASE WHEN e.state = 'claimed'
                                    THEN dialdesk.back_in_queue(e.id, e.attempts)
                                    ELSE e.state END,
        state = 'done', claimed_by = NULL, lease_expires_at = NULL
    WHERE e.company_id = ANY(v_ids) AND e.state <> 'done';
    UPDATE dialdesk.callbacks
    SET state = 'cancelled', cancelled_by_archive = true
    WHERE company_id = ANY(v_ids) AND state = 'pending';
  ELSE
    WITH moved AS (
      UPDATE dialdesk.companies c SET archived_at = NULL, archived_by = NULL
      WHERE c.id = ANY(p_companies) AND c.archived_at IS NOT NULL
      RETURNING c.id)
    SELECT coalesce(array_agg(id), '{}') INTO v_ids FROM moved;
    UPDATE dialdesk.callbacks
    SET state = 'pending', cancelled_by_archive = false
    WHERE company_id = ANY(v_ids) AND cancelled_by_archive;
    UPDATE dialdesk.campaign_entries
    SET state = state_before_archive, state_before_archive = NULL
    WHERE company_id = ANY(v_ids) AND state_before_archive IS NOT NULL;
  END IF;
  RETURN QUERY SELECT cardinality(v_ids), cardinality(v_held);
END $function$;
