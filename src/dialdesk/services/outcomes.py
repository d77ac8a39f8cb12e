"""Saving a finished call: call, answers, callback, hand-off, retry schedule and the company's
current group, in one transaction, under the client-made id so a retried save never doubles."""

import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, NoReturn

from sqlalchemy import Connection, Engine, text

from dialdesk.models.calls import CALLBACK_KINDS
from dialdesk.services.errors import UserError, plain_database_errors


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


_OUTCOME = """
SELECT o.id, o.code, o.is_contact, o.is_final, o.hands_to_expert, o.needs_callback,
       o.retry_after_days, o.max_attempts, o.marks_phone_dead,
       e.company_id, e.campaign_id, e.attempts, e.claimed_by, e.state,
       c.retry_delay_minutes, c.max_attempts AS campaign_max_attempts,
       (SELECT id FROM dialdesk.calls WHERE client_id = :cid) AS saved_call_id
FROM dialdesk.outcome_definitions o,
     dialdesk.campaign_entries e JOIN dialdesk.campaigns c ON c.id = e.campaign_id
WHERE o.code = :code AND e.id = :entry
FOR UPDATE OF e
"""


def validate(outcome: Any, data: OutcomeInput) -> None:
    if outcome.is_contact and not data.spoke_with.strip():
        raise UserError("Write whom you spoke with: this outcome counts as a contact.")
    if outcome.needs_callback and data.next_contact is None:
        raise UserError("Set the date and time of the next contact for this outcome.")
    if data.next_contact is not None and data.next_contact.kind not in CALLBACK_KINDS:
        raise UserError("Unknown kind of next contact '{kind}'.", kind=data.next_contact.kind)
    if data.ended_at < data.started_at:
        raise UserError("The call cannot end before it started.")


def record_outcome(engine: Engine, me: int, data: OutcomeInput) -> SavedOutcome:
    """Save the call and everything that follows from its outcome, exactly once."""
    with plain_database_errors(), engine.begin() as conn:
        # lock the entry first: a second save of the same call waits here, then finds it saved
        outcome = conn.execute(
            text(_OUTCOME),
            {"code": data.outcome_code, "entry": data.entry_id, "cid": data.client_id},
        ).first()
        if outcome is not None and outcome.saved_call_id is not None:
            return SavedOutcome(outcome.saved_call_id, outcome.state, True)
        if outcome is None:
            # saved before, and the company has since gone to someone else: still a success
            existing = conn.execute(
                text(
                    "SELECT c.id, e.state FROM dialdesk.calls c "
                    "LEFT JOIN dialdesk.campaign_entries e ON e.id = c.entry_id "
                    "WHERE c.client_id = :cid"
                ),
                {"cid": data.client_id},
            ).first()
            if existing is not None:
                return SavedOutcome(existing[0], existing[1], True)
            _explain_missing(conn, data)
        validate(outcome, data)
        if outcome.claimed_by not in (None, me):
            raise UserError(
                "This company is now with another operator; your outcome was not saved."
            )
        call_id = _insert_call(conn, me, outcome, data)
        answers = [
            {"call": call_id, "q": question_id, "v": value.strip()}
            for question_id, value in data.answers.items()
            if value.strip()
        ]
        if answers:  # one round trip for the whole questionnaire
            conn.execute(
                text(
                    "INSERT INTO dialdesk.answers (call_id, question_id, value) "
                    "VALUES (:call, :q, :v)"
                ),
                answers,
            )
        state = _follow_up(conn, me, outcome, data, call_id)
    return SavedOutcome(call_id, state, False)


def _explain_missing(conn: Connection, data: OutcomeInput) -> NoReturn:
    """The entry could not be locked: someone else holds it, or a code or id is wrong."""
    held = conn.execute(
        text("SELECT claimed_by FROM dialdesk.campaign_entries WHERE id = :entry"),
        {"entry": data.entry_id},
    ).first()
    if held is not None and held[0] is not None:
        raise UserError("This company is now with another operator; your outcome was not saved.")
    raise UserError(
        "Unknown outcome '{code}' or queue entry {entry}.",
        code=data.outcome_code,
        entry=data.entry_id,
    )


