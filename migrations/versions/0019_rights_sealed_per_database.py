"""Nobody where they don't belong: each database's people only, the queue only through its
functions, the history kept.

- ``CONNECT`` and ``TEMPORARY`` on the database are taken from PUBLIC and given to each of
  its own people's logins (``create_person`` does it for new ones): a person of another
  DialDesk database on the same server cannot even connect here.
- Claiming, opening, releasing, lengthening a lease and saving an outcome run as the
  schema's owner (``0019_queue_functions.sql``) and check who calls; operators lose every
  direct right to change queue entries, calls, answers, callbacks, hand-offs and the
  do-not-call list.  A save is refused on an entry the caller was never given, with times
  outside the claim, or naming a phone, contact or expert that is not the company's.
- Operators change a company, its phones and contact persons only while they hold it, and
  only the columns the card edits; nobody but the owner deletes companies, phones or contact
  persons (undoing an import goes through ``undo_import``, which keeps what was called).
- ``write_audit`` writes only for the schema's own tables and nobody else may use it.
- Disabling a person ends their open sessions (``end_sessions``).
- Phones and contact persons get a row version, as companies have, for the card's
  conflict check.

The intended rights are written down in ``src/dialdesk/db/permissions.md``; a test checks
the database against it cell by cell.

Revision ID: 0019
Revises: 0018
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "dialdesk"
GROUPS = ("dialdesk_operator", "dialdesk_supervisor", "dialdesk_marketer", "dialdesk_admin")
OPERATOR, SUPERVISOR, MARKETER, ADMIN = GROUPS
HERE = Path(__file__).parent

CARD = "name, legal_form, inn, industry, region, city, address, website, staff_band, notes"
PHONE = "e164, extension, raw_text, time_zone, kind, is_dead"
PERSON = "full_name, position, role, phone, email"

# table: (operator, supervisor, marketer, admin) -- S read, I add, U change (only the
# columns named), D delete.  This migration's own copy of permissions.md.
RIGHTS: dict[str, tuple[str, str, str, str]] = {
    "people": ("S", "S", "S", "S U(full_name, is_expert, email)"),
    "companies": (
        f"S U({CARD})",
        f"S U({CARD}, expert_id)",
        f"S I U({CARD}, source, segment, potential_score)",
        f"S I U({CARD}, source, segment, potential_score, expert_id)",
    ),
    "phones": (f"S I U({PHONE})", f"S I U({PHONE})", f"S I U({PHONE})", f"S I U({PHONE})"),
    "contact_persons": (
        f"S I U({PERSON})",
        f"S I U({PERSON})",
        f"S I U({PERSON})",
        f"S I U({PERSON})",
    ),
    "outcome_definitions": ("S", "S", "S", "S I U"),
    "campaigns": ("S", "S", "S I U", "S I U D"),
    "campaign_outcomes": ("S", "S", "S I D", "S I D"),
    "campaign_operators": ("S", "S", "S", "S I D"),
    "questions": ("S", "S", "S I U D", "S I U D"),
    "campaign_entries": ("S", "S U", "S I U", "S I U"),
    "calls": ("S", "S", "S", "S"),
    "answers": ("S", "S", "S", "S"),
    "callbacks": ("S", "S U", "S", "S U"),
    "handoffs": ("S", "S U", "S", "S U"),
    "pause_codes": ("S", "S", "S", "S I U"),
    "operator_states": ("S I", "S I", "S", "S I"),
    "operator_plans": ("S", "S I U D", "S", "S I U D"),
    "do_not_call": ("S", "S", "S I D", "S I D"),
    "segments": ("S", "S", "S I U D", "S I U D"),
    "import_batches": ("S", "S", "S I U", "S I U"),
    "import_templates": ("S", "S", "S I U D", "S I U D"),
    "audit_log": ("", "", "", "S"),
    "refused_outcomes": ("S I", "S I", "", "S"),
}
PRIVILEGES = {"S": "SELECT", "I": "INSERT", "U": "UPDATE", "D": "DELETE"}

ME = f"{S}.current_person_id()"
HELD = f"{S}.holds_company"
# (table, name, command, roles, USING, WITH CHECK)
NEW_POLICIES = [
    ("companies", "read", "SELECT", GROUPS, "true", None),
    ("companies", "held_edit", "UPDATE", (OPERATOR,), "true", f"{HELD}(id)"),
    ("companies", "manage", "ALL", (SUPERVISOR, MARKETER, ADMIN), "true", "true"),
]
for _table in ("phones", "contact_persons"):
    NEW_POLICIES += [
        (_table, "read", "SELECT", GROUPS, "true", None),
        (_table, "held_add", "INSERT", (OPERATOR,), None, f"{HELD}(company_id)"),
        (_table, "held_edit", "UPDATE", (OPERATOR,), "true", f"{HELD}(company_id)"),
        (_table, "manage", "ALL", (SUPERVISOR, MARKETER, ADMIN), "true", "true"),
    ]
# the policies of 0003 that let people write what only the queue's functions write now
OLD_POLICIES = [
    ("campaign_entries", "claim"),
    ("calls", "own_insert"),
    ("calls", "history_insert"),
    ("answers", "own_insert"),
    ("answers", "history_insert"),
    ("callbacks", "own_insert"),
    ("callbacks", "own_update"),
    ("handoffs", "own_insert"),
]

CLAIM_NEXT = "claim_next(integer, integer, timestamptz, date[])"
RECORD_OUTCOME = (
    "record_outcome(integer, uuid, integer, text, timestamptz, timestamptz, integer, text, "
    "text, integer, jsonb, timestamptz, text, boolean, integer, integer)"
)
NEXT_QUEUE_ENTRY = "next_queue_entry(integer, integer, timestamptz, date[])"
# the functions of 0019_queue_functions.sql and who may call them (nobody: only they do)
QUEUE_FUNCTIONS = {
    CLAIM_NEXT: (OPERATOR, SUPERVISOR),
    "take_entry(integer, integer, timestamptz)": (OPERATOR, SUPERVISOR),
    "release_entry(integer, integer)": (OPERATOR, SUPERVISOR),
    "extend_lease(integer, integer, timestamptz)": (OPERATOR, SUPERVISOR),
    RECORD_OUTCOME: (OPERATOR, SUPERVISOR),
    "undo_import(integer)": (MARKETER, ADMIN),
    "back_in_queue(integer, integer)": (SUPERVISOR,),  # a supervisor's release uses it
    "give_claim(integer, integer, timestamptz)": (),
    "saved_outcome(uuid, integer)": (),
    "queue_caller(integer)": (),
    "queue_clock(boolean, timestamptz)": (),
}

HELPERS = f"""
-- An operator's edit of a company, its phones or contact persons: only while they hold it.
CREATE FUNCTION {S}.holds_company(p_company integer) RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM {S}.campaign_entries e
                 WHERE e.company_id = p_company AND e.state = 'claimed'
                   AND e.claimed_by = {S}.current_person_id()) THEN
    RAISE EXCEPTION 'company % is not on your card', p_company
      USING ERRCODE = '42501', HINT = 'dialdesk:not_held';
  END IF;
  RETURN true;
