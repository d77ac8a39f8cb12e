"""Offers by e-mail: the campaign's offer and its attachments, the mail server's settings,
the do-not-mail list, mass mailings and every letter sent."""

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from dialdesk.models.base import Base, CreatedAt

NOW = text("now()")


class Offer(Base):
    """The campaign's commercial offer: subject and body with merge fields ({company},
    {person}, {operator}...), who it is from, and the working days to the follow-up call."""

    __tablename__ = "offers"
    __table_args__ = (
        CheckConstraint("follow_up_days BETWEEN 0 AND 30", "follow_up_days"),
        CheckConstraint("btrim(subject) <> ''", "subject"),
    )

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    sender_name: Mapped[str | None] = mapped_column(String(200))
    reply_to: Mapped[str | None] = mapped_column(String(200))
    follow_up_days: Mapped[int] = mapped_column(Integer, server_default="2")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=NOW)


class OfferAttachment(Base):
    """A file sent with the offer (PDF, DOCX, XLSX), at most 10 MB."""

    __tablename__ = "offer_attachments"
    __table_args__ = (
        UniqueConstraint("campaign_id", "file_name"),
        CheckConstraint("octet_length(content) <= 10485760", "size"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("offers.campaign_id", ondelete="CASCADE"))
    file_name: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class MailSettings(Base):
    """The admin's mail server (one row); its password is kept in each workstation's
    keyring, never in the database."""

    __tablename__ = "mail_settings"
    __table_args__ = (
        CheckConstraint("id = 1", "one_row"),
        CheckConstraint("port BETWEEN 1 AND 65535", "port"),
        CheckConstraint("security IN ('ssl', 'starttls', 'none')", "security"),
        CheckConstraint("letters_per_minute BETWEEN 1 AND 100000", "rate"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, server_default="1")
    host: Mapped[str | None] = mapped_column(String(200))
    port: Mapped[int] = mapped_column(Integer, server_default="587")
    security: Mapped[str] = mapped_column(String(10), server_default="starttls")
    login: Mapped[str | None] = mapped_column(String(200))
    sender_address: Mapped[str | None] = mapped_column(String(200))
    letters_per_minute: Mapped[int] = mapped_column(Integer, server_default="60")


class DoNotMail(Base):
    """An address not to be written to: the person asked, or the server refused it."""

    __tablename__ = "do_not_mail"
    __table_args__ = (
        CheckConstraint("email = lower(btrim(email)) AND email <> ''", "lower"),
        CheckConstraint("reason IN ('asked', 'refused', 'bounced')", "reason"),
    )

    email: Mapped[str] = mapped_column(String(200), primary_key=True)
    reason: Mapped[str] = mapped_column(String(12), server_default="asked")
    note: Mapped[str | None] = mapped_column(Text)
    added_by: Mapped[int | None] = mapped_column(
        ForeignKey("people.id"), server_default=text("dialdesk.current_person_id()")
    )
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=NOW)


class Mailing(CreatedAt, Base):
    """The offer sent to a segment or a whole campaign, letter by letter."""

    __tablename__ = "mailings"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id", ondelete="SET NULL"))
    subject: Mapped[str] = mapped_column(String(300))
    created_by: Mapped[int] = mapped_column(ForeignKey("people.id"))
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Letter(CreatedAt, Base):
    """One letter to one address, sent once: from the card or as part of a mailing."""

    __tablename__ = "letters"
    __table_args__ = (
        UniqueConstraint("mailing_id", "email"),
        CheckConstraint(
            "state IN ('pending', 'sending', 'sent', 'handed', 'failed', 'refused', "
            "'uncertain', 'skipped')",
            "state",
        ),
        CheckConstraint("(state IN ('sent', 'handed')) = (sent_at IS NOT NULL)", "sent_when_sent"),
        Index(None, "company_id"),
        Index(None, "campaign_id", "sent_at"),
        Index(None, "mailing_id", "state", "id"),
        Index(None, "follow_up_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    mailing_id: Mapped[int | None] = mapped_column(ForeignKey("mailings.id", ondelete="CASCADE"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact_persons.id", ondelete="SET NULL")
    )
    email: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(300))
    state: Mapped[str] = mapped_column(String(10))
    sent_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    message_id: Mapped[str | None] = mapped_column(String(300))
    error: Mapped[str | None] = mapped_column(Text)
    follow_up_id: Mapped[int | None] = mapped_column(
        ForeignKey("callbacks.id", ondelete="SET NULL")
    )
    taken_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
