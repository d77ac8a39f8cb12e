"""What the expert records: a contact and its result (meeting held, offer sent with its
amount, invoice, deal won or lost), the next contact, and a won client handed on.  Each
goes through a database function that checks the expert owns the company."""

import logging
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import Connection, Engine, text

from dialdesk import limits
from dialdesk.errors import UserError, plain_database_errors
from dialdesk.limits import refuse_too_long
from dialdesk.vocabulary import CALLBACK_KINDS, EXPERT_STEP_KINDS

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StepInput:
    company_id: int
    kind: str  # one of EXPERT_STEP_KINDS
    comment: str = ""
    amount: Decimal | None = None
    product: str = ""
    lost_reason_id: int | None = None
    callback_id: int | None = None  # the planned contact this one fulfils
    next_due: datetime | None = None
    next_kind: str = "call"
    made_at: datetime | None = None  # now, when not given
    client_id: uuid.UUID = field(default_factory=uuid.uuid4)  # a retry saves once


@dataclass(frozen=True)
class ReasonChoice:
    id: int
    label_ru: str
    label_en: str


@dataclass(frozen=True)
class DealLine:
    id: int
    company_id: int
    company: str
    product: str | None
    amount: Decimal | None
    stage: str
    campaign: str | None
    opened_at: datetime
    closed_at: datetime | None
    lost_reason_ru: str | None
    lost_reason_en: str | None


def record_step(engine: Engine, step: StepInput) -> int:
    """Save the step once (a retry with the same ``client_id`` returns the same id)."""
    if step.kind not in EXPERT_STEP_KINDS:
        raise UserError("Choose what happened on this contact.")
    if step.next_due is not None and step.next_kind not in CALLBACK_KINDS:
        raise UserError("Choose the kind of the next contact.")
    if step.kind == "won" and not step.amount:
        raise UserError("Write the deal's amount: a won deal counts in the reports by it.")
    if step.kind == "lost" and step.lost_reason_id is None:
        raise UserError("Choose why the deal was lost.")
    refuse_too_long({"product": step.product, "comment": step.comment}, limits.DEAL)
    params = {
        "client": step.client_id,
        "company": step.company_id,
        "kind": step.kind,
        "made": step.made_at or datetime.now(UTC),
        "amount": step.amount,
        "product": step.product,
        "comment": step.comment,
        "reason": step.lost_reason_id,
        "callback": step.callback_id,
        "next_due": step.next_due,
        "next_kind": step.next_kind if step.next_due is not None else None,
    }
    with plain_database_errors(), engine.begin() as conn:
        saved = int(
            conn.execute(
                text(
                    "SELECT dialdesk.record_expert_step(:client, :company, :kind, :made, "
                    "CAST(:amount AS numeric), :product, :comment, :reason, :callback, "
                    ":next_due, :next_kind)"
                ),
                params,
            ).scalar_one()
        )
    log.info("expert step %s (%s) on company %s", saved, step.kind, step.company_id)
    return saved


def hand_client(engine: Engine, company_id: int, to_person: int, note: str) -> int:
    """Hand my client to another expert (a client manager) with a note."""
    with plain_database_errors(), engine.begin() as conn:
        made = int(
            conn.execute(
                text("SELECT dialdesk.hand_client(:c, :to, :note)"),
                {"c": company_id, "to": to_person, "note": note},
            ).scalar_one()
        )
    log.info("company %s handed to person %s (handover %s)", company_id, to_person, made)
    return made


def lost_reasons(engine: Engine) -> list[ReasonChoice]:
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, label_ru, label_en FROM dialdesk.lost_reasons WHERE active "
                "ORDER BY sort_order, id"
            )
        )
        return [ReasonChoice(*row) for row in rows]


def colleagues(engine: Engine, me: int) -> list[tuple[int, str]]:
    """The people a client may be handed to: active experts other than me."""
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, full_name FROM dialdesk.people WHERE active AND is_expert "
                "AND id <> :me ORDER BY full_name"
            ),
            {"me": me},
        )
        return [(int(r[0]), str(r[1])) for r in rows]


def deals_of(conn: Connection, company_id: int) -> list[DealLine]:
    """The company's deals I may see, newest first."""
    rows = conn.execute(
        text(
            "SELECT d.id, d.company_id, c.name, d.product, d.amount, d.stage, k.name, "
            "d.created_at, d.closed_at, r.label_ru, r.label_en "
            "FROM dialdesk.deals d JOIN dialdesk.companies c ON c.id = d.company_id "
            "LEFT JOIN dialdesk.campaigns k ON k.id = d.campaign_id "
            "LEFT JOIN dialdesk.lost_reasons r ON r.id = d.lost_reason_id "
            "WHERE d.company_id = :c ORDER BY d.id DESC"
        ),
        {"c": company_id},
    )
    return [DealLine(*row) for row in rows]


def company_deals(engine: Engine, company_id: int) -> list[DealLine]:
    with plain_database_errors(), engine.connect() as conn:
        return deals_of(conn, company_id)
