CREATE OR REPLACE FUNCTION dialdesk.sleeping_companies()
 RETURNS SETOF integer
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
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
$function$;
