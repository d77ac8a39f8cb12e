"""Group roles, grants, row-level security, audit and row-version triggers, login management.

The database, not the client, decides who may do what: every person logs in with their own
PostgreSQL login, member of exactly one ``dialdesk_*`` group role.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "dialdesk"
OPERATOR, SUPERVISOR, MARKETER, ADMIN = (
    "dialdesk_operator",
    "dialdesk_supervisor",
    "dialdesk_marketer",
    "dialdesk_admin",
)
GROUPS = (OPERATOR, SUPERVISOR, MARKETER, ADMIN)

READABLE_BY_ALL = (
    "people companies phones contact_persons outcome_definitions campaigns campaign_outcomes "
    "campaign_operators questions campaign_entries calls answers callbacks handoffs pause_codes "
    "operator_states operator_plans do_not_call segments import_batches import_templates"
).split()

# What each group may change, beyond reading.  Row-level policies narrow these further.
OPERATOR_WRITES = {
    "companies": "UPDATE",
    "phones": "INSERT, UPDATE",
    "contact_persons": "INSERT, UPDATE",
    "campaign_entries": "UPDATE",
    "calls": "INSERT",
    "answers": "INSERT",
    "callbacks": "INSERT, UPDATE",
    "handoffs": "INSERT",
    "operator_states": "INSERT",
    "do_not_call": "INSERT",
}
SUPERVISOR_WRITES = {
    **OPERATOR_WRITES,
    "campaign_entries": "UPDATE",
    "handoffs": "INSERT, UPDATE",
    "operator_plans": "INSERT, UPDATE, DELETE",
}
MARKETER_WRITES = {
    **OPERATOR_WRITES,
    "companies": "INSERT, UPDATE, DELETE",
    "phones": "INSERT, UPDATE, DELETE",
    "contact_persons": "INSERT, UPDATE, DELETE",
    "campaign_entries": "INSERT, UPDATE, DELETE",
    "campaigns": "INSERT, UPDATE",
    "campaign_outcomes": "INSERT, DELETE",
    "questions": "INSERT, UPDATE, DELETE",
    "import_batches": "INSERT, UPDATE",
    "import_templates": "INSERT, UPDATE, DELETE",
    "do_not_call": "INSERT, DELETE",
    "segments": "INSERT, UPDATE, DELETE",
}
ADMIN_WRITES = {
    **MARKETER_WRITES,
    "handoffs": "INSERT, UPDATE",
    "operator_plans": "INSERT, UPDATE, DELETE",
    "outcome_definitions": "INSERT, UPDATE",
    "campaigns": "INSERT, UPDATE, DELETE",
    "campaign_operators": "INSERT, DELETE",
    "pause_codes": "INSERT, UPDATE",
    "operator_states": "INSERT",
}
WRITES = {
    OPERATOR: OPERATOR_WRITES,
    SUPERVISOR: SUPERVISOR_WRITES,
    MARKETER: MARKETER_WRITES,
    ADMIN: ADMIN_WRITES,
}

# Tables audited on every change; the rest (bulk data) on UPDATE and DELETE only, since
# their creation is already recorded by the import batch or the call itself.
AUDIT_ALL = (
    "people campaigns campaign_outcomes campaign_operators questions outcome_definitions "
    "pause_codes do_not_call segments import_templates operator_plans callbacks handoffs"
).split()
AUDIT_CHANGES = "companies phones contact_persons calls answers import_batches".split()

ME = f"{S}.current_person_id()"

# (table, name, command, roles, USING, WITH CHECK)
POLICIES = [
    ("calls", "read", "SELECT", GROUPS, "true", None),
    ("calls", "own_insert", "INSERT", (OPERATOR, SUPERVISOR), None, f"operator_id = {ME}"),
    ("calls", "history_insert", "INSERT", (MARKETER, ADMIN), None, "true"),
    ("answers", "read", "SELECT", GROUPS, "true", None),
    (
        "answers",
        "own_insert",
        "INSERT",
        (OPERATOR, SUPERVISOR),
        None,
        f"EXISTS (SELECT 1 FROM {S}.calls c WHERE c.id = call_id AND c.operator_id = {ME})",
    ),
    ("answers", "history_insert", "INSERT", (MARKETER, ADMIN), None, "true"),
    ("callbacks", "read", "SELECT", GROUPS, "true", None),
    (
        "callbacks",
        "own_insert",
        "INSERT",
        (OPERATOR, MARKETER),
        None,
        f"created_by = {ME} AND (assigned_to IS NULL OR assigned_to = {ME})",
    ),
    (
        "callbacks",
        "own_update",
        "UPDATE",
        (OPERATOR, MARKETER),
        f"assigned_to IS NULL OR assigned_to = {ME}",
        f"(assigned_to IS NULL OR assigned_to = {ME}) AND (taken_by IS NULL OR taken_by = {ME})",
    ),
    ("callbacks", "manage", "ALL", (SUPERVISOR, ADMIN), "true", "true"),
    ("handoffs", "read", "SELECT", GROUPS, "true", None),
    ("handoffs", "own_insert", "INSERT", (OPERATOR, MARKETER), None, f"created_by = {ME}"),
    ("handoffs", "manage", "ALL", (SUPERVISOR, ADMIN), "true", "true"),
    ("operator_states", "read", "SELECT", GROUPS, "true", None),
    ("operator_states", "own_insert", "INSERT", (OPERATOR, MARKETER), None, f"person_id = {ME}"),
    ("operator_states", "manage", "INSERT", (SUPERVISOR, ADMIN), None, "true"),
    ("campaign_entries", "read", "SELECT", GROUPS, "true", None),
    (
        "campaign_entries",
        "claim",
        "UPDATE",
        (OPERATOR,),
        f"claimed_by IS NULL OR claimed_by = {ME} OR lease_expires_at < now()",
        f"claimed_by IS NULL OR claimed_by = {ME}",
    ),
    ("campaign_entries", "manage", "ALL", (SUPERVISOR, MARKETER, ADMIN), "true", "true"),
]

FUNCTIONS = f"""
CREATE FUNCTION {S}.current_person_id() RETURNS integer
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT id FROM {S}.people WHERE login = current_user AND active
$$;

