"""Outcome definitions, campaigns, their questionnaires and entries (the queue)."""

from datetime import datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from dialdesk.models.base import Base, CreatedAt


class OutcomeDefinition(Base):
    """An outcome code; behaviour lives in the flags, never in the label."""

    __tablename__ = "outcome_definitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    label_ru: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, server_default="0")
    hotkey: Mapped[str | None] = mapped_column(String(10))
    is_contact: Mapped[bool] = mapped_column(Boolean, server_default="false")
    is_final: Mapped[bool] = mapped_column(Boolean, server_default="false")
    hands_to_expert: Mapped[bool] = mapped_column(Boolean, server_default="false")
    needs_callback: Mapped[bool] = mapped_column(Boolean, server_default="false")
    retry_after_days: Mapped[int | None] = mapped_column(Integer)
    max_attempts: Mapped[int | None] = mapped_column(Integer)
    marks_phone_dead: Mapped[bool] = mapped_column(Boolean, server_default="false")
    hidden: Mapped[bool] = mapped_column(Boolean, server_default="false")
    # says something about the company; without it (no contact) the outcome sets the
    # company's group only while it has no outcome that does
    sets_group: Mapped[bool] = mapped_column(Boolean, server_default="true")


class Campaign(CreatedAt, Base):
    """A calling campaign: product, script, calling hours and retry policy."""

    __tablename__ = "campaigns"
    __table_args__ = (CheckConstraint("calling_hours_start < calling_hours_end", "hours"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    product: Mapped[str | None] = mapped_column(Text)
    script: Mapped[str | None] = mapped_column(Text)
    is_abandoned_clients: Mapped[bool] = mapped_column(Boolean, server_default="false")
    calling_hours_start: Mapped[time] = mapped_column(Time, server_default="09:00")
    calling_hours_end: Mapped[time] = mapped_column(Time, server_default="18:00")
    working_days_only: Mapped[bool] = mapped_column(Boolean, server_default="true")
    retry_delay_minutes: Mapped[int] = mapped_column(Integer, server_default="120")
    max_attempts: Mapped[int] = mapped_column(Integer, server_default="5")
    callback_grace_minutes: Mapped[int] = mapped_column(Integer, server_default="30")
    lease_minutes: Mapped[int] = mapped_column(Integer, server_default="15")
    # the monitor colours an operator's row past these (waiting, paused, on one card)
    alert_waiting_seconds: Mapped[int] = mapped_column(Integer, server_default="300")
    alert_paused_seconds: Mapped[int] = mapped_column(Integer, server_default="900")
    alert_card_seconds: Mapped[int] = mapped_column(Integer, server_default="600")
    is_active: Mapped[bool] = mapped_column(Boolean, server_default="true")


class CampaignOutcome(Base):
    """Which outcome codes a campaign offers its operators."""

    __tablename__ = "campaign_outcomes"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    outcome_id: Mapped[int] = mapped_column(ForeignKey("outcome_definitions.id"), primary_key=True)


class CampaignOperator(Base):
    """Which people work a campaign."""

    __tablename__ = "campaign_operators"

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)


class Question(Base):
    """One question of a campaign's questionnaire."""

    __tablename__ = "questions"
    __table_args__ = (
        CheckConstraint("kind IN ('yes_no','choice','number','text')", "kind"),
        UniqueConstraint("campaign_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    choices: Mapped[list[str] | None] = mapped_column(JSONB)
    required: Mapped[bool] = mapped_column(Boolean, server_default="false")
    # taken out of the questionnaire after it was answered: kept for the reports
    retired: Mapped[bool] = mapped_column(Boolean, server_default="false")


class CampaignEntry(CreatedAt, Base):
    """A company in a campaign's queue; a claim is a lease held by one person."""

    __tablename__ = "campaign_entries"
    __table_args__ = (
        CheckConstraint("state IN ('fresh','claimed','retry','callback','done')", "state"),
        UniqueConstraint("campaign_id", "company_id"),
        Index(
            "ix_campaign_entries_queue_order",
            text("priority DESC"),
            text("next_attempt_at NULLS FIRST"),
            "id",
            postgresql_where=text("state IN ('fresh','retry')"),
        ),
        Index(
            "ix_campaign_entries_fresh_by_priority",
            text("priority DESC"),
            "id",
            postgresql_where=text("state = 'fresh'"),
        ),
        Index(
            "ix_campaign_entries_retry_by_priority",
            text("priority DESC"),
            "next_attempt_at",
            "id",
            postgresql_where=text("state = 'retry'"),
        ),
        Index(None, "claimed_by", postgresql_where=text("state = 'claimed'")),
        Index(None, "company_id"),
        Index(None, "import_batch_id", postgresql_where=text("import_batch_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(10), server_default="fresh")
    state_before_archive: Mapped[str | None] = mapped_column(
        String(12), doc="what the entry was when its company was archived"
    )
    priority: Mapped[int] = mapped_column(Integer, server_default="0")
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    lease_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # who the queue last gave the entry to, and since when (a save must come from them)
    last_claimed_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    last_claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_outcome_id: Mapped[int | None] = mapped_column(ForeignKey("outcome_definitions.id"))
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    # the company's own retry delay here (a segment's contact frequency); None: the campaign's
    retry_delay_minutes: Mapped[int | None] = mapped_column(
        Integer, CheckConstraint("retry_delay_minutes > 0", "retry_delay")
    )
