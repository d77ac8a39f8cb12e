CREATE OR REPLACE FUNCTION dialdesk.current_person_id()
 RETURNS integer
 LANGUAGE sql
 STABLE PARALLEL SAFE
RETURN (SELECT p.id FROM dialdesk.people p WHERE (((p.login)::text = (CURRENT_USER)::text) AND p.active));
