"""Sleeping clients (the database's rule: ``dialdesk.sleeping_companies``) and putting the
chosen ones into a reactivation campaign, for a supervisor as for a marketer."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Engine, text

from dialdesk.errors import UserError, plain_database_errors

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SleepingClient:
    company_id: int
    company: str
    city: str | None
    expert: str | None
    last_purchase_on: date | None
    total_bought: Decimal | None


def sleeping_clients(engine: Engine, limit: int = 2000) -> list[SleepingClient]:
    """The sleeping clients not archived, the longest asleep first."""
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.id, c.name, c.city, p.full_name, "
                "coalesce(c.last_purchase_on, c.client_since), c.total_bought "
                "FROM dialdesk.companies c LEFT JOIN dialdesk.people p ON p.id = c.expert_id "
                "WHERE c.id IN (SELECT dialdesk.sleeping_companies()) AND c.archived_at IS NULL "
                "ORDER BY 5 NULLS FIRST, c.name LIMIT :limit"
            ),
            {"limit": limit},
        )
        return [SleepingClient(*row) for row in rows]


def reactivation_campaigns(engine: Engine) -> list[tuple[int, str]]:
    """The campaigns of former clients a sleeping client may go to."""
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, name FROM dialdesk.campaigns WHERE is_abandoned_clients "
                "ORDER BY is_active DESC, name"
            )
        )
        return [(int(r[0]), str(r[1])) for r in rows]


def queue_sleeping(engine: Engine, campaign_id: int | None, company_ids: Iterable[int]) -> int:
    """Put the chosen sleeping clients into the campaign's queue; how many joined it."""
    ids = sorted(set(company_ids))
    if campaign_id is None:
        raise UserError("Choose the reactivation campaign they go to.")
    if not ids:
        raise UserError("Tick the clients to wake.")
    with plain_database_errors(), engine.begin() as conn:
        added = int(
            conn.execute(
                text("SELECT dialdesk.queue_sleeping_clients(:k, :ids)"),
                {"k": campaign_id, "ids": ids},
            ).scalar_one()
        )
    log.info("%d of %d sleeping clients queued in campaign %s", added, len(ids), campaign_id)
    return added
