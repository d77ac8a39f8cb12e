"""The expert's desk: experts log in as themselves, take or return hand-offs, follow deals
to won or lost, and hand won clients on.

- A group role ``dialdesk_expert``; an expert takes hand-offs from the day they are made
  (``create_person`` marks them ``is_expert``).
- A hand-off is accepted or returned with a reason (``accept_handoff``,
  ``return_handoff``); accepting makes the company the expert's and opens a deal.
- ``deals`` (stage, product, amount, the campaign it came from, why it was lost),
  ``expert_steps`` (each contact the expert made and its result, saved once per client-made
  id by ``record_expert_step``, which also moves the deal, fulfils the planned contact and
  plans the next), ``lost_reasons`` (kept by the admin), ``sales_settings`` (the admin's
  hours for taking a hand-off and days after which a client sleeps; ``sleeping_products``
  the days for a product of its own) and ``client_handovers``
  (``hand_client``: the client, its open deals and planned contacts go to another person).
- Row-level security: an expert reads only the companies they own or were handed, and
  those companies' phones, people, calls, answers, callbacks and steps, and only their own
  hand-offs and deals; they change the card's fields, phones and people of their own
  companies and nothing else directly.  Operators read no deal and no amount.  The new
  tables are audited.

Revision ID: 0026
Revises: 0025
"""

from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HERE = Path(__file__).parent
S = "dialdesk"
EXPERT = "dialdesk_expert"
OTHERS = "dialdesk_operator, dialdesk_supervisor, dialdesk_marketer, dialdesk_admin"
MANAGERS = "dialdesk_supervisor, dialdesk_marketer, dialdesk_admin"
ME = f"{S}.current_person_id()"
CARD = "name, legal_form, inn, industry, region, city, address, website, staff_band, notes"
PHONE = "e164, extension, raw_text, time_zone, kind, is_dead"
PERSON = "full_name, position, role, phone, email"
FUNCTIONS = (
    "accept_handoff(integer)",
    "return_handoff(integer, text)",
    "record_expert_step(uuid, integer, text, timestamptz, numeric, text, text, integer, "
    "integer, timestamptz, text)",
    "hand_client(integer, integer, text)",
)
STEP_COLUMNS_FOR_OPERATORS = "id, company_id, expert_id, deal_id, kind, made_at, comment"

