"""The campaign's offer: subject and body with merge fields, its attachments, and the letter
it makes for one recipient."""

import string
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from dialdesk.errors import UserError, plain_database_errors
from dialdesk.limits import refuse_too_long
from dialdesk.services.mail.addresses import checked_address

ATTACHMENT_BYTES = 10 * 1024 * 1024  # as the database's check says
ATTACHMENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
}
# merge fields: what each one becomes in a letter
FIELDS = ("company", "person", "position", "city", "operator", "expert", "campaign")
LIMITS = {"subject": 300, "sender_name": 200, "reply_to": 200}


@dataclass
class Offer:
    campaign_id: int
    subject: str = ""
    body: str = ""
    sender_name: str = ""
    reply_to: str = ""
    follow_up_days: int = 2
    attachments: list[str] = field(default_factory=list)  # file names


@dataclass(frozen=True)
class Attachment:
    file_name: str
    content: bytes

    @property
    def mime_type(self) -> str:
        return ATTACHMENT_TYPES.get(Path(self.file_name).suffix.lower(), "application/octet-stream")


def check_fields(template: str, where: str) -> None:
    """Refuse a merge field we do not know, or a brace left open, naming it."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise UserError(
            "The {where} has an unclosed brace: write merge fields as {{company}}; a brace "
            "itself as {{{{ or }}}}.",
            where=where,
        ) from exc
    for _literal, name, _spec, _conversion in parsed:
        if name is not None and name not in FIELDS:
            raise UserError(
                "The {where} has an unknown merge field {{{name}}}: use {fields}.",
                where=where,
                name=name,
                fields=", ".join("{" + f + "}" for f in FIELDS),
            )


def merged(template: str, values: dict[str, str]) -> str:
    """``template`` with its merge fields filled in (an unknown value stays empty)."""
    check_fields(template, "text")
    return template.format_map({f: values.get(f) or "" for f in FIELDS})


def load_offer(conn: Connection, campaign_id: int) -> Offer | None:
    row = conn.execute(
        text(
            "SELECT subject, body, coalesce(sender_name, ''), coalesce(reply_to, ''), "
            "follow_up_days FROM dialdesk.offers WHERE campaign_id = :c"
        ),
        {"c": campaign_id},
    ).first()
    if row is None:
        return None
    names = conn.execute(
        text(
            "SELECT file_name FROM dialdesk.offer_attachments WHERE campaign_id = :c "
            "ORDER BY file_name"
        ),
        {"c": campaign_id},
    ).scalars()
    return Offer(campaign_id, row[0], row[1], row[2], row[3], row[4], list(names))


def offer_of(engine: Engine, campaign_id: int) -> Offer | None:
    with plain_database_errors(), engine.connect() as conn:
        return load_offer(conn, campaign_id)


def attachments_of(conn: Connection, campaign_id: int) -> list[Attachment]:
    rows = conn.execute(
        text(
            "SELECT file_name, content FROM dialdesk.offer_attachments WHERE campaign_id = :c "
            "ORDER BY file_name"
        ),
        {"c": campaign_id},
    ).all()
    return [Attachment(name, bytes(content)) for name, content in rows]


def read_attachment(path: Path) -> Attachment:
    """A file to attach, checked: its type and its size."""
    if path.suffix.lower() not in ATTACHMENT_TYPES:
        raise UserError(
            "{name} cannot be attached: attach PDF, DOCX, XLSX, DOC or XLS files.",
            name=path.name,
        )
    try:
        size = path.stat().st_size
        if size > ATTACHMENT_BYTES:
            raise UserError(
                "{name} is {mb} MB; an attachment may be at most {limit} MB.",
                name=path.name,
                mb=round(size / 1024 / 1024, 1),
                limit=ATTACHMENT_BYTES // 1024 // 1024,
            )
        return Attachment(path.name[:200], path.read_bytes())
    except OSError as exc:
        raise UserError("Cannot read {name}: {detail}", name=path.name, detail=str(exc)) from exc


def save_offer(engine: Engine, offer: Offer, added: list[Attachment], removed: list[str]) -> None:
    """Write the campaign's offer with its attachments, all or nothing."""
    offer.subject, offer.body = offer.subject.strip(), offer.body.strip()
    if not offer.subject:
        raise UserError("Write the offer's subject.")
    if not offer.body:
        raise UserError("Write the offer's text.")
    check_fields(offer.subject, "subject")
    check_fields(offer.body, "text")
    refuse_too_long(
        {"subject": offer.subject, "sender_name": offer.sender_name, "reply_to": offer.reply_to},
        LIMITS,
    )
    if offer.reply_to:
        offer.reply_to = checked_address(offer.reply_to)
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.offers (campaign_id, subject, body, sender_name, reply_to, "
                "follow_up_days) VALUES (:c, :s, :b, nullif(:n, ''), nullif(:r, ''), :d) "
                "ON CONFLICT (campaign_id) DO UPDATE SET subject = excluded.subject, "
                "body = excluded.body, sender_name = excluded.sender_name, "
                "reply_to = excluded.reply_to, follow_up_days = excluded.follow_up_days, "
                "updated_at = now()"
            ),
            {"c": offer.campaign_id, "s": offer.subject, "b": offer.body,
             "n": offer.sender_name.strip(), "r": offer.reply_to, "d": offer.follow_up_days},
        )  # fmt: skip
        for name in removed:
            conn.execute(
                text(
                    "DELETE FROM dialdesk.offer_attachments WHERE campaign_id = :c "
                    "AND file_name = :n"
                ),
                {"c": offer.campaign_id, "n": name},
            )
        for attachment in added:
            conn.execute(
                text(
                    "INSERT INTO dialdesk.offer_attachments (campaign_id, file_name, content) "
                    "VALUES (:c, :n, :b) ON CONFLICT (campaign_id, file_name) "
                    "DO UPDATE SET content = excluded.content"
                ),
                {"c": offer.campaign_id, "n": attachment.file_name, "b": attachment.content},
            )