END $$;

CREATE FUNCTION {S}.bump_version() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF (to_jsonb(NEW) - 'row_version') IS DISTINCT FROM (to_jsonb(OLD) - 'row_version') THEN
    NEW.row_version := OLD.row_version + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION {S}.write_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  old_j jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
  new_j jsonb := CASE WHEN TG_OP IN ('UPDATE', 'INSERT') THEN to_jsonb(NEW) END;
BEGIN
  -- only the audit triggers on the schema's own tables write here
  IF TG_TABLE_SCHEMA <> '{S}' OR TG_NAME <> 'audit' OR TG_WHEN <> 'AFTER'
     OR TG_LEVEL <> 'ROW' THEN
    RAISE EXCEPTION 'write_audit serves only DialDesk''s own tables'
      USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'UPDATE' AND old_j = new_j THEN
    RETURN NULL;
  END IF;
  INSERT INTO {S}.audit_log (db_user, table_name, row_id, action, old_row, new_row)
  VALUES (session_user, TG_TABLE_NAME, coalesce(new_j, old_j) ->> 'id', TG_OP, old_j, new_j);
  RETURN NULL;
END $$;

-- End every open session of p_login (when they are disabled).
CREATE FUNCTION {S}.end_sessions(p_login text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_ended integer := 0;
  v_pid integer;
BEGIN
  PERFORM {S}.managed_login(p_login);
  FOR v_pid IN SELECT pid FROM pg_stat_activity
               WHERE usename = p_login AND pid <> pg_backend_pid() LOOP
    BEGIN
      IF pg_terminate_backend(v_pid) THEN
        v_ended := v_ended + 1;
      END IF;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'the database''s owner may not end sessions of %', p_login
        USING ERRCODE = '42501', HINT = 'dialdesk:cannot_end_sessions',
              DETAIL = json_build_object('login', p_login, 'owner', current_user)::text;
    END;
  END LOOP;
  RETURN v_ended;
END $$;

CREATE OR REPLACE FUNCTION {S}.set_person_active(p_login text, p_active boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM {S}.managed_login(p_login);
  EXECUTE format('ALTER ROLE %I %s', p_login, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  UPDATE {S}.people SET active = p_active WHERE login = p_login;
  IF NOT p_active THEN
    BEGIN
      PERFORM {S}.end_sessions(p_login);
    EXCEPTION WHEN insufficient_privilege THEN
      NULL;  -- disabled all the same; the client's own call of end_sessions says why not
    END;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION {S}.create_person(p_login text, p_full_name text, p_role text,
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
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), p_login);
  INSERT INTO {S}.people (login, full_name, role) VALUES (p_login, p_full_name, p_role)
  RETURNING id INTO new_id;
  RETURN new_id;
END $$;
"""

SEAL = f"""
DO $$
DECLARE
  v_login text;
BEGIN
  EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  FOR v_login IN SELECT p.login FROM {S}.people p JOIN pg_roles r ON r.rolname = p.login LOOP
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), v_login);
  END LOOP;
