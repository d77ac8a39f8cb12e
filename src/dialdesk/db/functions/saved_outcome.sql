CREATE OR REPLACE FUNCTION dialdesk.saved_outcome(p_client_id uuid, p_me integer)
 RETURNS TABLE(call_id bigint, entry_state text, already_saved boolean)
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
  SELECT k.id, e.state::text, true
  FROM dialdesk.calls k LEFT JOIN dialdesk.campaign_entries e ON e.id = k.entry_id
  WHERE k.client_id = p_client_id AND k.operator_id = p_me
$function$;
