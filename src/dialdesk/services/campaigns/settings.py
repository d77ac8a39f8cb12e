"""Campaign settings for administrators and marketers: product, script, calling hours and
days, retry policy, grace period, monitor thresholds, active or not."""

from dataclasses import asdict, dataclass
from datetime import time

from sqlalchemy import Connection, Engine, select, text

from dialdesk import limits
from dialdesk.errors import UserError, plain_database_errors, translatable
from dialdesk.limits import refuse_too_long
from dialdesk.models.campaigns import Campaign
from dialdesk.services.campaigns.scripts import unknown_fields
from dialdesk.services.rows import insert_row, refuse_taken, table_of, update_row

CAMPAIGNS = table_of(Campaign)

CAMPAIGN_TAKEN = translatable("A campaign named '{name}' already exists.")


@dataclass(frozen=True)
class CampaignSettings:
    name: str
    product: str = ""
    script: str = ""
    calling_hours_start: time = time(9)
    calling_hours_end: time = time(18)
    working_days_only: bool = True
    retry_delay_minutes: int = 120
    max_attempts: int = 5
    callback_grace_minutes: int = 30
    lease_minutes: int = 15
    alert_waiting_seconds: int = 300
    alert_paused_seconds: int = 900
    alert_card_seconds: int = 600
    is_active: bool = True


@dataclass(frozen=True)
class CampaignLine:
    id: int
    settings: CampaignSettings
    entries: int


COLUMNS = tuple(CampaignSettings.__dataclass_fields__)
# field -> (smallest, largest) allowed
LIMITS = {
    "retry_delay_minutes": (1, 60 * 24 * 365),
    "max_attempts": (1, 1000),
    "callback_grace_minutes": (0, 60 * 24 * 7),
    "lease_minutes": (1, 24 * 60),
    "alert_waiting_seconds": (10, 24 * 3600),
    "alert_paused_seconds": (10, 24 * 3600),
    "alert_card_seconds": (10, 24 * 3600),
}


def check(settings: CampaignSettings) -> None:
    """Plain refusals naming the setting at fault."""
    if not settings.name.strip():
        raise UserError("The campaign needs a name.")
    refuse_too_long(
        {"name": settings.name.strip(), "product": settings.product, "script": settings.script},
        limits.CAMPAIGN,
    )
    if settings.calling_hours_start >= settings.calling_hours_end:
        raise UserError("Calling hours must start before they end.")
    for field, (low, high) in LIMITS.items():
        value = getattr(settings, field)
        if not low <= value <= high:
            raise UserError(
                "The setting {field} must be between {low} and {high}.",
                field=field,
                low=low,
                high=high,
            )
    typos = unknown_fields(settings.script)
    if typos:
        raise UserError(
            "The script names unknown merge fields: {fields}. Use {{company}}, {{person}} "
            "or {{operator}}.",
            fields=", ".join("{" + t + "}" for t in typos),
        )


def campaign_choices(conn: Connection) -> list[tuple[int, str]]:
    """(id, name) of every campaign, the active ones first, for lists to pick from."""
    rows = conn.execute(
        text("SELECT id, name FROM dialdesk.campaigns ORDER BY is_active DESC, name")
    )
    return [(campaign_id, name) for campaign_id, name in rows]


def list_campaigns(engine: Engine) -> list[CampaignLine]:
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                f"SELECT c.id, {', '.join('c.' + c for c in COLUMNS)}, "
                "(SELECT count(*) FROM dialdesk.campaign_entries e WHERE e.campaign_id = c.id) "
                "FROM dialdesk.campaigns c ORDER BY c.is_active DESC, c.name"
            )
        ).all()
    lines = []
    for row in rows:
        values = dict(zip(COLUMNS, row[1:-1], strict=True))
        values["product"] = values["product"] or ""
        values["script"] = values["script"] or ""
        lines.append(CampaignLine(row[0], CampaignSettings(**values), row[-1]))
    return lines


