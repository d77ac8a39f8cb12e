"""What the call card shows, and the edits an operator makes on it (with optimistic locking)."""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NoReturn
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, text

from dialdesk import limits
from dialdesk.errors import UserError, plain_database_errors
from dialdesk.importing.phones import one_phone
from dialdesk.limits import refuse_too_long
from dialdesk.vocabulary import CONTACT_ROLES

EDITABLE_FIELDS = (
    "name", "legal_form", "inn", "industry", "region", "city", "address", "website",
    "staff_band", "notes",
)  # fmt: skip


@dataclass(frozen=True)
class PhoneLine:
    id: int
    e164: str | None
    extension: str | None
    raw_text: str | None
    is_dead: bool
    time_zone: str | None
    do_not_call: bool
    row_version: int = 1  # for the conflict check of a correction

    def local_time(self, now: datetime | None = None) -> str:
        zone = ZoneInfo(self.time_zone or "Europe/Moscow")
        return (now or datetime.now(UTC)).astimezone(zone).strftime("%H:%M")

    def tel_link(self) -> str:
        number = self.e164 or ""
        return f"tel:{number};ext={self.extension}" if self.extension else f"tel:{number}"


@dataclass(frozen=True)
class ContactLine:
    id: int
    full_name: str
    position: str | None
    role: str
    phone: str | None
    email: str | None
    row_version: int = 1  # for the conflict check of an edit


@dataclass(frozen=True)
class QuestionLine:
    id: int
    kind: str
    text: str
    choices: list[str] | None
    required: bool = False  # must be answered when the outcome is a contact


@dataclass(frozen=True)
class OutcomeChoice:
    code: str
    label_ru: str
    label_en: str
    hotkey: str | None
    is_contact: bool
    needs_callback: bool
    hands_to_expert: bool


@dataclass(frozen=True)
class HistoryLine:
    at: datetime | None
    kind: str  # call, imported (old base), callback, handoff, step, handover, letter
    who: str
    outcome_code: str | None
    text: str
    outcome_ru: str | None = None  # the outcome's label, for calls
    outcome_en: str | None = None
    detail: str | None = None  # a callback's kind (call, meeting, send_offer) or a step's
    state: str | None = None  # a callback's (pending, done...) or a hand-off's (new...)


@dataclass
class Card:
    company: dict[str, Any]
    row_version: int
    phones: list[PhoneLine]
    contacts: list[ContactLine]
    campaign_name: str
    script: str
    questions: list[QuestionLine]
    outcomes: list[OutcomeChoice]
    experts: list[tuple[int, str]]
    history: list[HistoryLine] = field(default_factory=list)


class EditConflict(UserError):
    """Someone saved the company after this card was opened; ``current`` is what they saved."""

    def __init__(self, current: dict[str, Any], version: int) -> None:
        super().__init__(
            "Someone else changed this company while you were editing it. "
            "Your changes were not saved; compare and save again."
        )
        self.current = current
        self.version = version


_CONTACTS = (
    "SELECT id, full_name, position, role, phone, email, row_version "
    "FROM dialdesk.contact_persons WHERE company_id = :c "
    "ORDER BY CASE role WHEN 'decision_maker' THEN 0 WHEN 'influencer' THEN 1 "
    "WHEN 'secretary' THEN 2 ELSE 3 END, id"
)


def company_phones(conn: Connection, company_id: int) -> list[PhoneLine]:
    """The company's phones, live ones first, each with its do-not-call mark."""
    rows = conn.execute(
        text(
            "SELECT p.id, p.e164, p.extension, p.raw_text, p.is_dead, p.time_zone, "
            "EXISTS (SELECT 1 FROM dialdesk.do_not_call d WHERE d.e164 = p.e164), "
            "p.row_version "
            "FROM dialdesk.phones p WHERE p.company_id = :c ORDER BY p.is_dead, p.id"
        ),
        {"c": company_id},
    )
    return [PhoneLine(*r) for r in rows]


def company_contacts(conn: Connection, company_id: int) -> list[ContactLine]:
    """The company's people, the decision maker first."""
    return [ContactLine(*r) for r in conn.execute(text(_CONTACTS), {"c": company_id})]