TABLES = f"""
CREATE TABLE {S}.lost_reasons (
    id serial CONSTRAINT pk_lost_reasons PRIMARY KEY,
    code varchar(40) NOT NULL CONSTRAINT uq_lost_reasons_code UNIQUE,
    label_ru varchar(100) NOT NULL,
    label_en varchar(100) NOT NULL,
    sort_order integer DEFAULT 0 NOT NULL,
    active boolean DEFAULT true NOT NULL
);
CREATE TABLE {S}.deals (
    id serial CONSTRAINT pk_deals PRIMARY KEY,
    company_id integer NOT NULL CONSTRAINT fk_deals_company_id_companies
        REFERENCES {S}.companies (id) ON DELETE CASCADE,
    expert_id integer NOT NULL CONSTRAINT fk_deals_expert_id_people REFERENCES {S}.people (id),
    handoff_id integer CONSTRAINT fk_deals_handoff_id_handoffs REFERENCES {S}.handoffs (id),
    campaign_id integer CONSTRAINT fk_deals_campaign_id_campaigns
        REFERENCES {S}.campaigns (id),
    product varchar(200),
    amount numeric(14, 2),
    stage varchar(10) DEFAULT 'open' NOT NULL,
    closed_at timestamptz,
    lost_reason_id integer CONSTRAINT fk_deals_lost_reason_id_lost_reasons
        REFERENCES {S}.lost_reasons (id),
    note text,
    created_at timestamptz DEFAULT now() NOT NULL,
    CONSTRAINT ck_deals_stage CHECK (stage IN ('open','meeting','offer','invoice','won','lost')),
    CONSTRAINT ck_deals_amount CHECK (amount IS NULL OR amount >= 0),
    CONSTRAINT ck_deals_closed_when_decided
        CHECK ((stage IN ('won','lost')) = (closed_at IS NOT NULL)),
    CONSTRAINT ck_deals_won_has_amount CHECK (stage <> 'won' OR amount IS NOT NULL),
    CONSTRAINT ck_deals_lost_has_reason CHECK (stage <> 'lost' OR lost_reason_id IS NOT NULL)
);
CREATE INDEX ix_deals_expert_id_stage ON {S}.deals (expert_id, stage);
CREATE INDEX ix_deals_company_id ON {S}.deals (company_id);
CREATE INDEX ix_deals_campaign_id_closed_at ON {S}.deals (campaign_id, closed_at);
CREATE INDEX ix_deals_handoff_id ON {S}.deals (handoff_id);
CREATE TABLE {S}.expert_steps (
    id serial CONSTRAINT pk_expert_steps PRIMARY KEY,
    client_id uuid NOT NULL CONSTRAINT uq_expert_steps_client_id UNIQUE,
    company_id integer NOT NULL CONSTRAINT fk_expert_steps_company_id_companies
        REFERENCES {S}.companies (id) ON DELETE CASCADE,
    expert_id integer NOT NULL CONSTRAINT fk_expert_steps_expert_id_people
        REFERENCES {S}.people (id),
    deal_id integer CONSTRAINT fk_expert_steps_deal_id_deals REFERENCES {S}.deals (id),
    kind varchar(10) NOT NULL,
    made_at timestamptz NOT NULL,
    amount numeric(14, 2),
    comment text,
    lost_reason_id integer CONSTRAINT fk_expert_steps_lost_reason_id_lost_reasons
        REFERENCES {S}.lost_reasons (id),
    saved_at timestamptz DEFAULT now() NOT NULL,
    CONSTRAINT ck_expert_steps_kind
        CHECK (kind IN ('call','meeting','offer','invoice','won','lost'))
);
CREATE INDEX ix_expert_steps_company_id_made_at ON {S}.expert_steps (company_id, made_at);
CREATE INDEX ix_expert_steps_expert_id_made_at ON {S}.expert_steps (expert_id, made_at);
CREATE INDEX ix_expert_steps_deal_id ON {S}.expert_steps (deal_id);
CREATE TABLE {S}.client_handovers (
    id serial CONSTRAINT pk_client_handovers PRIMARY KEY,
    company_id integer NOT NULL CONSTRAINT fk_client_handovers_company_id_companies
        REFERENCES {S}.companies (id) ON DELETE CASCADE,
    from_person_id integer NOT NULL CONSTRAINT fk_client_handovers_from_person_id_people
        REFERENCES {S}.people (id),
    to_person_id integer NOT NULL CONSTRAINT fk_client_handovers_to_person_id_people
        REFERENCES {S}.people (id),
    note text,
    created_at timestamptz DEFAULT now() NOT NULL
);
CREATE INDEX ix_client_handovers_company_id ON {S}.client_handovers (company_id);
ALTER TABLE {S}.handoffs ADD COLUMN accepted_at timestamptz, ADD COLUMN returned_at timestamptz,
    ADD COLUMN return_reason text,
    DROP CONSTRAINT ck_handoffs_state,
    ADD CONSTRAINT ck_handoffs_state CHECK (state IN ('new','accepted','returned','closed')),
    ADD CONSTRAINT ck_handoffs_returned_why CHECK (state <> 'returned' OR return_reason IS NOT NULL);
ALTER TABLE {S}.people DROP CONSTRAINT ck_people_role,
    ADD CONSTRAINT ck_people_role
        CHECK (role IN ('operator','supervisor','marketer','expert','admin'));
CREATE TABLE {S}.sales_settings (
    id integer DEFAULT 1 CONSTRAINT pk_sales_settings PRIMARY KEY,
    handoff_accept_hours integer DEFAULT 4 NOT NULL,
    sleeping_days integer DEFAULT 180 NOT NULL,
    CONSTRAINT ck_sales_settings_one_row CHECK (id = 1),
    CONSTRAINT ck_sales_settings_accept_hours CHECK (handoff_accept_hours BETWEEN 1 AND 200),
    CONSTRAINT ck_sales_settings_sleeping_days CHECK (sleeping_days BETWEEN 7 AND 3650)
);
INSERT INTO {S}.sales_settings DEFAULT VALUES;
CREATE TABLE {S}.sleeping_products (
    id serial CONSTRAINT pk_sleeping_products PRIMARY KEY,
    product varchar(200) NOT NULL CONSTRAINT uq_sleeping_products_product UNIQUE,
    sleeping_days integer NOT NULL,
    CONSTRAINT ck_sleeping_products_days CHECK (sleeping_days BETWEEN 7 AND 3650)
);
INSERT INTO {S}.lost_reasons (code, label_ru, label_en, sort_order) VALUES
    ('price', 'Цена', 'Price', 10),
    ('competitor', 'Выбрали конкурента', 'Chose a competitor', 20),
    ('no_budget', 'Нет бюджета', 'No budget', 30),
    ('no_need', 'Нет потребности', 'No need', 40),
    ('other', 'Другое', 'Other', 50);
"""

