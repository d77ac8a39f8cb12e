CREATE OR REPLACE FUNCTION dialdesk.session_person_id()
 RETURNS integer
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'pg_temp'
RETURN (SELECT p.id FROM dialdesk.people p WHERE (((p.login)::text = SESSION_USER) AND p.active));
