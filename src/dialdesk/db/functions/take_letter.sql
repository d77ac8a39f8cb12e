CREATE OR REPLACE FUNCTION dialdesk.take_letter(p_letter bigint, p_subject text)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'pg_temp'
AS $function$
DECLARE
  v_email text;
BEGIN
  SELECT l.email INTO v_email FROM dialdesk.letters l
  WHERE l.id = p_letter AND l.state = 'pending' AND l.mailing_id IS NOT NULL FOR UPDATE;
  IF NOT FOUND THEN
    RETURN false;  -- taken by another sender, or no longer waiting
  END IF;
  IF EXISTS (SELECT 1 FROM dialdesk.do_not_mail d WHERE d.email = v_email) THEN
    UPDATE dialdesk.letters SET state = 'skipped', finished_at = now() WHERE id = p_letter;
    RETURN false;
  END IF;
  UPDATE dialdesk.letters
  SET state = 'sending', sent_by = dialdesk.session_person_id(), taken_at = now(),
      subject = coalesce(left(nullif(btrim(p_subject), ''), 300), subject)
  WHERE id = p_letter;
  RETURN true;
END $function$;
