"""Finding a company while on the phone: by name, INN or phone number (a client calling
back, a caller's number from the softphone), with the queue entry it would be opened on
and who is on it now."""

import re
from dataclasses import dataclass

from sqlalchemy import Engine, text

from dialdesk.errors import plain_database_errors
from dialdesk.importing.names import name_key
from dialdesk.importing.phones import parse_phone_cell
from dialdesk.services.rows import like_literal

_DIGITS = re.compile(r"\D")


@dataclass(frozen=True)
class FoundCompany:
    company_id: int
    name: str
    inn: str | None
    city: str | None
    phones: str  # its working numbers, as E.164, comma-separated
    entry_id: int | None  # the entry it opens on: open, in an active campaign
    campaign: str | None
    held_by: str | None  # the colleague on its card now, if any
    mine: bool  # on my card already


FIND = """
SELECT c.id, c.name, c.inn, c.city,
       coalesce((SELECT string_agg(p.e164, ', ' ORDER BY p.id) FROM dialdesk.phones p
                 WHERE p.company_id = c.id AND NOT p.is_dead AND p.e164 IS NOT NULL), ''),
       e.id, k.name,
       CASE WHEN e.claimed_by <> :me AND e.lease_expires_at >= now() THEN holder.full_name END,
       coalesce(e.claimed_by = :me AND e.state = 'claimed', false)
FROM dialdesk.companies c
LEFT JOIN LATERAL (
    SELECT x.id, x.campaign_id, x.claimed_by, x.lease_expires_at, x.state
    FROM dialdesk.campaign_entries x JOIN dialdesk.campaigns y ON y.id = x.campaign_id
    WHERE x.company_id = c.id AND y.is_active AND x.state <> 'done'
    ORDER BY (x.claimed_by = :me) DESC NULLS LAST,
             (x.claimed_by IS NULL OR x.lease_expires_at < now()) DESC, x.id
    LIMIT 1
) e ON true
LEFT JOIN dialdesk.campaigns k ON k.id = e.campaign_id
LEFT JOIN dialdesk.people holder ON holder.id = e.claimed_by
WHERE {where}
ORDER BY c.name, c.id
LIMIT :limit
"""

BY_PHONE = (
    "c.id IN (SELECT p.company_id FROM dialdesk.phones p WHERE p.e164 = ANY(:numbers) "
    "OR p.e164 LIKE :tail)"
)
BY_INN = "c.inn = :digits"
BY_NAME = "c.name_key LIKE :name_like"


def find_companies(engine: Engine, me: int, query: str, limit: int = 50) -> list[FoundCompany]:
    """Companies whose phone, INN or name matches ``query``; [] for a query too short to
    mean anything (fewer than 2 letters, or fewer than 5 digits for a number)."""
    query = query.strip()
    digits = _DIGITS.sub("", query)
    looks_like_number = len(digits) >= 5 and len(digits) >= len(query.replace(" ", "")) // 2
    conditions: list[str] = []
    params: dict[str, object] = {"me": me, "limit": limit}
    if looks_like_number:
        numbers = [p.e164 for p in parse_phone_cell(query).valid]
        params.update(numbers=numbers, tail=f"%{digits[-10:]}", digits=digits)
        conditions += [BY_PHONE, BY_INN]
    key = name_key(query)
    if len(key) >= 2 and not looks_like_number:
        params["name_like"] = "%" + like_literal(key) + "%"
        conditions.append(BY_NAME)
    if not conditions:
        return []
    where = "(" + " OR ".join(conditions) + ")"
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(text(FIND.format(where=where)), params).all()
    return [FoundCompany(*row) for row in rows]


def find_caller(engine: Engine, me: int, number: str) -> list[FoundCompany]:
    """The companies a caller's number belongs to (what the softphone passes on a call)."""
    return find_companies(engine, me, number) if len(_DIGITS.sub("", number)) >= 5 else []
