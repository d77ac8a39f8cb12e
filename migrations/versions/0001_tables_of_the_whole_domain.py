"""Tables of the whole domain: people, companies, campaigns, queue, calls, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 01:31:40.397769
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("CREATE SCHEMA dialdesk")
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column(
            "at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("db_user", sa.String(length=63), nullable=False),
        sa.Column("table_name", sa.String(length=63), nullable=False),
        sa.Column("row_id", sa.String(length=100), nullable=True),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("old_row", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("new_row", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        schema="dialdesk",
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"], unique=False, schema="dialdesk")
    op.create_index(
        op.f("ix_audit_log_table_name_row_id"),
        "audit_log",
        ["table_name", "row_id"],
        unique=False,
        schema="dialdesk",
    )
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("product", sa.Text(), nullable=True),
        sa.Column("script", sa.Text(), nullable=True),
        sa.Column("is_abandoned_clients", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("calling_hours_start", sa.Time(), server_default="09:00", nullable=False),
        sa.Column("calling_hours_end", sa.Time(), server_default="18:00", nullable=False),
        sa.Column("working_days_only", sa.Boolean(), server_default="true", nullable=False),
        sa.Column("retry_delay_minutes", sa.Integer(), server_default="120", nullable=False),
        sa.Column("max_attempts", sa.Integer(), server_default="5", nullable=False),
        sa.Column("callback_grace_minutes", sa.Integer(), server_default="30", nullable=False),
        sa.Column("lease_minutes", sa.Integer(), server_default="15", nullable=False),
        sa.Column("alert_waiting_seconds", sa.Integer(), server_default="300", nullable=False),
        sa.Column("alert_paused_seconds", sa.Integer(), server_default="900", nullable=False),
        sa.Column("alert_card_seconds", sa.Integer(), server_default="600", nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default="true", nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "calling_hours_start < calling_hours_end", name=op.f("ck_campaigns_hours")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sa.UniqueConstraint("name", name=op.f("uq_campaigns_name")),
        schema="dialdesk",
    )
    op.create_table(
        "import_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("mapping", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_import_templates_name")),
        schema="dialdesk",
    )
    op.create_table(
        "outcome_definitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label_ru", sa.String(length=100), nullable=False),
        sa.Column("label_en", sa.String(length=100), nullable=False),
        sa.Column("sort_order", sa.Integer(), server_default="0", nullable=False),
        sa.Column("hotkey", sa.String(length=10), nullable=True),
        sa.Column("is_contact", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("is_final", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("hands_to_expert", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("needs_callback", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("retry_after_days", sa.Integer(), nullable=True),
        sa.Column("max_attempts", sa.Integer(), nullable=True),
        sa.Column("marks_phone_dead", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("hidden", sa.Boolean(), server_default="false", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_definitions")),
        sa.UniqueConstraint("code", name=op.f("uq_outcome_definitions_code")),
        schema="dialdesk",
    )
    op.create_table(
        "pause_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label_ru", sa.String(length=100), nullable=False),
        sa.Column("label_en", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), server_default="true", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pause_codes")),
        sa.UniqueConstraint("code", name=op.f("uq_pause_codes_code")),
        schema="dialdesk",
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("is_expert", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("active", sa.Boolean(), server_default="true", nullable=False),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "role IN ('operator','supervisor','marketer','admin')", name=op.f("ck_people_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("login", name=op.f("uq_people_login")),
        schema="dialdesk",
    )
    op.create_table(
        "campaign_operators",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["dialdesk.campaigns.id"],
            name=op.f("fk_campaign_operators_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["dialdesk.people.id"],
            name=op.f("fk_campaign_operators_person_id_people"),
        ),
        sa.PrimaryKeyConstraint("campaign_id", "person_id", name=op.f("pk_campaign_operators")),
        schema="dialdesk",
    )
    op.create_table(
        "campaign_outcomes",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("outcome_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["dialdesk.campaigns.id"],
            name=op.f("fk_campaign_outcomes_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outcome_id"],
            ["dialdesk.outcome_definitions.id"],
            name=op.f("fk_campaign_outcomes_outcome_id_outcome_definitions"),
        ),
        sa.PrimaryKeyConstraint("campaign_id", "outcome_id", name=op.f("pk_campaign_outcomes")),
        schema="dialdesk",
    )
    op.create_table(
        "do_not_call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("e164", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column(
            "added_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["added_by"], ["dialdesk.people.id"], name=op.f("fk_do_not_call_added_by_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_do_not_call")),
        sa.UniqueConstraint("e164", name=op.f("uq_do_not_call_e164")),
        schema="dialdesk",
    )
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("rows_read", sa.Integer(), server_default="0", nullable=False),
        sa.Column("companies_created", sa.Integer(), server_default="0", nullable=False),
        sa.Column("companies_merged", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rows_rejected", sa.Integer(), server_default="0", nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["dialdesk.campaigns.id"],
            name=op.f("fk_import_batches_campaign_id_campaigns"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["dialdesk.people.id"], name=op.f("fk_import_batches_created_by_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
        schema="dialdesk",
    )
    op.create_table(
        "operator_plans",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("calls_target", sa.Integer(), server_default="0", nullable=False),
        sa.Column("contacts_target", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["dialdesk.people.id"], name=op.f("fk_operator_plans_person_id_people")
        ),
        sa.PrimaryKeyConstraint("person_id", "day", name=op.f("pk_operator_plans")),
        schema="dialdesk",
    )
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("choices", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("required", sa.Boolean(), server_default="false", nullable=False),
        sa.CheckConstraint(
            "kind IN ('yes_no','choice','number','text')", name=op.f("ck_questions_kind")
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["dialdesk.campaigns.id"],
            name=op.f("fk_questions_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questions")),
        sa.UniqueConstraint(
            "campaign_id", "position", name=op.f("uq_questions_campaign_id_position")
        ),
        schema="dialdesk",
    )
    op.create_table(
        "segments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("criteria", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("rank", sa.String(length=1), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("rank IS NULL OR rank IN ('A','B','C')", name=op.f("ck_segments_rank")),
        sa.ForeignKeyConstraint(
            ["created_by"], ["dialdesk.people.id"], name=op.f("fk_segments_created_by_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segments")),
        sa.UniqueConstraint("name", name=op.f("uq_segments_name")),
        schema="dialdesk",
    )
    op.create_table(
        "companies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("name_key", sa.String(length=500), nullable=False),
        sa.Column("legal_form", sa.String(length=40), nullable=True),
        sa.Column("inn", sa.String(length=12), nullable=True),
        sa.Column("industry", sa.String(length=200), nullable=True),
        sa.Column("region", sa.String(length=200), nullable=True),
        sa.Column("city", sa.String(length=200), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("staff_band", sa.String(length=40), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("segment", sa.String(length=200), nullable=True),
        sa.Column("potential_score", sa.Integer(), nullable=True),
        sa.Column("current_outcome_id", sa.Integer(), nullable=True),
        sa.Column("group_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expert_id", sa.Integer(), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["current_outcome_id"],
            ["dialdesk.outcome_definitions.id"],
            name=op.f("fk_companies_current_outcome_id_outcome_definitions"),
        ),
        sa.ForeignKeyConstraint(
            ["expert_id"], ["dialdesk.people.id"], name=op.f("fk_companies_expert_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["dialdesk.import_batches.id"],
            name=op.f("fk_companies_import_batch_id_import_batches"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_companies")),
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_companies_current_outcome_id"),
        "companies",
        ["current_outcome_id"],
        unique=False,
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_companies_industry"), "companies", ["industry"], unique=False, schema="dialdesk"
    )
    op.create_index(
        op.f("ix_companies_inn"),
        "companies",
        ["inn"],
        unique=True,
        schema="dialdesk",
        postgresql_where=sa.text("inn IS NOT NULL"),
    )
    op.create_index(
        op.f("ix_companies_name_key_city"),
        "companies",
        ["name_key", "city"],
        unique=False,
        schema="dialdesk",
    )
    op.create_table(
        "campaign_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), server_default="fresh", nullable=False),
        sa.Column("priority", sa.Integer(), server_default="0", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_by", sa.Integer(), nullable=True),
        sa.Column("lease_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_outcome_id", sa.Integer(), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "state IN ('fresh','claimed','retry','callback','done')",
            name=op.f("ck_campaign_entries_state"),
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["dialdesk.campaigns.id"],
            name=op.f("fk_campaign_entries_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claimed_by"],
            ["dialdesk.people.id"],
            name=op.f("fk_campaign_entries_claimed_by_people"),
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["dialdesk.companies.id"],
            name=op.f("fk_campaign_entries_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["dialdesk.import_batches.id"],
            name=op.f("fk_campaign_entries_import_batch_id_import_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["last_outcome_id"],
            ["dialdesk.outcome_definitions.id"],
            name=op.f("fk_campaign_entries_last_outcome_id_outcome_definitions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_entries")),
        sa.UniqueConstraint(
            "campaign_id", "company_id", name=op.f("uq_campaign_entries_campaign_id_company_id")
        ),
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_campaign_entries_claimed_by"),
        "campaign_entries",
        ["claimed_by"],
        unique=False,
        schema="dialdesk",
        postgresql_where=sa.text("state = 'claimed'"),
    )
    op.create_index(
        op.f("ix_campaign_entries_company_id"),
        "campaign_entries",
        ["company_id"],
        unique=False,
        schema="dialdesk",
    )
    op.create_index(
        "ix_campaign_entries_queue",
        "campaign_entries",
        ["campaign_id", sa.literal_column("priority DESC"), "next_attempt_at"],
        unique=False,
        schema="dialdesk",
        postgresql_where=sa.text("state IN ('fresh','retry')"),
    )
    op.create_table(
        "contact_persons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=300), nullable=False),
        sa.Column("position", sa.String(length=300), nullable=True),
        sa.Column("role", sa.String(length=20), server_default="other", nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "role IN ('decision_maker','influencer','secretary','other')",
            name=op.f("ck_contact_persons_role"),
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["dialdesk.companies.id"],
            name=op.f("fk_contact_persons_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_persons")),
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_contact_persons_company_id"),
        "contact_persons",
        ["company_id"],
        unique=False,
        schema="dialdesk",
    )
    op.create_table(
        "phones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("e164", sa.String(length=20), nullable=True),
        sa.Column("extension", sa.String(length=20), nullable=True),
        sa.Column("raw_text", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=10), server_default="work", nullable=False),
        sa.Column("is_dead", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("kind IN ('work','mobile','fax','other')", name=op.f("ck_phones_kind")),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["dialdesk.companies.id"],
            name=op.f("fk_phones_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phones")),
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_phones_company_id"), "phones", ["company_id"], unique=False, schema="dialdesk"
    )
    op.create_index(op.f("ix_phones_e164"), "phones", ["e164"], unique=False, schema="dialdesk")
    op.create_table(
        "calls",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("phone_id", sa.Integer(), nullable=True),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("contact_person_id", sa.Integer(), nullable=True),
        sa.Column("spoke_with", sa.String(length=300), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome_id", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column(
            "saved_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["dialdesk.campaigns.id"], name=op.f("fk_calls_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["dialdesk.companies.id"],
            name=op.f("fk_calls_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_person_id"],
            ["dialdesk.contact_persons.id"],
            name=op.f("fk_calls_contact_person_id_contact_persons"),
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["dialdesk.campaign_entries.id"],
            name=op.f("fk_calls_entry_id_campaign_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["dialdesk.people.id"], name=op.f("fk_calls_operator_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["outcome_id"],
            ["dialdesk.outcome_definitions.id"],
            name=op.f("fk_calls_outcome_id_outcome_definitions"),
        ),
        sa.ForeignKeyConstraint(
            ["phone_id"], ["dialdesk.phones.id"], name=op.f("fk_calls_phone_id_phones")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calls")),
        sa.UniqueConstraint("client_id", name=op.f("uq_calls_client_id")),
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_calls_campaign_id_started_at"),
        "calls",
        ["campaign_id", "started_at"],
        unique=False,
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_calls_company_id_started_at"),
        "calls",
        ["company_id", "started_at"],
        unique=False,
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_calls_operator_id_started_at"),
        "calls",
        ["operator_id", "started_at"],
        unique=False,
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_calls_started_at"), "calls", ["started_at"], unique=False, schema="dialdesk"
    )
    op.create_table(
        "operator_states",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("pause_code_id", sa.Integer(), nullable=True),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column(
            "started_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "state IN ('offline','waiting','on_card','paused')",
            name=op.f("ck_operator_states_state"),
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["dialdesk.campaign_entries.id"],
            name=op.f("fk_operator_states_entry_id_campaign_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["pause_code_id"],
            ["dialdesk.pause_codes.id"],
            name=op.f("fk_operator_states_pause_code_id_pause_codes"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["dialdesk.people.id"], name=op.f("fk_operator_states_person_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator_states")),
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_operator_states_person_id_started_at"),
        "operator_states",
        ["person_id", "started_at"],
        unique=False,
        schema="dialdesk",
    )
    op.create_table(
        "answers",
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("call_id", sa.BigInteger(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["dialdesk.calls.id"],
            name=op.f("fk_answers_call_id_calls"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["dialdesk.questions.id"],
            name=op.f("fk_answers_question_id_questions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answers")),
        sa.UniqueConstraint("call_id", "question_id", name=op.f("uq_answers_call_id_question_id")),
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_answers_question_id"), "answers", ["question_id"], unique=False, schema="dialdesk"
    )
    op.create_table(
        "callbacks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("call_id", sa.BigInteger(), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("assigned_to", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), server_default="call", nullable=False),
        sa.Column("state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("taken_by", sa.Integer(), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_call_id", sa.BigInteger(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('call','meeting','send_offer')", name=op.f("ck_callbacks_kind")
        ),
        sa.CheckConstraint(
            "state IN ('pending','done','cancelled','missed')", name=op.f("ck_callbacks_state")
        ),
        sa.ForeignKeyConstraint(
            ["assigned_to"], ["dialdesk.people.id"], name=op.f("fk_callbacks_assigned_to_people")
        ),
        sa.ForeignKeyConstraint(
            ["call_id"], ["dialdesk.calls.id"], name=op.f("fk_callbacks_call_id_calls")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["dialdesk.companies.id"],
            name=op.f("fk_callbacks_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["dialdesk.people.id"], name=op.f("fk_callbacks_created_by_people")
        ),
        sa.ForeignKeyConstraint(
            ["done_call_id"], ["dialdesk.calls.id"], name=op.f("fk_callbacks_done_call_id_calls")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["dialdesk.campaign_entries.id"],
            name=op.f("fk_callbacks_entry_id_campaign_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["taken_by"], ["dialdesk.people.id"], name=op.f("fk_callbacks_taken_by_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_callbacks")),
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_callbacks_assigned_to_due_at"),
        "callbacks",
        ["assigned_to", "due_at"],
        unique=False,
        schema="dialdesk",
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.create_index(
        op.f("ix_callbacks_company_id"),
        "callbacks",
        ["company_id"],
        unique=False,
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_callbacks_due_at"),
        "callbacks",
        ["due_at"],
        unique=False,
        schema="dialdesk",
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.create_table(
        "handoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.BigInteger(), nullable=True),
        sa.Column("expert_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), server_default="new", nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("state IN ('new','accepted','closed')", name=op.f("ck_handoffs_state")),
        sa.ForeignKeyConstraint(
            ["call_id"], ["dialdesk.calls.id"], name=op.f("fk_handoffs_call_id_calls")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["dialdesk.companies.id"],
            name=op.f("fk_handoffs_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["dialdesk.people.id"], name=op.f("fk_handoffs_created_by_people")
        ),
        sa.ForeignKeyConstraint(
            ["expert_id"], ["dialdesk.people.id"], name=op.f("fk_handoffs_expert_id_people")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handoffs")),
        schema="dialdesk",
    )
    op.create_index(
        op.f("ix_handoffs_company_id"), "handoffs", ["company_id"], unique=False, schema="dialdesk"
    )
    op.create_index(
        op.f("ix_handoffs_expert_id_state"),
        "handoffs",
        ["expert_id", "state"],
        unique=False,
        schema="dialdesk",
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_handoffs_expert_id_state"), table_name="handoffs", schema="dialdesk")
    op.drop_index(op.f("ix_handoffs_company_id"), table_name="handoffs", schema="dialdesk")
    op.drop_table("handoffs", schema="dialdesk")
    op.drop_index(
        op.f("ix_callbacks_due_at"),
        table_name="callbacks",
        schema="dialdesk",
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.drop_index(op.f("ix_callbacks_company_id"), table_name="callbacks", schema="dialdesk")
    op.drop_index(
        op.f("ix_callbacks_assigned_to_due_at"),
        table_name="callbacks",
        schema="dialdesk",
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.drop_table("callbacks", schema="dialdesk")
    op.drop_index(op.f("ix_answers_question_id"), table_name="answers", schema="dialdesk")
    op.drop_table("answers", schema="dialdesk")
    op.drop_index(
        op.f("ix_operator_states_person_id_started_at"),
        table_name="operator_states",
        schema="dialdesk",
    )
    op.drop_table("operator_states", schema="dialdesk")
    op.drop_index(op.f("ix_calls_started_at"), table_name="calls", schema="dialdesk")
    op.drop_index(op.f("ix_calls_operator_id_started_at"), table_name="calls", schema="dialdesk")
    op.drop_index(op.f("ix_calls_company_id_started_at"), table_name="calls", schema="dialdesk")
    op.drop_index(op.f("ix_calls_campaign_id_started_at"), table_name="calls", schema="dialdesk")
    op.drop_table("calls", schema="dialdesk")
    op.drop_index(op.f("ix_phones_e164"), table_name="phones", schema="dialdesk")
    op.drop_index(op.f("ix_phones_company_id"), table_name="phones", schema="dialdesk")
    op.drop_table("phones", schema="dialdesk")
    op.drop_index(
        op.f("ix_contact_persons_company_id"), table_name="contact_persons", schema="dialdesk"
    )
    op.drop_table("contact_persons", schema="dialdesk")
    op.drop_index(
        "ix_campaign_entries_queue",
        table_name="campaign_entries",
        schema="dialdesk",
        postgresql_where=sa.text("state IN ('fresh','retry')"),
    )
    op.drop_index(
        op.f("ix_campaign_entries_company_id"), table_name="campaign_entries", schema="dialdesk"
    )
    op.drop_index(
        op.f("ix_campaign_entries_claimed_by"),
        table_name="campaign_entries",
        schema="dialdesk",
        postgresql_where=sa.text("state = 'claimed'"),
    )
    op.drop_table("campaign_entries", schema="dialdesk")
    op.drop_index(op.f("ix_companies_name_key_city"), table_name="companies", schema="dialdesk")
    op.drop_index(
        op.f("ix_companies_inn"),
        table_name="companies",
        schema="dialdesk",
        postgresql_where=sa.text("inn IS NOT NULL"),
    )
    op.drop_index(op.f("ix_companies_industry"), table_name="companies", schema="dialdesk")
    op.drop_index(
        op.f("ix_companies_current_outcome_id"), table_name="companies", schema="dialdesk"
    )
    op.drop_table("companies", schema="dialdesk")
    op.drop_table("segments", schema="dialdesk")
    op.drop_table("questions", schema="dialdesk")
    op.drop_table("operator_plans", schema="dialdesk")
    op.drop_table("import_batches", schema="dialdesk")
    op.drop_table("do_not_call", schema="dialdesk")
    op.drop_table("campaign_outcomes", schema="dialdesk")
    op.drop_table("campaign_operators", schema="dialdesk")
    op.drop_table("people", schema="dialdesk")
    op.drop_table("pause_codes", schema="dialdesk")
    op.drop_table("outcome_definitions", schema="dialdesk")
    op.drop_table("import_templates", schema="dialdesk")
    op.drop_table("campaigns", schema="dialdesk")
    op.drop_index(op.f("ix_audit_log_table_name_row_id"), table_name="audit_log", schema="dialdesk")
    op.drop_index(op.f("ix_audit_log_at"), table_name="audit_log", schema="dialdesk")
    op.drop_table("audit_log", schema="dialdesk")
    op.execute("DROP SCHEMA dialdesk")
