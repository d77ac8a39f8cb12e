"""Calls, questionnaire answers, callbacks and hand-offs to experts."""

import uuid
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from dialdesk.models.base import Base, CreatedAt


class Call(Base):
    """One finished call; ``client_id`` is made by the client so a retried save is harmless.
    An imported call is the last contact a customer's old base recorded: no operator of ours
    made it, and the import that brought it takes it away on undo."""

    __tablename__ = "calls"
    __table_args__ = (
        Index(None, "company_id", "started_at"),
        Index(None, "operator_id", "started_at"),
        Index(None, "started_at"),
        Index(None, "campaign_id", "started_at"),
        Index(None, "import_batch_id", postgresql_where=text("import_batch_id IS NOT NULL")),
        CheckConstraint(
            "operator_id IS NOT NULL OR import_batch_id IS NOT NULL", name="made_or_imported"
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("campaign_entries.id"))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id"))
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    phone_id: Mapped[int | None] = mapped_column(ForeignKey("phones.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    contact_person_id: Mapped[int | None] = mapped_column(ForeignKey("contact_persons.id"))
    spoke_with: Mapped[str | None] = mapped_column(String(300))
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    outcome_id: Mapped[int] = mapped_column(ForeignKey("outcome_definitions.id"))
    comment: Mapped[str | None] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    imported_who: Mapped[str | None] = mapped_column(String(300), doc="who, in the old base")
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))


class RefusedOutcome(Base):
    """An outcome from an operator's offline journal that the server refused when it was
    sent, reported once (under its client-made id) so the monitor counts it."""

    __tablename__ = "refused_outcomes"
    __table_args__ = (Index(None, "refused_at"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    operator_id: Mapped[int] = mapped_column(
        ForeignKey("people.id"), server_default=text("dialdesk.current_person_id()")
    )
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("campaign_entries.id"))
    outcome_code: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    refused_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reported_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class Answer(Base):
    """The answer to one questionnaire question, given during one call."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("call_id", "question_id"), Index(None, "question_id"))

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"))
    value: Mapped[str | None] = mapped_column(Text)


class Callback(CreatedAt, Base):
    """A promised next contact: for one person, or for anyone when ``assigned_to`` is empty."""

    __tablename__ = "callbacks"
    __table_args__ = (
        CheckConstraint("kind IN ('call','meeting','send_offer')", "kind"),
        CheckConstraint("state IN ('pending','done','cancelled','missed')", "state"),
        Index(None, "assigned_to", "due_at", postgresql_where=text("state = 'pending'")),
        Index(None, "due_at", postgresql_where=text("state = 'pending'")),
        Index(None, "company_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("campaign_entries.id"))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"))
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_by: Mapped[int] = mapped_column(ForeignKey("people.id"))
    kind: Mapped[str] = mapped_column(String(12), server_default="call")
    state: Mapped[str] = mapped_column(String(12), server_default="pending")
    taken_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    done_call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"))
    note: Mapped[str | None] = mapped_column(Text)
    cancelled_by_archive: Mapped[bool] = mapped_column(
        Boolean, server_default=text("false"), doc="back to pending when the company returns"
    )


class Handoff(CreatedAt, Base):
    """A warm or hot company handed to a sales expert."""

    __tablename__ = "handoffs"
    __table_args__ = (
        CheckConstraint("state IN ('new','accepted','returned','closed')", "state"),
        CheckConstraint("state <> 'returned' OR return_reason IS NOT NULL", "returned_why"),
        Index(None, "expert_id", "state"),
        Index(None, "company_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"))
    expert_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    created_by: Mapped[int] = mapped_column(ForeignKey("people.id"))
    state: Mapped[str] = mapped_column(String(10), server_default="new")
    note: Mapped[str | None] = mapped_column(Text)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    returned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    return_reason: Mapped[str | None] = mapped_column(Text)
