"""Companies, their phones and contact persons, and the do-not-call list."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from dialdesk.models.base import Base, CreatedAt


class Company(CreatedAt, Base):
    """A company in the base; ``current_outcome_id`` is its current group."""

    __tablename__ = "companies"
    __table_args__ = (
        Index(None, "inn", unique=True, postgresql_where=text("inn IS NOT NULL")),
        Index(None, "name_key", "city"),
        Index(None, "industry"),
        Index(None, "current_outcome_id"),
        Index(None, "import_batch_id", postgresql_where=text("import_batch_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    name_key: Mapped[str] = mapped_column(String(500), doc="normalised name for de-duplication")
    legal_form: Mapped[str | None] = mapped_column(String(40))
    inn: Mapped[str | None] = mapped_column(String(12))
    industry: Mapped[str | None] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(Text)
    website: Mapped[str | None] = mapped_column(String(300))
    staff_band: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str | None] = mapped_column(String(200))
    segment: Mapped[str | None] = mapped_column(String(200))
    potential_score: Mapped[int | None] = mapped_column(Integer)
    current_outcome_id: Mapped[int | None] = mapped_column(ForeignKey("outcome_definitions.id"))
    group_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    expert_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    notes: Mapped[str | None] = mapped_column(Text)
    kpp: Mapped[str | None] = mapped_column(String(9))
    ogrn: Mapped[str | None] = mapped_column(String(15), doc="OGRN, or OGRNIP (15 digits)")
    okved: Mapped[str | None] = mapped_column(String(20), doc="the industry's OKVED code")
    listed_on: Mapped[date | None] = mapped_column(Date, doc="in the customer's own base since")
    client_since: Mapped[date | None] = mapped_column(Date)
    last_purchase_on: Mapped[date | None] = mapped_column(Date)
    total_bought: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    is_former_client: Mapped[bool] = mapped_column(Boolean, server_default="false")
    group_import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id"), doc="the import whose old base gave the group"
    )
    row_version: Mapped[int] = mapped_column(Integer, server_default="1")
    archived_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), doc="out of every queue (set_archived); history kept"
    )
    archived_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class Phone(CreatedAt, Base):
    """One number of a company, normalised to E.164, with its time zone."""

    __tablename__ = "phones"
    __table_args__ = (
        CheckConstraint("kind IN ('work','mobile','fax','other')", "kind"),
        Index(None, "company_id"),
        Index(None, "e164"),
        Index(None, "import_batch_id", postgresql_where=text("import_batch_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    e164: Mapped[str | None] = mapped_column(String(20))
    extension: Mapped[str | None] = mapped_column(String(20))
    raw_text: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10), server_default="work")
    is_dead: Mapped[bool] = mapped_column(Boolean, server_default="false")
    time_zone: Mapped[str | None] = mapped_column(String(64))
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    row_version: Mapped[int] = mapped_column(Integer, server_default="1")


class ContactPerson(CreatedAt, Base):
    """Somebody at a company: decision maker, influencer, secretary or other."""

    __tablename__ = "contact_persons"
    __table_args__ = (
        CheckConstraint("role IN ('decision_maker','influencer','secretary','other')", "role"),
        Index(None, "company_id"),
        Index(None, "import_batch_id", postgresql_where=text("import_batch_id IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    full_name: Mapped[str] = mapped_column(String(300))
    position: Mapped[str | None] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20), server_default="other")
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    import_batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batches.id"))
    row_version: Mapped[int] = mapped_column(Integer, server_default="1")


class DoNotCall(Base):
    """A number that must never be offered to an operator."""

    __tablename__ = "do_not_call"

    id: Mapped[int] = mapped_column(primary_key=True)
    e164: Mapped[str] = mapped_column(String(20), unique=True)
    reason: Mapped[str | None] = mapped_column(Text)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