def load_card(engine: Engine, company_id: int, campaign_id: int) -> Card:
    with plain_database_errors(), engine.connect() as conn:
        row = (
            conn.execute(
                text(
                    f"SELECT {', '.join(EDITABLE_FIELDS)}, row_version "
                    "FROM dialdesk.companies WHERE id = :c"
                ),
                {"c": company_id},
            )
            .mappings()
            .one()
        )
        company = {k: row[k] for k in EDITABLE_FIELDS}
        phones = company_phones(conn, company_id)
        contacts = company_contacts(conn, company_id)
        name, script = conn.execute(
            text("SELECT name, coalesce(script, '') FROM dialdesk.campaigns WHERE id = :k"),
            {"k": campaign_id},
        ).one()
        questions = [
            QuestionLine(*r)
            for r in conn.execute(
                text(
                    "SELECT id, kind, text, choices, required FROM dialdesk.questions "
                    "WHERE campaign_id = :k AND NOT retired ORDER BY position"
                ),
                {"k": campaign_id},
            )
        ]
        outcomes = [
            OutcomeChoice(*r)
            for r in conn.execute(
                text(
                    "SELECT o.code, o.label_ru, o.label_en, o.hotkey, o.is_contact, "
                    "o.needs_callback, o.hands_to_expert FROM dialdesk.outcome_definitions o "
                    "WHERE NOT o.hidden AND (NOT EXISTS (SELECT 1 FROM dialdesk.campaign_outcomes "
                    "  x WHERE x.campaign_id = :k) OR EXISTS (SELECT 1 FROM "
                    "  dialdesk.campaign_outcomes x WHERE x.campaign_id = :k "
                    "  AND x.outcome_id = o.id)) ORDER BY o.sort_order"
                ),
                {"k": campaign_id},
            )
        ]
        experts = [
            (r[0], r[1])
            for r in conn.execute(
                text(
                    "SELECT id, full_name FROM dialdesk.people WHERE active "
                    "AND (is_expert OR role = 'supervisor') ORDER BY full_name"
                )
            )
        ]
        history = company_history(conn, company_id)
    return Card(company, row["row_version"], phones, contacts, name, script, questions,
                outcomes, experts, history)  # fmt: skip


def company_history(conn: Any, company_id: int) -> list[HistoryLine]:
    """Every call (the old base's imported last contact too), callback, hand-off, expert's
    step and client hand-over of the company, newest first; undated ones last."""
    rows = conn.execute(
        text(
            "SELECT c.started_at, CASE WHEN c.import_batch_id IS NULL THEN 'call' "
            "  ELSE 'imported' END, coalesce(p.full_name, c.imported_who, ''), o.code, "
            "  concat_ws(' · ', c.spoke_with, c.comment, (SELECT string_agg(q.text || ': ' "
            "  || a.value, '; ' ORDER BY q.position) FROM dialdesk.answers a JOIN "
            "  dialdesk.questions q ON q.id = a.question_id WHERE a.call_id = c.id)), "
            "  o.label_ru, o.label_en, NULL, NULL "
            "FROM dialdesk.calls c LEFT JOIN dialdesk.people p ON p.id = c.operator_id "
            "JOIN dialdesk.outcome_definitions o ON o.id = c.outcome_id WHERE c.company_id = :c "
            "UNION ALL "
            "SELECT cb.due_at, 'callback', coalesce(p.full_name, ''), NULL, coalesce(cb.note, ''), "
            "  NULL, NULL, cb.kind, cb.state "
            "FROM dialdesk.callbacks cb LEFT JOIN dialdesk.people p ON p.id = cb.assigned_to "
            "WHERE cb.company_id = :c "
            "UNION ALL "
            "SELECT h.created_at, 'handoff', p.full_name, NULL, coalesce(h.note, ''), "
            "  NULL, NULL, NULL, h.state "
            "FROM dialdesk.handoffs h JOIN dialdesk.people p ON p.id = h.expert_id "
            "WHERE h.company_id = :c "
            "UNION ALL "  # the expert's steps, without amounts: operators may not read them
            "SELECT s.made_at, 'step', p.full_name, NULL, coalesce(s.comment, ''), NULL, NULL, "
            "  s.kind, NULL "
            "FROM dialdesk.expert_steps s JOIN dialdesk.people p ON p.id = s.expert_id "
            "WHERE s.company_id = :c "
            "UNION ALL "
            "SELECT t.created_at, 'handover', p.full_name, NULL, coalesce(t.note, ''), NULL, "
            "  NULL, NULL, NULL "
            "FROM dialdesk.client_handovers t JOIN dialdesk.people p ON p.id = t.to_person_id "
            "WHERE t.company_id = :c "
            "UNION ALL "  # letters with the offer, from the card or a mailing
            "SELECT coalesce(l.sent_at, l.finished_at), 'letter', coalesce(p.full_name, ''), "
            "  NULL, l.subject || ' → ' || l.email || coalesce(' · ' || l.message_id, ''), "
            "  NULL, NULL, NULL, l.state "
            "FROM dialdesk.letters l LEFT JOIN dialdesk.people p ON p.id = l.sent_by "
            "WHERE l.company_id = :c AND l.state NOT IN ('pending', 'sending', 'skipped') "
            "ORDER BY 1 DESC NULLS LAST, 2 DESC"  # a callback a call set comes after it
        ),
        {"c": company_id},
    )
    return [HistoryLine(*r) for r in rows]


