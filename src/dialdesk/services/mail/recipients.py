"""What the merge fields of one letter become: the company, the person written to, the
sender, the company's expert and the campaign."""

from sqlalchemy import Connection, text

from dialdesk.services.mail.message import Letter
from dialdesk.services.mail.offer import Attachment, Offer, merged
from dialdesk.services.mail.settings import MailServer

VALUES = """
SELECT c.name AS company, coalesce(cp.full_name, '') AS person,
       coalesce(cp.position, '') AS position, coalesce(c.city, '') AS city,
       coalesce((SELECT p.full_name FROM dialdesk.people p
                 WHERE p.id = dialdesk.current_person_id()), '') AS operator,
       coalesce(x.full_name, '') AS expert,
       (SELECT k.name FROM dialdesk.campaigns k WHERE k.id = :campaign) AS campaign
FROM dialdesk.companies c
LEFT JOIN dialdesk.contact_persons cp ON cp.id = :contact AND cp.company_id = c.id
LEFT JOIN dialdesk.people x ON x.id = c.expert_id
WHERE c.id = :company
"""


def merge_values(
    conn: Connection, campaign: int, company: int, contact: int | None
) -> dict[str, str]:
    row = (
        conn.execute(text(VALUES), {"campaign": campaign, "company": company, "contact": contact})
        .mappings()
        .one()
    )
    return {k: str(v or "") for k, v in row.items()}


def letter_for(
    offer: Offer,
    server: MailServer,
    values: dict[str, str],
    address: str,
    attachments: tuple[Attachment, ...] = (),
) -> Letter:
    return Letter(
        to_address=address,
        to_name=values.get("person", ""),
        subject=merged(offer.subject, values),
        body=merged(offer.body, values),
        sender_address=server.sender_address,
        sender_name=merged(offer.sender_name, values),
        reply_to=offer.reply_to,
        attachments=attachments,
    )
