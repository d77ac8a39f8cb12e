"""What a supervisor does from the monitor: free a stuck claim, hand a callback to someone
else (or to anyone), move companies between operators or experts, set an operator's plan
for a day.  The database decides who may."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, text

from dialdesk.errors import UserError, plain_database_errors
from dialdesk.services.shift.queue import UNCLAIM

log = logging.getLogger(__name__)


def release_stuck_claim(engine: Engine, person_id: int) -> int:
    """Give back to the queue every company ``person_id`` holds; how many there were."""
    with plain_database_errors(), engine.begin() as conn:
        released = conn.execute(
            text(
                f"UPDATE dialdesk.campaign_entries e {UNCLAIM} "
                "WHERE e.state = 'claimed' AND e.claimed_by = :p"
            ),
            {"p": person_id},
        ).rowcount
    log.info("the companies person %s held were given back: %d", person_id, released)
    return int(released)


def reassign_callback(engine: Engine, callback_id: int, person_id: int | None) -> None:
    """Give a pending callback to ``person_id``, or to anyone when None."""
    with plain_database_errors(), engine.begin() as conn:
        changed = conn.execute(
            text(
                "UPDATE dialdesk.callbacks SET assigned_to = :p WHERE id = :c AND state = 'pending'"
            ),
            {"p": person_id, "c": callback_id},
        ).rowcount
    if not changed:
        raise UserError(
            "Callback {callback} is no longer waiting; it was not changed.", callback=callback_id
        )
    log.info("callback %s given to person %s", callback_id, person_id)


def set_plan(engine: Engine, person_id: int, day: date, calls: int, contacts: int) -> None:
    """An operator's targets for ``day`` (replacing earlier ones)."""
    if calls < 0 or contacts < 0:
        raise UserError("A plan cannot be negative.")
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.operator_plans (person_id, day, calls_target, "
                "contacts_target) VALUES (:p, :d, :calls, :contacts) "
                "ON CONFLICT (person_id, day) DO UPDATE SET "
                "calls_target = EXCLUDED.calls_target, contacts_target = EXCLUDED.contacts_target"
            ),
            {"p": person_id, "d": day, "calls": calls, "contacts": contacts},
        )


@dataclass(frozen=True)
class HeldCompany:
    """A company someone is holding: a callback they promised (``kind`` "callback") or a
    hand-off they have as the expert (``kind`` "expert")."""

    company_id: int
    company: str
    kind: str
    due_at: datetime | None  # the callback's time; None for a hand-off
    campaign: str | None


HELD = """
SELECT cb.company_id, c.name, 'callback' AS kind, cb.due_at, k.name AS campaign
FROM dialdesk.callbacks cb
JOIN dialdesk.companies c ON c.id = cb.company_id
LEFT JOIN dialdesk.campaign_entries e ON e.id = cb.entry_id
LEFT JOIN dialdesk.campaigns k ON k.id = e.campaign_id
WHERE cb.state = 'pending' AND cb.assigned_to = :p
UNION ALL
SELECT DISTINCT h.company_id, c.name, 'expert', NULL::timestamptz, NULL
FROM dialdesk.handoffs h JOIN dialdesk.companies c ON c.id = h.company_id
WHERE (h.state IN ('new', 'accepted') OR h.state = 'returned'
       AND h.returned_at > now() - interval '30 days') AND h.expert_id = :p
ORDER BY kind, due_at, name
"""


def held_companies(engine: Engine, person_id: int) -> list[HeldCompany]:
    """The companies ``person_id`` has promised to call back or holds as the expert."""
    with plain_database_errors(), engine.connect() as conn:
        return [HeldCompany(*row) for row in conn.execute(text(HELD), {"p": person_id})]


@dataclass(frozen=True)
class Moved:
    callbacks: int
    handoffs: int


def move_companies(
    engine: Engine, from_person: int, to_person: int, company_ids: Iterable[int]
) -> Moved:
    """Hand the chosen companies ``from_person`` holds to ``to_person``: their pending
    callbacks and their open hand-offs (with the company's expert), in one transaction.
    The receiver must be active, an operator or supervisor for callbacks and an expert (or a
    supervisor) for hand-offs; supervisors and admins only, as the database insists."""
    ids = sorted(set(company_ids))
    if from_person == to_person:
        raise UserError("Choose someone else to receive the companies.")
    if not ids:
        raise UserError("Tick the companies to move.")
    params = {"from": from_person, "to": to_person, "ids": ids}
    with plain_database_errors(), engine.begin() as conn:
        receiver = conn.execute(
            text(
                "SELECT full_name, active, role IN ('operator', 'supervisor') AS calls, "
                "is_expert OR role = 'supervisor' AS expert FROM dialdesk.people WHERE id = :to"
            ),
            params,
        ).first()
        if receiver is None or not receiver.active:
            raise UserError("The person chosen to receive the companies is not active.")
        # always run, so that a role without the right is refused by the database itself
        handoffs = conn.execute(
            text(
                # a hand-off its expert gave back goes to the new one as new
                "UPDATE dialdesk.handoffs SET expert_id = :to, "
                "state = CASE state WHEN 'returned' THEN 'new' ELSE state END "
                "WHERE expert_id = :from AND company_id = ANY(:ids) "
                "AND (state IN ('new', 'accepted') OR state = 'returned' "
                "     AND returned_at > now() - interval '30 days')"
            ),
            params,
        ).rowcount
        if handoffs and not receiver.expert:
            raise UserError(
                "{name} is not an expert; hand-offs can go only to experts.",
                name=receiver.full_name,
            )
        conn.execute(
            text(
                "UPDATE dialdesk.companies SET expert_id = :to WHERE expert_id = :from "
                "AND id = ANY(:ids)"
            ),
            params,
        )
        conn.execute(  # the expert's open deals go with the company
            text(
                "UPDATE dialdesk.deals SET expert_id = :to WHERE expert_id = :from "
                "AND closed_at IS NULL AND company_id = ANY(:ids)"
            ),
            params,
        )
        # an operator's callbacks go to someone who calls; an expert's planned contacts to
        # an expert
        giver_is_expert = conn.execute(
            text("SELECT role = 'expert' FROM dialdesk.people WHERE id = :from"), params
        ).scalar()
        callbacks = conn.execute(
            text(
                "UPDATE dialdesk.callbacks SET assigned_to = :to WHERE assigned_to = :from "
                "AND state = 'pending' AND company_id = ANY(:ids)"
            ),
            params,
        ).rowcount
        if callbacks and giver_is_expert and not receiver.expert:
            raise UserError(
                "{name} is not an expert; an expert's planned contacts go only to experts.",
                name=receiver.full_name,
            )
        if callbacks and not giver_is_expert and not receiver.calls:
            raise UserError(
                "{name} does not make calls; callbacks can go only to operators.",
                name=receiver.full_name,
            )
        if not callbacks + handoffs:
            raise UserError("Those companies are no longer held by that person; nothing moved.")
    return Moved(int(callbacks), int(handoffs))