END $$
"""
UNSEAL = """
DO $$ BEGIN
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO PUBLIC', current_database());
END $$
"""


def grant_statements(table: str, group: str, rights: str) -> list[str]:
    """``GRANT`` statements for one cell of the matrix (``S I U(a, b) D``)."""
    statements = []
    for token in rights.replace(", ", ",").split():
        privilege = PRIVILEGES[token[0]]
        columns = token[2:-1].replace(",", ", ") if "(" in token else ""
        target = f"{privilege} ({columns})" if columns else privilege
        statements.append(f"GRANT {target} ON {S}.{table} TO {group}")
    return statements


def _sibling(prefix: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"m{prefix}", next(HERE.glob(f"{prefix}_*.py")))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _create_policy(table: str, name: str, command: str, roles: Sequence[str],
                   using: str | None, check: str | None) -> None:  # fmt: skip
    clause = f"CREATE POLICY {name} ON {S}.{table} FOR {command} TO {', '.join(roles)}"
    if using is not None:
        clause += f" USING ({using})"
    if check is not None:
        clause += f" WITH CHECK ({check})"
    op.execute(clause)


def _revoke_writes() -> None:
    for table in RIGHTS:
        op.execute(f"REVOKE ALL ON {S}.{table} FROM {', '.join(GROUPS)}")


def upgrade() -> None:
    op.execute(
        f"ALTER TABLE {S}.campaign_entries "
        f"ADD COLUMN last_claimed_by integer CONSTRAINT "
        f"fk_campaign_entries_last_claimed_by_people REFERENCES {S}.people (id), "
        "ADD COLUMN last_claimed_at timestamptz"
    )
    op.execute(
        f"UPDATE {S}.campaign_entries SET last_claimed_by = claimed_by, last_claimed_at = now() "
        "WHERE claimed_by IS NOT NULL"
    )
    for table in ("phones", "contact_persons"):
        op.execute(f"ALTER TABLE {S}.{table} ADD COLUMN row_version integer DEFAULT 1 NOT NULL")
    op.execute(f"DROP FUNCTION {S}.{CLAIM_NEXT}; DROP FUNCTION {S}.{RECORD_OUTCOME}")
    op.execute((HERE / "0019_queue_functions.sql").read_text(encoding="utf-8"))
    op.execute(HELPERS)
    for table in ("phones", "contact_persons"):
        op.execute(
            f"CREATE TRIGGER {table}_row_version BEFORE UPDATE ON {S}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {S}.bump_version()"
        )
    for signature, groups in QUEUE_FUNCTIONS.items():
        op.execute(f"REVOKE ALL ON FUNCTION {S}.{signature} FROM PUBLIC")
        if groups:
            op.execute(f"GRANT EXECUTE ON FUNCTION {S}.{signature} TO {', '.join(groups)}")
    op.execute(f"REVOKE ALL ON FUNCTION {S}.{NEXT_QUEUE_ENTRY} FROM PUBLIC, {', '.join(GROUPS)}")
    for signature in ("write_audit()", "bump_version()", "end_sessions(text)"):
        op.execute(f"REVOKE ALL ON FUNCTION {S}.{signature} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {S}.end_sessions(text) TO {ADMIN}")
    op.execute(f"REVOKE ALL ON FUNCTION {S}.holds_company(integer) FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {S}.holds_company(integer) TO {', '.join(GROUPS)}")

    _revoke_writes()
    for table, cells in RIGHTS.items():
        for group, rights in zip(GROUPS, cells, strict=True):
            for statement in grant_statements(table, group, rights):
                op.execute(statement)
    for table, name in OLD_POLICIES:
        op.execute(f"DROP POLICY {name} ON {S}.{table}")
    for table in ("companies", "phones", "contact_persons"):
        op.execute(f"ALTER TABLE {S}.{table} ENABLE ROW LEVEL SECURITY")
    for policy in NEW_POLICIES:
        _create_policy(*policy)
    op.execute(SEAL)


def downgrade() -> None:
    old = _sibling("0003")
    op.execute(UNSEAL)
    for table, name, *_ in NEW_POLICIES:
        op.execute(f"DROP POLICY {name} ON {S}.{table}")
    for table in ("companies", "phones", "contact_persons"):
        op.execute(f"ALTER TABLE {S}.{table} DISABLE ROW LEVEL SECURITY")
    for policy in old.POLICIES:
        if (policy[0], policy[1]) in OLD_POLICIES:
            _create_policy(*policy)
    _revoke_writes()
    groups = ", ".join(GROUPS)
    for table in old.READABLE_BY_ALL:
        op.execute(f"GRANT SELECT ON {S}.{table} TO {groups}")
    for group, writes in old.WRITES.items():
        for table, privileges in writes.items():
            op.execute(f"GRANT {privileges} ON {S}.{table} TO {group}")
    op.execute(f"GRANT UPDATE (full_name, is_expert, email) ON {S}.people TO {ADMIN}")
    op.execute(f"GRANT SELECT ON {S}.audit_log TO {ADMIN}")
    op.execute(f"GRANT SELECT, INSERT ON {S}.refused_outcomes TO {OPERATOR}, {SUPERVISOR}")
    op.execute(f"GRANT SELECT ON {S}.refused_outcomes TO {ADMIN}")

    for table in ("phones", "contact_persons"):
        op.execute(f"DROP TRIGGER {table}_row_version ON {S}.{table}")
        op.execute(f"ALTER TABLE {S}.{table} DROP COLUMN row_version")
    for signature in QUEUE_FUNCTIONS:
        op.execute(f"DROP FUNCTION {S}.{signature}")
    for signature in ("end_sessions(text)", "holds_company(integer)", "bump_version()"):
        op.execute(f"DROP FUNCTION {S}.{signature}")
    # 0003's own texts of the functions changed here, 0008's claim and 0018's save
    for block in old.FUNCTIONS.split("\nCREATE FUNCTION ")[1:]:
        if block.startswith((f"{S}.write_audit", f"{S}.set_person_active", f"{S}.create_person")):
            op.execute("CREATE OR REPLACE FUNCTION " + block)
    op.execute(f"GRANT EXECUTE ON FUNCTION {S}.write_audit() TO PUBLIC")
    claim = _sibling("0008")
    op.execute(claim.FUNCTION)
    op.execute(f"GRANT EXECUTE ON FUNCTION {claim.SIGNATURE} TO {groups}")
    op.execute(f"GRANT EXECUTE ON FUNCTION {S}.{NEXT_QUEUE_ENTRY} TO {groups}")
    save = _sibling("0018")
    op.execute(save._record_outcome_0016().replace(save.INSERT_END, save.INSERT_ONCE))
    op.execute(f"REVOKE ALL ON FUNCTION {S}.{RECORD_OUTCOME} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {S}.{RECORD_OUTCOME} TO {groups}")
    op.execute(
        f"ALTER TABLE {S}.campaign_entries DROP COLUMN last_claimed_at, DROP COLUMN last_claimed_by"
    )
