"""The letter itself: plain text and the same as HTML, attachments, the sender's name,
reply-to, a message id and the List-Unsubscribe header, Cyrillic encoded as mail demands."""

import html
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from urllib.parse import quote

from dialdesk.services.mail.offer import Attachment

_LINK = re.compile(r"(https?://[^\s<>\"]+)")


@dataclass(frozen=True)
class Letter:
    """What one recipient gets, merge fields already filled in."""

    to_address: str
    to_name: str
    subject: str
    body: str
    sender_address: str
    sender_name: str = ""
    reply_to: str = ""
    attachments: tuple[Attachment, ...] = ()


def as_html(body: str) -> str:
    """The text as simple HTML: paragraphs, line breaks, links."""
    paragraphs = [p for p in re.split(r"\n\s*\n", body.strip()) if p.strip()]
    parts = []
    for paragraph in paragraphs:
        escaped = html.escape(paragraph.strip()).replace("\n", "<br>\n")
        parts.append("<p>" + _LINK.sub(r'<a href="\1">\1</a>', escaped) + "</p>")
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>'
        '<body style="font-family: Arial, sans-serif; font-size: 14px">\n'
        + "\n".join(parts)
        + "\n</body></html>\n"
    )


def build_message(letter: Letter) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((letter.sender_name, letter.sender_address))
    message["To"] = formataddr((letter.to_name, letter.to_address))
    if letter.reply_to:
        message["Reply-To"] = letter.reply_to
    message["Subject"] = letter.subject
    message["Date"] = formatdate(localtime=True)
    domain = letter.sender_address.rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    unsubscribe = letter.reply_to or letter.sender_address
    message["List-Unsubscribe"] = f"<mailto:{unsubscribe}?subject=unsubscribe>"
    message.set_content(letter.body)
    message.add_alternative(as_html(letter.body), subtype="html")
    for attachment in letter.attachments:
        main, _, sub = attachment.mime_type.partition("/")
        message.add_attachment(
            attachment.content, maintype=main, subtype=sub, filename=attachment.file_name
        )
    return message


def mailto_url(letter: Letter) -> str:
    """The letter for the workstation's mail program (no attachments go this way)."""
    return (
        f"mailto:{quote(letter.to_address, safe='@')}?subject={quote(letter.subject)}"
        f"&body={quote(letter.body)}"
    )
