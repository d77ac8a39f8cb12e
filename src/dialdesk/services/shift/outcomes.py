"""Saving a finished call: call, answers, callback, hand-off, retry schedule and the company's
current group, in one transaction, under the client-made id so a retried save never doubles."""

import json
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, text

from dialdesk import limits
from dialdesk.errors import UserError, plain_database_errors
from dialdesk.limits import refuse_too_long
from dialdesk.services.shift.queue import Claim, claim_within
from dialdesk.vocabulary import CALLBACK_KINDS


@dataclass(frozen=True)
class NextContact:
    due_at: datetime
    kind: str = "call"  # call, meeting or send_offer
    for_me: bool = True  # False: anyone may take it


@dataclass(frozen=True)
class OutcomeInput:
    """Everything the operator decided about one call; ``client_id`` is made once per call."""

    client_id: uuid.UUID
    entry_id: int
    outcome_code: str
    started_at: datetime
    ended_at: datetime
    phone_id: int | None = None
    comment: str = ""
    spoke_with: str = ""
    contact_person_id: int | None = None
    answers: dict[int, str] = field(default_factory=dict)
    next_contact: NextContact | None = None
    expert_id: int | None = None
    callback_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        raw = asdict(self)
        raw["client_id"] = str(self.client_id)
        raw["started_at"] = self.started_at.isoformat()
        raw["ended_at"] = self.ended_at.isoformat()
        raw["answers"] = {str(k): v for k, v in self.answers.items()}
        if self.next_contact is not None:
            raw["next_contact"]["due_at"] = self.next_contact.due_at.isoformat()
        return raw

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> "OutcomeInput":
        data = dict(raw)
        data["client_id"] = uuid.UUID(data["client_id"])
        data["started_at"] = datetime.fromisoformat(data["started_at"])
        data["ended_at"] = datetime.fromisoformat(data["ended_at"])
        data["answers"] = {int(k): v for k, v in data.get("answers", {}).items()}
        nxt = data.get("next_contact")
        if nxt is not None:
            data["next_contact"] = NextContact(
                datetime.fromisoformat(nxt["due_at"]), nxt["kind"], nxt["for_me"]
            )
        return cls(**data)


@dataclass(frozen=True)
class SavedOutcome:
    call_id: int
    entry_state: str
    already_saved: bool  # True when this client id had been saved before (a retry)


# The whole save runs in the database (migration 0009): one round trip.
RECORD = """
SELECT call_id, entry_state, already_saved FROM dialdesk.record_outcome(
    :me, :cid, :entry, :code, :started, :ended, :phone, :comment, :spoke, :person,
    CAST(:answers AS jsonb), :next_due, :next_kind, :next_for_me, :expert, :callback)
"""


def validate(data: OutcomeInput) -> None:
    """What can be checked before asking the database; the outcome's own rules (whom we
    spoke with, a next contact) are checked by the database against its definition."""
    if data.next_contact is not None and data.next_contact.kind not in CALLBACK_KINDS:
        raise UserError("Unknown kind of next contact '{kind}'.", kind=data.next_contact.kind)
    if data.ended_at < data.started_at:
        raise UserError("The call cannot end before it started.")
    refuse_too_long({"spoke_with": data.spoke_with, "comment": data.comment}, limits.CALL)


def record_outcome(engine: Engine, me: int, data: OutcomeInput) -> SavedOutcome:
    """Save the call and everything that follows from its outcome, exactly once."""
    validate(data)
    with plain_database_errors(), engine.begin() as conn:
        return _record(conn, me, data)


def save_and_claim_next(
    engine: Engine,
    me: int,
    data: OutcomeInput,
    *,
    campaign_id: int | None = None,
    now: datetime | None = None,
) -> tuple[SavedOutcome, Claim | None]:
    """Save the outcome and lease the next company in one transaction: one commit per
    call for the operator who works without a pause.  Either both happen or neither (the
    outcome stays with the caller, to be saved again under the same id)."""
    validate(data)
    with plain_database_errors(), engine.begin() as conn:
        saved = _record(conn, me, data)
        return saved, claim_within(conn, me, campaign_id=campaign_id, now=now)


def _record(conn: Connection, me: int, data: OutcomeInput) -> SavedOutcome:
    call_id, state, already = conn.execute(text(RECORD), outcome_params(me, data)).one()
    return SavedOutcome(call_id, state, already)


def outcome_params(me: int, data: OutcomeInput) -> dict[str, Any]:
    """RECORD's parameters for ``data`` saved by ``me``."""
    nxt = data.next_contact
    return {
        "me": me,
        "cid": data.client_id,
        "entry": data.entry_id,
        "code": data.outcome_code,
        "started": data.started_at,
        "ended": data.ended_at,
        "phone": data.phone_id,
        "comment": data.comment,
        "spoke": data.spoke_with,
        "person": data.contact_person_id,
        "answers": json.dumps({str(k): v for k, v in data.answers.items()}),
        "next_due": nxt.due_at if nxt else None,
        "next_kind": nxt.kind if nxt else None,
        "next_for_me": nxt.for_me if nxt else None,
        "expert": data.expert_id,
        "callback": data.callback_id,
    }