VISIBLE = f"EXISTS (SELECT 1 FROM {S}.companies c WHERE c.id = company_id)"
OWNED = f"EXISTS (SELECT 1 FROM {S}.companies c WHERE c.id = company_id AND c.expert_id = {ME})"
# (table, name, command, roles, USING, WITH CHECK)
POLICIES = [
    (
        "companies", "expert_read", "SELECT", EXPERT,
        f"expert_id = {ME} OR EXISTS (SELECT 1 FROM {S}.handoffs h WHERE h.company_id = companies.id "
        f"AND h.expert_id = {ME} AND h.state <> 'returned')",
        None,
    ),
    ("companies", "expert_edit", "UPDATE", EXPERT, f"expert_id = {ME}", f"expert_id = {ME}"),
    ("phones", "expert_read", "SELECT", EXPERT, VISIBLE, None),
    ("phones", "expert_add", "INSERT", EXPERT, None, OWNED),
    ("phones", "expert_edit", "UPDATE", EXPERT, OWNED, OWNED),
    ("contact_persons", "expert_read", "SELECT", EXPERT, VISIBLE, None),
    ("contact_persons", "expert_add", "INSERT", EXPERT, None, OWNED),
    ("contact_persons", "expert_edit", "UPDATE", EXPERT, OWNED, OWNED),
    ("calls", "expert_read", "SELECT", EXPERT, VISIBLE, None),
    ("callbacks", "expert_read", "SELECT", EXPERT, VISIBLE, None),
    (
        "answers", "expert_read", "SELECT", EXPERT,
        f"EXISTS (SELECT 1 FROM {S}.calls k WHERE k.id = call_id)", None,
    ),
    ("handoffs", "expert_read", "SELECT", EXPERT, f"expert_id = {ME}", None),
    ("deals", "read", "SELECT", MANAGERS, "true", None),
    ("deals", "move", "UPDATE", "dialdesk_supervisor, dialdesk_admin", "true", "true"),
    ("deals", "expert_read", "SELECT", EXPERT, f"expert_id = {ME}", None),
    ("expert_steps", "read", "SELECT", OTHERS, "true", None),
    ("expert_steps", "expert_read", "SELECT", EXPERT, VISIBLE, None),
    ("client_handovers", "read", "SELECT", OTHERS, "true", None),
    (
        "client_handovers", "expert_read", "SELECT", EXPERT,
        f"from_person_id = {ME} OR {VISIBLE}", None,
    ),
]  # fmt: skip

GRANTS = [
    f"GRANT USAGE ON SCHEMA {S} TO {EXPERT}",
    f"GRANT EXECUTE ON FUNCTION {S}.current_person_id() TO {EXPERT}",
    f"GRANT SELECT ON public.alembic_version TO {EXPERT}",
    f"GRANT SELECT ON {S}.people, {S}.outcome_definitions, {S}.campaigns, {S}.questions, "
    f"{S}.do_not_call, {S}.lost_reasons, {S}.calls, {S}.answers, {S}.callbacks, {S}.handoffs, "
    f"{S}.deals, {S}.expert_steps, {S}.client_handovers TO {EXPERT}",
    f"GRANT SELECT, UPDATE ({CARD}) ON {S}.companies TO {EXPERT}",
    f"GRANT SELECT, INSERT, UPDATE ({PHONE}) ON {S}.phones TO {EXPERT}",
    f"GRANT SELECT, INSERT, UPDATE ({PERSON}) ON {S}.contact_persons TO {EXPERT}",
    f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {S} TO {EXPERT}",
    f"GRANT SELECT ON {S}.lost_reasons, {S}.client_handovers TO {OTHERS}",
    f"GRANT INSERT, UPDATE ON {S}.lost_reasons TO dialdesk_admin",
    f"GRANT SELECT ON {S}.sales_settings, {S}.sleeping_products TO {OTHERS}, {EXPERT}",
    f"GRANT INSERT, UPDATE, DELETE ON {S}.sleeping_products TO dialdesk_admin",
    f"GRANT USAGE ON SEQUENCE {S}.sleeping_products_id_seq TO dialdesk_admin",
    f"GRANT UPDATE (handoff_accept_hours, sleeping_days) ON {S}.sales_settings TO dialdesk_admin",
    f"GRANT USAGE ON SEQUENCE {S}.lost_reasons_id_seq TO dialdesk_admin",
    f"GRANT SELECT ON {S}.deals, {S}.expert_steps TO {MANAGERS}",
    # a supervisor moving an expert's companies to a colleague moves their open deals too
    f"GRANT UPDATE (expert_id) ON {S}.deals TO dialdesk_supervisor, dialdesk_admin",
    f"GRANT SELECT ({STEP_COLUMNS_FOR_OPERATORS}) ON {S}.expert_steps TO dialdesk_operator",
]


