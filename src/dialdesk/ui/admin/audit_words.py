"""The audit log in business words: which kind of record (not the table), which record (its
name, not its id), which fields (their names on the screens), values as people write them
(names for ids, local times, yes and no)."""

import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from dialdesk.services.people.audit import REFERENCES, AuditLine, AuditNames

CONTEXT = "AuditWords"

TABLES = {
    "people": QT_TRANSLATE_NOOP("AuditWords", "Person"),
    "campaigns": QT_TRANSLATE_NOOP("AuditWords", "Campaign"),
    "campaign_outcomes": QT_TRANSLATE_NOOP("AuditWords", "Campaign's outcome code"),
    "campaign_operators": QT_TRANSLATE_NOOP("AuditWords", "Campaign's operator"),
    "questions": QT_TRANSLATE_NOOP("AuditWords", "Question"),
    "outcome_definitions": QT_TRANSLATE_NOOP("AuditWords", "Outcome code"),
    "pause_codes": QT_TRANSLATE_NOOP("AuditWords", "Pause reason"),
    "do_not_call": QT_TRANSLATE_NOOP("AuditWords", "Do-not-call number"),
    "segments": QT_TRANSLATE_NOOP("AuditWords", "Segment"),
    "import_templates": QT_TRANSLATE_NOOP("AuditWords", "Import template"),
    "operator_plans": QT_TRANSLATE_NOOP("AuditWords", "Operator's plan"),
    "callbacks": QT_TRANSLATE_NOOP("AuditWords", "Callback"),
    "handoffs": QT_TRANSLATE_NOOP("AuditWords", "Hand-off to an expert"),
    "companies": QT_TRANSLATE_NOOP("AuditWords", "Company"),
    "phones": QT_TRANSLATE_NOOP("AuditWords", "Phone"),
    "contact_persons": QT_TRANSLATE_NOOP("AuditWords", "Contact person"),
    "calls": QT_TRANSLATE_NOOP("AuditWords", "Call"),
    "answers": QT_TRANSLATE_NOOP("AuditWords", "Answer"),
    "import_batches": QT_TRANSLATE_NOOP("AuditWords", "Import"),
}

