"""Import batches and templates, segments, the audit log and the backups made."""

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy import Text as TextType
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import func, text

from dialdesk.models.base import Base, CreatedAt


class ImportBatch(CreatedAt, Base):
    """One import of a list; it can be undone while none of its companies was called."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    source: Mapped[str | None] = mapped_column(String(200))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    rows_read: Mapped[int] = mapped_column(Integer, server_default="0")
    companies_created: Mapped[int] = mapped_column(Integer, server_default="0")
    companies_merged: Mapped[int] = mapped_column(Integer, server_default="0")
    rows_rejected: Mapped[int] = mapped_column(Integer, server_default="0")
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ImportTemplate(CreatedAt, Base):
    """A saved column mapping for imports."""

    __tablename__ = "import_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    mapping: Mapped[dict[str, Any]] = mapped_column(JSONB)


class Segment(CreatedAt, Base):
    """A marketer's segment of the base, defined by criteria and ranked A/B/C."""

    __tablename__ = "segments"
    __table_args__ = (CheckConstraint("rank IS NULL OR rank IN ('A','B','C')", "rank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    criteria: Mapped[dict[str, Any]] = mapped_column(JSONB)
    rank: Mapped[str | None] = mapped_column(String(1))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))


class AuditEntry(Base):
    """Who changed which row and how; written only by triggers."""

    __tablename__ = "audit_log"
    __table_args__ = (Index(None, "table_name", "row_id"), Index(None, "at"))

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    db_user: Mapped[str] = mapped_column(String(63))
    table_name: Mapped[str] = mapped_column(String(63))
    row_id: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(10))
    old_row: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    new_row: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    note: Mapped[str | None] = mapped_column(TextType)


class BackupMade(Base):
    """A backup written by ``dialdesk backup`` or the built-in base's daily copy."""

    __tablename__ = "backups_made"
    __table_args__ = (Index(None, "taken_at"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    taken_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    file: Mapped[str] = mapped_column(TextType)
    bytes: Mapped[int] = mapped_column(BigInteger)
    revision: Mapped[str] = mapped_column(String(32))
    made_by: Mapped[str] = mapped_column(String(63), server_default=text("session_user"))