def upgrade() -> None:
    op.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{EXPERT}') "
        f"THEN CREATE ROLE {EXPERT} NOLOGIN; END IF; END $$"
    )
    op.execute(TABLES)
    op.execute((HERE / "0026_experts_desk.sql").read_text(encoding="utf-8"))
    for signature in FUNCTIONS:
        op.execute(f"REVOKE ALL ON FUNCTION {S}.{signature} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {S}.{signature} TO {EXPERT}")
    op.execute(f"REVOKE ALL ON FUNCTION {S}.queue_sleeping_clients(integer, integer[]) FROM PUBLIC")
    op.execute(
        f"GRANT EXECUTE ON FUNCTION {S}.queue_sleeping_clients(integer, integer[]) "
        f"TO dialdesk_supervisor, dialdesk_marketer, dialdesk_admin"
    )
    # only the functions above use it, with the owner's rights
    op.execute(f"REVOKE ALL ON FUNCTION {S}.callers_new_handoff(integer, integer) FROM PUBLIC")
    for statement in GRANTS:
        op.execute(statement)
    for table in ("deals", "expert_steps", "client_handovers", "lost_reasons", "sales_settings",
                  "sleeping_products"):  # fmt: skip
        op.execute(
            f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {S}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {S}.write_audit()"
        )
    for table in ("handoffs", "expert_steps"):  # the monitor follows the experts too
        for event, transition in (("insert", "NEW TABLE AS changed_rows"),
                                  ("update", "OLD TABLE AS old_rows NEW TABLE AS changed_rows"),
                                  ("delete", "OLD TABLE AS changed_rows")):  # fmt: skip
            op.execute(
                f"CREATE TRIGGER floor_{event} AFTER {event.upper()} ON {S}.{table} "
                f"REFERENCING {transition} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION {S}.notify_floor()"
            )
    for table in ("deals", "expert_steps", "client_handovers"):
        op.execute(f"ALTER TABLE {S}.{table} ENABLE ROW LEVEL SECURITY")
    for table, name, command, roles, using, check in POLICIES:
        clause = f"CREATE POLICY {name} ON {S}.{table} FOR {command} TO {roles}"
        if using is not None:
            clause += f" USING ({using})"
        if check is not None:
            clause += f" WITH CHECK ({check})"
        op.execute(clause)


def downgrade() -> None:
    op.execute(
        f"DO $$ BEGIN IF EXISTS (SELECT 1 FROM {S}.people WHERE role = 'expert') THEN "
        "RAISE EXCEPTION 'experts still have logins: give them another role first'; "
        "END IF; END $$"
    )
    for table, name, *_ in POLICIES:
        op.execute(f"DROP POLICY {name} ON {S}.{table}")
    for table in ("handoffs", "expert_steps"):
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER floor_{event} ON {S}.{table}")
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION {S}.{signature}")
    op.execute(f"DROP FUNCTION {S}.callers_new_handoff(integer, integer)")
    op.execute(f"DROP FUNCTION {S}.queue_sleeping_clients(integer, integer[])")
    op.execute(f"DROP FUNCTION {S}.sleeping_companies()")
    op.execute(f"DROP FUNCTION {S}.session_person_id()")
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {S} FROM {EXPERT}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {S} FROM {EXPERT}")
    op.execute(f"REVOKE ALL ON FUNCTION {S}.current_person_id() FROM {EXPERT}")
    op.execute(f"REVOKE ALL ON public.alembic_version FROM {EXPERT}")
    op.execute(f"REVOKE USAGE ON SCHEMA {S} FROM {EXPERT}")
    op.execute(
        f"DROP TABLE {S}.client_handovers, {S}.expert_steps, {S}.deals, {S}.lost_reasons, "
        f"{S}.sales_settings, {S}.sleeping_products"
    )
    op.execute(
        f"UPDATE {S}.handoffs SET state = 'new' WHERE state = 'returned'; "
        f"ALTER TABLE {S}.handoffs DROP CONSTRAINT ck_handoffs_returned_why, "
        "DROP CONSTRAINT ck_handoffs_state, "
        "ADD CONSTRAINT ck_handoffs_state CHECK (state IN ('new','accepted','closed')), "
        "DROP COLUMN accepted_at, DROP COLUMN returned_at, DROP COLUMN return_reason"
    )
    op.execute(
        f"ALTER TABLE {S}.people DROP CONSTRAINT ck_people_role, ADD CONSTRAINT ck_people_role "
        "CHECK (role IN ('operator','supervisor','marketer','admin'))"
    )
    # the people functions as they were before experts
    op.execute((HERE / "0026_experts_desk_down.sql").read_text(encoding="utf-8"))