FIELDS = {
    "name": QT_TRANSLATE_NOOP("AuditWords", "name"),
    "full_name": QT_TRANSLATE_NOOP("AuditWords", "full name"),
    "login": QT_TRANSLATE_NOOP("AuditWords", "login"),
    "role": QT_TRANSLATE_NOOP("AuditWords", "role"),
    "active": QT_TRANSLATE_NOOP("AuditWords", "active"),
    "is_active": QT_TRANSLATE_NOOP("AuditWords", "running"),
    "is_expert": QT_TRANSLATE_NOOP("AuditWords", "sales expert"),
    "email": QT_TRANSLATE_NOOP("AuditWords", "e-mail"),
    "person_id": QT_TRANSLATE_NOOP("AuditWords", "person"),
    "campaign_id": QT_TRANSLATE_NOOP("AuditWords", "campaign"),
    "company_id": QT_TRANSLATE_NOOP("AuditWords", "company"),
    "outcome_id": QT_TRANSLATE_NOOP("AuditWords", "outcome"),
    "assigned_to": QT_TRANSLATE_NOOP("AuditWords", "for"),
    "created_by": QT_TRANSLATE_NOOP("AuditWords", "by"),
    "operator_id": QT_TRANSLATE_NOOP("AuditWords", "operator"),
    "expert_id": QT_TRANSLATE_NOOP("AuditWords", "expert"),
    "taken_by": QT_TRANSLATE_NOOP("AuditWords", "taken by"),
    "due_at": QT_TRANSLATE_NOOP("AuditWords", "due"),
    "done_at": QT_TRANSLATE_NOOP("AuditWords", "done at"),
    "state": QT_TRANSLATE_NOOP("AuditWords", "state"),
    "kind": QT_TRANSLATE_NOOP("AuditWords", "kind"),
    "note": QT_TRANSLATE_NOOP("AuditWords", "note"),
    "notes": QT_TRANSLATE_NOOP("AuditWords", "notes"),
    "comment": QT_TRANSLATE_NOOP("AuditWords", "comment"),
    "product": QT_TRANSLATE_NOOP("AuditWords", "product"),
    "script": QT_TRANSLATE_NOOP("AuditWords", "script"),
    "calling_hours_start": QT_TRANSLATE_NOOP("AuditWords", "calling from"),
    "calling_hours_end": QT_TRANSLATE_NOOP("AuditWords", "calling until"),
    "working_days_only": QT_TRANSLATE_NOOP("AuditWords", "working days only"),
    "retry_delay_minutes": QT_TRANSLATE_NOOP("AuditWords", "call again after, min"),
    "max_attempts": QT_TRANSLATE_NOOP("AuditWords", "attempts at most"),
    "callback_grace_minutes": QT_TRANSLATE_NOOP("AuditWords", "callback grace, min"),
    "lease_minutes": QT_TRANSLATE_NOOP("AuditWords", "card held, min"),
    "label_ru": QT_TRANSLATE_NOOP("AuditWords", "Russian label"),
    "label_en": QT_TRANSLATE_NOOP("AuditWords", "English label"),
    "hotkey": QT_TRANSLATE_NOOP("AuditWords", "key"),
    "hidden": QT_TRANSLATE_NOOP("AuditWords", "hidden"),
    "inn": QT_TRANSLATE_NOOP("AuditWords", "INN"),
    "industry": QT_TRANSLATE_NOOP("AuditWords", "industry"),
    "region": QT_TRANSLATE_NOOP("AuditWords", "region"),
    "city": QT_TRANSLATE_NOOP("AuditWords", "city"),
    "address": QT_TRANSLATE_NOOP("AuditWords", "address"),
    "website": QT_TRANSLATE_NOOP("AuditWords", "website"),
    "staff_band": QT_TRANSLATE_NOOP("AuditWords", "staff"),
    "legal_form": QT_TRANSLATE_NOOP("AuditWords", "legal form"),
    "e164": QT_TRANSLATE_NOOP("AuditWords", "number"),
    "extension": QT_TRANSLATE_NOOP("AuditWords", "extension"),
    "is_dead": QT_TRANSLATE_NOOP("AuditWords", "not working"),
    "position": QT_TRANSLATE_NOOP("AuditWords", "position"),
    "phone": QT_TRANSLATE_NOOP("AuditWords", "phone"),
    "text": QT_TRANSLATE_NOOP("AuditWords", "text"),
    "value": QT_TRANSLATE_NOOP("AuditWords", "answer"),
    "reason": QT_TRANSLATE_NOOP("AuditWords", "reason"),
    "calls_target": QT_TRANSLATE_NOOP("AuditWords", "plan: calls"),
    "contacts_target": QT_TRANSLATE_NOOP("AuditWords", "plan: contacts"),
    "day": QT_TRANSLATE_NOOP("AuditWords", "day"),
    "current_outcome_id": QT_TRANSLATE_NOOP("AuditWords", "group"),
    "last_outcome_id": QT_TRANSLATE_NOOP("AuditWords", "last outcome"),
    "group_changed_at": QT_TRANSLATE_NOOP("AuditWords", "in the group since"),
    "sets_group": QT_TRANSLATE_NOOP("AuditWords", "becomes the company's group"),
    "call_id": QT_TRANSLATE_NOOP("AuditWords", "call"),
    "done_call_id": QT_TRANSLATE_NOOP("AuditWords", "done by call"),
    "entry_id": QT_TRANSLATE_NOOP("AuditWords", "queue entry"),
    "is_contact": QT_TRANSLATE_NOOP("AuditWords", "counts as a contact"),
    "is_final": QT_TRANSLATE_NOOP("AuditWords", "closes the company"),
    "hands_to_expert": QT_TRANSLATE_NOOP("AuditWords", "hands over to an expert"),
    "needs_callback": QT_TRANSLATE_NOOP("AuditWords", "needs a next contact"),
    "marks_phone_dead": QT_TRANSLATE_NOOP("AuditWords", "marks the number dead"),
    "retry_after_days": QT_TRANSLATE_NOOP("AuditWords", "call again after, days"),
    "sort_order": QT_TRANSLATE_NOOP("AuditWords", "order"),
    "priority": QT_TRANSLATE_NOOP("AuditWords", "priority"),
    "attempts": QT_TRANSLATE_NOOP("AuditWords", "attempts"),
    "next_attempt_at": QT_TRANSLATE_NOOP("AuditWords", "next attempt"),
    "source": QT_TRANSLATE_NOOP("AuditWords", "source"),
    "segment": QT_TRANSLATE_NOOP("AuditWords", "segment"),
    "time_zone": QT_TRANSLATE_NOOP("AuditWords", "time zone"),
    "spoke_with": QT_TRANSLATE_NOOP("AuditWords", "spoke with"),
    "started_at": QT_TRANSLATE_NOOP("AuditWords", "started"),
    "ended_at": QT_TRANSLATE_NOOP("AuditWords", "ended"),
    "required": QT_TRANSLATE_NOOP("AuditWords", "required"),
    "retired": QT_TRANSLATE_NOOP("AuditWords", "retired"),
    "choices": QT_TRANSLATE_NOOP("AuditWords", "choices"),
    "code": QT_TRANSLATE_NOOP("AuditWords", "code"),
}
YES = QT_TRANSLATE_NOOP("AuditWords", "yes")
NO = QT_TRANSLATE_NOOP("AuditWords", "no")
# bookkeeping that changes with every edit and says nothing to a person
NOISE = frozenset({"id", "row_version", "updated_at", "created_at", "name_key", "saved_at"})
# what names a record, in order of preference
NAMING = ("name", "full_name", "label_ru", "login", "e164", "text", "code")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
_TIME = re.compile(r"^\d{2}:\d{2}:00$")  # a time of day: 18:00, not 18:00:00