def _insert_call(conn: Connection, me: int, outcome: Any, data: OutcomeInput) -> int:
    call_id: int = conn.execute(
        text(
            "INSERT INTO dialdesk.calls (client_id, entry_id, campaign_id, company_id, phone_id, "
            "  operator_id, contact_person_id, spoke_with, started_at, ended_at, outcome_id, "
            "  comment) "
            "VALUES (:cid, :entry, :campaign, :company, :phone, :me, :person, :spoke, :start, "
            "  :end, :outcome, :comment) RETURNING id"
        ),
        {
            "cid": data.client_id,
            "entry": data.entry_id,
            "campaign": outcome.campaign_id,
            "company": outcome.company_id,
            "phone": data.phone_id,
            "me": me,
            "person": data.contact_person_id,
            "spoke": data.spoke_with.strip() or None,
            "start": data.started_at,
            "end": data.ended_at,
            "outcome": outcome.id,
            "comment": data.comment.strip() or None,
        },
    ).scalar_one()
    return call_id


def _follow_up(conn: Connection, me: int, outcome: Any, data: OutcomeInput, call_id: int) -> str:
    now = datetime.now(UTC)
    attempts = outcome.attempts + 1
    next_attempt: datetime | None = None
    if data.callback_id is not None:
        conn.execute(
            text(
                "UPDATE dialdesk.callbacks SET state = 'done', taken_by = :me, done_at = now(), "
                "done_call_id = :call WHERE id = :id AND state = 'pending'"
            ),
            {"me": me, "call": call_id, "id": data.callback_id},
        )
    if outcome.marks_phone_dead and data.phone_id is not None:
        conn.execute(
            text("UPDATE dialdesk.phones SET is_dead = true WHERE id = :id"),
            {"id": data.phone_id},
        )
    if data.next_contact is not None:
        conn.execute(
            text(
                "INSERT INTO dialdesk.callbacks (company_id, entry_id, call_id, due_at, "
                "  assigned_to, created_by, kind) "
                "VALUES (:company, :entry, :call, :due, :assigned, :me, :kind)"
            ),
            {
                "company": outcome.company_id,
                "entry": data.entry_id,
                "call": call_id,
                "due": data.next_contact.due_at,
                "assigned": me if data.next_contact.for_me else None,
                "me": me,
                "kind": data.next_contact.kind,
            },
        )
        state = "callback"
    elif outcome.is_final or outcome.marks_phone_dead:
        state = "done"
    elif outcome.retry_after_days is not None:
        state, next_attempt = "retry", now + timedelta(days=outcome.retry_after_days)
    elif not outcome.is_contact:
        limit = outcome.max_attempts or outcome.campaign_max_attempts
        if attempts >= limit:
            state = "done"
        else:
            state = "retry"
            next_attempt = now + timedelta(minutes=outcome.retry_delay_minutes)
    else:
        state = "done"
    if outcome.hands_to_expert and data.expert_id is not None:
        conn.execute(
            text(
                "INSERT INTO dialdesk.handoffs (company_id, call_id, expert_id, created_by, note) "
                "VALUES (:company, :call, :expert, :me, :note)"
            ),
            {
                "company": outcome.company_id,
                "call": call_id,
                "expert": data.expert_id,
                "me": me,
                "note": data.comment.strip() or None,
            },
        )
    conn.execute(
        text(
            "UPDATE dialdesk.campaign_entries SET state = :state, attempts = :attempts, "
            "next_attempt_at = :next, last_outcome_id = :outcome, claimed_by = NULL, "
            "lease_expires_at = NULL WHERE id = :entry"
        ),
        {
            "state": state,
            "attempts": attempts,
            "next": next_attempt,
            "outcome": outcome.id,
            "entry": data.entry_id,
        },
    )
    conn.execute(
        text(
            "UPDATE dialdesk.companies SET current_outcome_id = :outcome, "
            "group_changed_at = CASE WHEN current_outcome_id IS DISTINCT FROM :outcome "
            "  THEN now() ELSE group_changed_at END "
            "WHERE id = :company"
        ),
        {"outcome": outcome.id, "company": outcome.company_id},
    )
    return state
