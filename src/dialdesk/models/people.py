"""People (each tied to a PostgreSQL login), daily plans, pause codes, state log."""

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from dialdesk.models.base import Base, CreatedAt


class Person(CreatedAt, Base):
    """Someone who works in DialDesk; ``login`` is their own PostgreSQL role."""

    __tablename__ = "people"
    __table_args__ = (
        CheckConstraint("role IN ('operator','supervisor','marketer','expert','admin')", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(63), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    is_expert: Mapped[bool] = mapped_column(Boolean, server_default="false")
    active: Mapped[bool] = mapped_column(Boolean, server_default="true")
    email: Mapped[str | None] = mapped_column(String(200))


class OperatorPlan(Base):
    """An operator's target for one day."""

    __tablename__ = "operator_plans"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    calls_target: Mapped[int] = mapped_column(Integer, server_default="0")
    contacts_target: Mapped[int] = mapped_column(Integer, server_default="0")


class PauseCode(Base):
    """Why an operator paused: break, lunch, training, ..."""

    __tablename__ = "pause_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    label_ru: Mapped[str] = mapped_column(String(100))
    label_en: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, server_default="true")


class OperatorState(Base):
    """One state change of an operator; the current state is the latest row."""

    __tablename__ = "operator_states"
    __table_args__ = (
        CheckConstraint("state IN ('offline','waiting','on_card','paused')", "state"),
        Index(None, "person_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    state: Mapped[str] = mapped_column(String(20))
    pause_code_id: Mapped[int | None] = mapped_column(ForeignKey("pause_codes.id"))
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("campaign_entries.id"))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    note: Mapped[str | None] = mapped_column(Text)