def _tr(text: object) -> str:  # QT_TRANSLATE_NOOP's strings, typed as objects
    return QCoreApplication.translate(CONTEXT, str(text))


def table_label(table: str) -> str:
    return _tr(TABLES[table]) if table in TABLES else table


def field_label(field: str) -> str:
    return _tr(FIELDS[field]) if field in FIELDS else field


def who(line: AuditLine, names: AuditNames) -> str:
    person = names.people_by_login.get(line.login)
    return f"{person} ({line.login})" if person else line.login


def value_text(field: str, value: Any, names: AuditNames, language: str) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _tr(YES) if value else _tr(NO)
    reference = REFERENCES.get(field)
    if reference is not None:
        return names.name(reference, value, language) or f"№ {value}"
    if isinstance(value, str) and _MOMENT.match(value):
        try:
            return datetime.fromisoformat(value).astimezone().strftime("%d.%m.%Y %H:%M")
        except ValueError:
            pass
    if isinstance(value, str) and _TIME.match(value):
        return value[:5]
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    shown = str(value)
    return shown if len(shown) <= 60 else shown[:57] + "…"


def subject(line: AuditLine, names: AuditNames, language: str) -> str:
    """Which record: its own name, else the names of what it links, else its number."""
    values = line.new or line.old or {}
    for field in NAMING:
        if values.get(field):
            return value_text(field, values[field], names, language)
    linked = [
        value_text(field, values[field], names, language)
        for field in ("campaign_id", "company_id", "person_id", "outcome_id")
        if values.get(field) is not None
    ]
    return " · ".join(linked) if linked else (f"№ {line.row_id}" if line.row_id else "")


def changes_text(line: AuditLine, names: AuditNames, language: str) -> str:
    parts = []
    for field, (before, after) in line.changes().items():
        if field in NOISE:
            continue
        was, now = (value_text(field, v, names, language) for v in (before, after))
        label = field_label(field)
        if line.action == "INSERT":
            parts.append(f"{label}: {now}")
        elif line.action == "DELETE":
            parts.append(f"{label}: {was}")
        else:
            parts.append(f"{label}: {was} → {now}")
    return "; ".join(parts)