def save_campaign(
    engine: Engine,
    campaign_id: int | None,
    settings: CampaignSettings,
    before: CampaignSettings | None = None,
) -> int:
    """Create (``campaign_id`` None) or change a campaign; returns its id.  With ``before``
    (the settings as they were loaded), only the settings the person changed are written:
    a colleague's change to another setting meanwhile stays."""
    with plain_database_errors(), engine.begin() as conn:
        return write_campaign(conn, campaign_id, settings, before)


def write_campaign(
    conn: Connection,
    campaign_id: int | None,
    settings: CampaignSettings,
    before: CampaignSettings | None = None,
) -> int:
    """``save_campaign`` inside the caller's transaction."""
    check(settings)
    values = asdict(settings)
    values["name"] = settings.name.strip()
    refuse_taken(conn, CAMPAIGNS.c.name, values["name"], campaign_id, CAMPAIGN_TAKEN,
                 name=values["name"])  # fmt: skip
    if campaign_id is None:
        return insert_row(conn, CAMPAIGNS, values)
    if before is not None:
        was = asdict(before)
        values = {column: value for column, value in values.items() if value != was[column]}
    exists = conn.execute(select(CAMPAIGNS.c.id).where(CAMPAIGNS.c.id == campaign_id)).first()
    if exists is None:
        raise UserError("There is no campaign number {id}.", id=campaign_id)
    if values:
        update_row(conn, CAMPAIGNS, values, campaign_id)
    return campaign_id


@dataclass(frozen=True)
class CampaignLinks:
    """Which outcome codes a campaign offers and who works it; empty means all."""

    outcome_ids: frozenset[int]
    operator_ids: frozenset[int]


def campaign_links(engine: Engine, campaign_id: int) -> CampaignLinks:
    with plain_database_errors(), engine.connect() as conn:
        outcomes = conn.execute(
            text("SELECT outcome_id FROM dialdesk.campaign_outcomes WHERE campaign_id = :k"),
            {"k": campaign_id},
        ).scalars()
        operators = conn.execute(
            text("SELECT person_id FROM dialdesk.campaign_operators WHERE campaign_id = :k"),
            {"k": campaign_id},
        ).scalars()
        return CampaignLinks(frozenset(outcomes), frozenset(operators))


def save_campaign_links(
    engine: Engine, campaign_id: int, links: CampaignLinks, before: CampaignLinks | None = None
) -> None:
    """Write the campaign's outcome codes and operators, in one transaction.  With
    ``before`` (the links as they were loaded), only what the person ticked or unticked is
    written: someone not on the form (a supervisor, a person added meanwhile) stays.
    Without it the links become ``links``.  Only changes are written, so a marketer (who
    may not choose operators) can set the codes."""
    with plain_database_errors(), engine.begin() as conn:
        for table, column, wanted, was in (
            ("campaign_outcomes", "outcome_id", links.outcome_ids,
             before.outcome_ids if before else None),
            ("campaign_operators", "person_id", links.operator_ids,
             before.operator_ids if before else None),
        ):  # fmt: skip
            have = frozenset(
                conn.execute(
                    text(f"SELECT {column} FROM dialdesk.{table} WHERE campaign_id = :k"),
                    {"k": campaign_id},
                ).scalars()
            )
            if was is None:
                gone, new = have - wanted, wanted - have
            else:
                gone, new = (was - wanted) & have, (wanted - was) - have
            if gone:
                conn.execute(
                    text(
                        f"DELETE FROM dialdesk.{table} WHERE campaign_id = :k "
                        f"AND {column} = ANY(:ids)"
                    ),
                    {"k": campaign_id, "ids": sorted(gone)},
                )
            if new:
                conn.execute(
                    text(f"INSERT INTO dialdesk.{table} (campaign_id, {column}) VALUES (:k, :id)"),
                    [{"k": campaign_id, "id": i} for i in sorted(new)],
                )