def save_company(
    engine: Engine, company_id: int, expected_version: int, changes: dict[str, Any]
) -> int:
    """Save edited fields only if nobody saved the company meanwhile; return the new version."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise UserError("These fields cannot be edited: {fields}.", fields=", ".join(unknown))
    if "name" in changes and not str(changes["name"] or "").strip():
        raise UserError("The company name cannot be empty.")
    refuse_too_long(changes, limits.COMPANY)
    if not changes:
        return expected_version
    assignments = ", ".join(f"{name} = :{name}" for name in changes)
    with plain_database_errors(), engine.begin() as conn:
        version = conn.execute(
            text(
                f"UPDATE dialdesk.companies SET {assignments} "
                "WHERE id = :id AND row_version = :version RETURNING row_version"
            ),
            {**changes, "id": company_id, "version": expected_version},
        ).scalar()
        if version is None:
            row = (
                conn.execute(
                    text(
                        f"SELECT {', '.join(EDITABLE_FIELDS)}, row_version "
                        "FROM dialdesk.companies WHERE id = :id"
                    ),
                    {"id": company_id},
                )
                .mappings()
                .one()
            )
            raise EditConflict({k: row[k] for k in EDITABLE_FIELDS}, row["row_version"])
    return int(version)


EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def checked_phone(typed: str) -> str | None:
    """A contact person's phone as the person typed it, once it is a real number (with an
    extension if given); "" is none."""
    if not typed.strip():
        return None
    number = one_phone(typed)
    return number.e164 + (f" доб. {number.extension}" if number.extension else "")


def checked_email(typed: str) -> str | None:
    typed = typed.strip()
    if not typed:
        return None
    if not EMAIL.match(typed):
        raise UserError(
            "The e-mail {email} is not an address: it needs a name, @ and a domain, "
            "like sidorov@romashka.ru.",
            email=typed,
        )
    return typed


def save_contact(
    engine: Engine,
    company_id: int,
    full_name: str,
    role: str,
    *,
    position: str = "",
    phone: str = "",
    email: str = "",
    contact_id: int | None = None,
    version: int | None = None,
) -> int:
    """Add a contact person to the company, or change one; returns its id.  With
    ``version`` (the one the dialog was opened with) a colleague's edit made meanwhile is
    refused with what they wrote, not overwritten."""
    if not full_name.strip():
        raise UserError("Write the contact person's name.")
    if role not in CONTACT_ROLES:
        raise UserError("Unknown contact role '{role}'.", role=role)
    refuse_too_long(
        {"full_name": full_name.strip(), "position": position.strip(), "phone": phone.strip(),
         "email": email.strip()},
        limits.CONTACT,
    )  # fmt: skip
    values = {
        "company": company_id,
        "name": full_name.strip(),
        "role": role,
        "position": position.strip() or None,
        "phone": checked_phone(phone),
        "email": checked_email(email),
        "id": contact_id,
        "version": version,
    }
    with plain_database_errors(), engine.begin() as conn:
        if contact_id is None:
            saved = conn.execute(
                text(
                    "INSERT INTO dialdesk.contact_persons (company_id, full_name, role, "
                    "position, phone, email) VALUES (:company, :name, :role, :position, "
                    ":phone, :email) RETURNING id"
                ),
                values,
            ).scalar_one()
        else:
            saved = conn.execute(
                text(
                    "UPDATE dialdesk.contact_persons SET full_name = :name, role = :role, "
                    "position = :position, phone = :phone, email = :email "
                    "WHERE id = :id AND company_id = :company "
                    "AND (CAST(:version AS integer) IS NULL OR row_version = :version) "
                    "RETURNING id"
                ),
                values,
            ).scalar()
            if saved is None:
                _refuse_stale_contact(conn, contact_id)
    return int(saved)


def _refuse_stale_contact(conn: Connection, contact_id: int) -> NoReturn:
    now = conn.execute(
        text("SELECT full_name, phone, email FROM dialdesk.contact_persons WHERE id = :id"),
        {"id": contact_id},
    ).first()
    if now is None:
        raise UserError("This contact person no longer exists.")
    raise UserError(
        "A colleague has changed this contact person meanwhile (now: {name}, {phone}, "
        "{email}); nothing was overwritten. Close the window and open the contact again.",
        name=now.full_name,
        phone=now.phone or "—",
        email=now.email or "—",
    )


def list_contacts(engine: Engine, company_id: int) -> list[ContactLine]:
    with plain_database_errors(), engine.connect() as conn:
        return [ContactLine(*r) for r in conn.execute(text(_CONTACTS), {"c": company_id})]
