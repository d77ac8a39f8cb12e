"""What happens after the hand-off: the expert's deals, the contacts they record, the
reasons a deal is lost, and clients handed on to a client manager."""

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from dialdesk.models.base import Base, CreatedAt


class LostReason(Base):
    """Why a deal was lost, from a list the admin keeps."""

    __tablename__ = "lost_reasons"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    label_ru: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(100))
    sort_order: Mapped[int] = mapped_column(Integer, server_default="0")
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))


class SalesSettings(Base):
    """The admin's settings of the sales desk (one row): how many working hours an expert
    has to take a hand-off before the monitor shows it late, and after how many days
    without a purchase a client is sleeping."""

    __tablename__ = "sales_settings"
    __table_args__ = (
        CheckConstraint("id = 1", "one_row"),
        CheckConstraint("handoff_accept_hours BETWEEN 1 AND 200", "accept_hours"),
        CheckConstraint("sleeping_days BETWEEN 7 AND 3650", "sleeping_days"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, server_default="1")
    handoff_accept_hours: Mapped[int] = mapped_column(Integer, server_default="4")
    sleeping_days: Mapped[int] = mapped_column(Integer, server_default="180")


class SleepingProduct(Base):
    """A product whose clients sleep after a period of its own (consumables bought monthly
    sleep sooner than machines bought once a year)."""

    __tablename__ = "sleeping_products"
    __table_args__ = (CheckConstraint("sleeping_days BETWEEN 7 AND 3650", "days"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product: Mapped[str] = mapped_column(String(200), unique=True)
    sleeping_days: Mapped[int] = mapped_column(Integer)


class Deal(CreatedAt, Base):
    """One sale an expert follows: from the accepted hand-off (or the client's next
    purchase) to won or lost."""

    __tablename__ = "deals"
    __table_args__ = (
        CheckConstraint("stage IN ('open','meeting','offer','invoice','won','lost')", "stage"),
        CheckConstraint("amount IS NULL OR amount >= 0", "amount"),
        CheckConstraint(
            "(stage IN ('won','lost')) = (closed_at IS NOT NULL)", "closed_when_decided"
        ),
        CheckConstraint("stage <> 'won' OR amount IS NOT NULL", "won_has_amount"),
        CheckConstraint("stage <> 'lost' OR lost_reason_id IS NOT NULL", "lost_has_reason"),
        Index(None, "expert_id", "stage"),
        Index(None, "company_id"),
        Index(None, "campaign_id", "closed_at"),
        Index(None, "handoff_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    expert_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    handoff_id: Mapped[int | None] = mapped_column(ForeignKey("handoffs.id"))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id"))
    product: Mapped[str | None] = mapped_column(String(200))
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    stage: Mapped[str] = mapped_column(String(10), server_default="open")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    lost_reason_id: Mapped[int | None] = mapped_column(ForeignKey("lost_reasons.id"))
    note: Mapped[str | None] = mapped_column(Text)


class ExpertStep(Base):
    """A contact the expert made and its result; ``client_id`` is made by the client so a
    retried save is harmless."""

    __tablename__ = "expert_steps"
    __table_args__ = (
        CheckConstraint("kind IN ('call','meeting','offer','invoice','won','lost')", "kind"),
        Index(None, "company_id", "made_at"),
        Index(None, "expert_id", "made_at"),
        Index(None, "deal_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    expert_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id"))
    kind: Mapped[str] = mapped_column(String(10))
    made_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    comment: Mapped[str | None] = mapped_column(Text)
    lost_reason_id: Mapped[int | None] = mapped_column(ForeignKey("lost_reasons.id"))
    saved_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=text("now()")
    )


class ClientHandover(CreatedAt, Base):
    """A client handed from one person to another (the expert who won them to a client
    manager), with a note."""

    __tablename__ = "client_handovers"
    __table_args__ = (Index(None, "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    from_person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    to_person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    note: Mapped[str | None] = mapped_column(Text)
