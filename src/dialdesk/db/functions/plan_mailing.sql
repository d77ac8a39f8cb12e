CREATE OR REPLACE FUNCTION dialdesk.plan_mailing(p_campaign integer, p_segment integer, p_companies integer[], p_subject text)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_mailing integer;
BEGIN
  INSERT INTO dialdesk.mailings (campaign_id, segment_id, subject, created_by)
  VALUES (p_campaign, p_segment, p_subject, dialdesk.session_person_id())
  RETURNING id INTO v_mailing;
  CREATE TEMP TABLE IF NOT EXISTS mailing_companies (id integer PRIMARY KEY) ON COMMIT DROP;
  TRUNCATE mailing_companies;
  INSERT INTO mailing_companies SELECT dialdesk.mailing_companies(p_campaign, p_companies);
  INSERT INTO dialdesk.campaign_entries (campaign_id, company_id)
  SELECT p_campaign, m.id FROM mailing_companies m
  ON CONFLICT (campaign_id, company_id) DO NOTHING;
  INSERT INTO dialdesk.letters (mailing_id, campaign_id, company_id, contact_person_id,
      email, subject, state)
  SELECT DISTINCT ON (lower(btrim(cp.email)))
      v_mailing, p_campaign, cp.company_id, cp.id, lower(btrim(cp.email)), p_subject,
      'pending'
  FROM dialdesk.contact_persons cp
  JOIN mailing_companies m ON m.id = cp.company_id
  WHERE btrim(coalesce(cp.email, '')) <> ''
    AND (cp.role = 'decision_maker' OR NOT EXISTS (
          SELECT 1 FROM dialdesk.contact_persons d
          WHERE d.company_id = cp.company_id AND d.role = 'decision_maker'
            AND btrim(coalesce(d.email, '')) <> ''))
    AND (cp.role = 'decision_maker' OR cp.id = (
          SELECT min(o.id) FROM dialdesk.contact_persons o
          WHERE o.company_id = cp.company_id AND btrim(coalesce(o.email, '')) <> ''))
    AND NOT EXISTS (SELECT 1 FROM dialdesk.do_not_mail d WHERE d.email = lower(btrim(cp.email)))
  ORDER BY lower(btrim(cp.email)), cp.company_id, cp.id;
  RETURN v_mailing;
END $function$;