CREATE FUNCTION {S}.bump_row_version() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  ignored text[] := ARRAY['row_version', 'updated_at', 'current_outcome_id', 'group_changed_at'];
BEGIN
  -- the version counts edits of the company itself; a call changing its group is no edit
  -- that could collide with someone's open card
  IF (to_jsonb(NEW) - ignored) IS DISTINCT FROM (to_jsonb(OLD) - ignored) THEN
    NEW.row_version := OLD.row_version + 1;
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION {S}.write_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  old_j jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
  new_j jsonb := CASE WHEN TG_OP IN ('UPDATE', 'INSERT') THEN to_jsonb(NEW) END;
BEGIN
  IF TG_OP = 'UPDATE' AND old_j = new_j THEN
    RETURN NULL;
  END IF;
  INSERT INTO {S}.audit_log (db_user, table_name, row_id, action, old_row, new_row)
  VALUES (session_user, TG_TABLE_NAME, coalesce(new_j, old_j) ->> 'id', TG_OP, old_j, new_j);
  RETURN NULL;
END $$;

CREATE FUNCTION {S}.check_group(p_role text) RETURNS text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_role NOT IN ('operator', 'supervisor', 'marketer', 'admin') THEN
    RAISE EXCEPTION 'unknown role "%": use operator, supervisor, marketer or admin', p_role
      USING ERRCODE = '22023', HINT = 'dialdesk:unknown_role',
            DETAIL = json_build_object('role', p_role)::text;
  END IF;
  RETURN 'dialdesk_' || p_role;
END $$;

CREATE FUNCTION {S}.create_person(p_login text, p_full_name text, p_role text,
                                  p_password_verifier text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  grp text := {S}.check_group(p_role);
  new_id integer;
BEGIN
  IF p_login !~ '^[a-z_][a-z0-9_.]{{0,62}}$' THEN
    RAISE EXCEPTION 'login "%" is not allowed: use lower-case Latin letters, digits, "_" or "."',
      p_login USING ERRCODE = '22023', HINT = 'dialdesk:login_not_allowed',
      DETAIL = json_build_object('login', p_login)::text;
  END IF;
  IF p_login LIKE 'dialdesk\\_%' OR p_login LIKE 'pg\\_%' THEN
    RAISE EXCEPTION 'login "%" is reserved', p_login USING ERRCODE = '22023',
      HINT = 'dialdesk:login_reserved', DETAIL = json_build_object('login', p_login)::text;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
    RAISE EXCEPTION 'login "%" already exists on this server', p_login USING ERRCODE = '42710',
      HINT = 'dialdesk:login_exists', DETAIL = json_build_object('login', p_login)::text;
  END IF;
  EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_login, p_password_verifier, grp);
  INSERT INTO {S}.people (login, full_name, role) VALUES (p_login, p_full_name, p_role)
  RETURNING id INTO new_id;
  RETURN new_id;
END $$;

CREATE FUNCTION {S}.managed_login(p_login text) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  current_role_name text;
BEGIN
  SELECT role INTO current_role_name FROM {S}.people WHERE login = p_login;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no DialDesk user "%"', p_login USING ERRCODE = '42704',
      HINT = 'dialdesk:no_such_user', DETAIL = json_build_object('login', p_login)::text;
  END IF;
  RETURN current_role_name;
END $$;

CREATE FUNCTION {S}.set_person_active(p_login text, p_active boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM {S}.managed_login(p_login);
  EXECUTE format('ALTER ROLE %I %s', p_login, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  UPDATE {S}.people SET active = p_active WHERE login = p_login;
END $$;

CREATE FUNCTION {S}.set_person_password(p_login text, p_password_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM {S}.managed_login(p_login);
  EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password_verifier);
END $$;

CREATE FUNCTION {S}.set_person_role(p_login text, p_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  old_role text := {S}.managed_login(p_login);
  grp text := {S}.check_group(p_role);
BEGIN
  EXECUTE format('REVOKE %I FROM %I', {S}.check_group(old_role), p_login);
  EXECUTE format('GRANT %I TO %I', grp, p_login);
  UPDATE {S}.people SET role = p_role WHERE login = p_login;
END $$;
"""

MANAGEMENT_FUNCTIONS = (
    "create_person(text, text, text, text)",
    "set_person_active(text, boolean)",
    "set_person_password(text, text)",
    "set_person_role(text, text)",
)


def _create_groups() -> None:
    for group in GROUPS:
        op.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') "
            f"THEN CREATE ROLE {group} NOLOGIN; END IF; END $$"
        )


def _grant() -> None:
    groups = ", ".join(GROUPS)
    op.execute(f"GRANT USAGE ON SCHEMA {S} TO {groups}")
    op.execute(f"GRANT EXECUTE ON FUNCTION {S}.current_person_id() TO {groups}")
    for table in READABLE_BY_ALL:
        op.execute(f"GRANT SELECT ON {S}.{table} TO {groups}")
    for group, writes in WRITES.items():
        for table, privileges in writes.items():
            op.execute(f"GRANT {privileges} ON {S}.{table} TO {group}")
    # Taking the next id is harmless; what a row may hold is decided by grants and policies.
    op.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {S} TO {groups}")
    op.execute(f"GRANT UPDATE (full_name, is_expert, email) ON {S}.people TO {ADMIN}")
    op.execute(f"GRANT SELECT ON {S}.audit_log TO {ADMIN}")
    # Every client checks the schema revision before it lets a person work.
    op.execute(f"GRANT SELECT ON public.alembic_version TO {groups}")
    for signature in MANAGEMENT_FUNCTIONS:
        op.execute(f"REVOKE ALL ON FUNCTION {S}.{signature} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {S}.{signature} TO {ADMIN}")


def _policies() -> None:
    for table in sorted({p[0] for p in POLICIES}):
        op.execute(f"ALTER TABLE {S}.{table} ENABLE ROW LEVEL SECURITY")
    for table, name, command, roles, using, check in POLICIES:
        clause = f"CREATE POLICY {name} ON {S}.{table} FOR {command} TO {', '.join(roles)}"
        if using is not None:
            clause += f" USING ({using})"
        if check is not None:
            clause += f" WITH CHECK ({check})"
        op.execute(clause)


def _triggers() -> None:
    op.execute(
        f"CREATE TRIGGER companies_row_version BEFORE UPDATE ON {S}.companies "
        f"FOR EACH ROW EXECUTE FUNCTION {S}.bump_row_version()"
    )
    for table in AUDIT_ALL:
        op.execute(
            f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {S}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {S}.write_audit()"
        )
    for table in AUDIT_CHANGES:
        op.execute(
            f"CREATE TRIGGER audit AFTER UPDATE OR DELETE ON {S}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {S}.write_audit()"
        )


def upgrade() -> None:
    _create_groups()
    op.execute(FUNCTIONS)
    _grant()
    _policies()
    _triggers()


def downgrade() -> None:
    for table in AUDIT_ALL + AUDIT_CHANGES:
        op.execute(f"DROP TRIGGER audit ON {S}.{table}")
    op.execute(f"DROP TRIGGER companies_row_version ON {S}.companies")
    for table, name, *_ in POLICIES:
        op.execute(f"DROP POLICY {name} ON {S}.{table}")
    for table in sorted({p[0] for p in POLICIES}):
        op.execute(f"ALTER TABLE {S}.{table} DISABLE ROW LEVEL SECURITY")
    op.execute(f"REVOKE ALL ON public.alembic_version FROM {', '.join(GROUPS)}")
    for group in GROUPS:
        op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {S} FROM {group}")
        op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {S} FROM {group}")
        op.execute(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {S} FROM {group}")
        op.execute(f"REVOKE ALL ON SCHEMA {S} FROM {group}")
    for signature in (
        *MANAGEMENT_FUNCTIONS,
        "managed_login(text)",
        "check_group(text)",
        "write_audit()",
        "bump_row_version()",
        "current_person_id()",
    ):
        op.execute(f"DROP FUNCTION {S}.{signature}")
    # Group roles are shared by the whole server; drop them only when no other database
    # still grants them anything.  Personal logins are left alone: they belong to people.
    for group in GROUPS:
        op.execute(
            f"DO $$ BEGIN DROP ROLE {group}; "
            f"EXCEPTION WHEN dependent_objects_still_exist THEN "
            f"RAISE NOTICE 'role {group} is still used by another database; kept'; END $$"
        )
