"""Segments: a marketer's slices of the base by criteria (industry, region, staff-size band,
source, current group, questionnaire answers, potential score, sleeping clients), compared
side by side, ranked A/B/C, and turned into a campaign (or added to one) with their own
priority: sleeping clients go into a reactivation campaign this way."""

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Engine, delete, text

from dialdesk.db.engine import read_snapshot
from dialdesk.errors import UserError, plain_database_errors, translatable
from dialdesk.models.admin import Segment
from dialdesk.services.campaigns.settings import CampaignSettings, write_campaign
from dialdesk.services.reports.table import Chart, Column, Report, share
from dialdesk.services.rows import insert_row, refuse_taken, table_of, update_row

SEGMENTS = table_of(Segment)

SEGMENT_TAKEN = translatable("A segment named '{name}' already exists.")
NOT_CALLED = "not_called"  # the "group" of companies never called
RANKS = ("A", "B", "C")


@dataclass(frozen=True)
class Criteria:
    """Every list empty means "any"; several values in one list mean "one of them"."""

    industries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    staff_bands: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()  # outcome codes, or NOT_CALLED
    answers: tuple[tuple[int, str], ...] = ()  # (question, value): the latest answer is it
    min_score: int | None = None
    max_score: int | None = None
    archived: bool = False  # True: only archived companies (to look at or bring back)
    # True: only clients with no purchase for longer than the admin's sleeping period
    sleeping: bool = False

    def as_json(self) -> dict[str, Any]:
        kept = {key: value for key, value in asdict(self).items() if value not in ((), None)}
        for flag in ("archived", "sleeping"):
            if not kept[flag]:
                kept.pop(flag)
        return kept

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Criteria":
        values: dict[str, Any] = {}
        for key in cls.__dataclass_fields__:
            if key not in data:
                continue
            raw = data[key]
            if key == "answers":
                values[key] = tuple((int(q), str(v)) for q, v in raw)
            elif key in ("min_score", "max_score"):
                values[key] = None if raw is None else int(raw)
            elif key in ("archived", "sleeping"):
                values[key] = bool(raw)
            else:
                values[key] = tuple(str(v) for v in raw)
        return cls(**values)


LIST_COLUMNS = {
    "industries": "c.industry",
    "regions": "c.region",
    "staff_bands": "c.staff_band",
    "sources": "c.source",
}


# the rule lives in the database, which queues them by it too
SLEEPING = "c.id IN (SELECT dialdesk.sleeping_companies())"


def criteria_sql(criteria: Criteria, prefix: str = "s") -> tuple[str, dict[str, Any]]:
    """A WHERE condition on ``dialdesk.companies c`` and its parameters (named with
    ``prefix`` so several segments can share one statement)."""
    parts: list[str] = [
        "c.archived_at IS NOT NULL" if criteria.archived else "c.archived_at IS NULL"
    ]
    params: dict[str, Any] = {}
    for name, column in LIST_COLUMNS.items():
        values = getattr(criteria, name)
        if values:
            params[f"{prefix}_{name}"] = list(values)
            parts.append(f"btrim({column}) = ANY(:{prefix}_{name})")
    if criteria.groups:
        codes = [g for g in criteria.groups if g != NOT_CALLED]
        either = []
        if codes:
            params[f"{prefix}_groups"] = codes
            either.append(
                "c.current_outcome_id IN (SELECT id FROM dialdesk.outcome_definitions "
                f"WHERE code = ANY(:{prefix}_groups))"
            )
        if NOT_CALLED in criteria.groups:
            either.append("c.current_outcome_id IS NULL")
        parts.append("(" + " OR ".join(either) + ")")
    for index, (question, value) in enumerate(criteria.answers):
        q, v = f"{prefix}_q{index}", f"{prefix}_v{index}"
        params[q], params[v] = question, value
        parts.append(
            "(SELECT a.value FROM dialdesk.answers a JOIN dialdesk.calls k ON k.id = a.call_id "
            f"WHERE k.company_id = c.id AND a.question_id = :{q} AND coalesce(a.value, '') <> '' "
            f"ORDER BY k.started_at DESC NULLS LAST, k.id DESC LIMIT 1) = :{v}"
        )
    if criteria.sleeping:  # bought from us once, nothing since the admin's period
        parts.append(SLEEPING)
    if criteria.min_score is not None:
        params[f"{prefix}_min"] = criteria.min_score
        parts.append(f"c.potential_score >= :{prefix}_min")
    if criteria.max_score is not None:
        params[f"{prefix}_max"] = criteria.max_score
        parts.append(f"c.potential_score <= :{prefix}_max")
    return " AND ".join(parts), params


@dataclass(frozen=True)
class SegmentLine:
    id: int
    name: str
    rank: str | None
    criteria: Criteria = field(default_factory=Criteria)


def check(name: str, rank: str | None, criteria: Criteria) -> None:
    if not name.strip():
        raise UserError("The segment needs a name.")
    if rank is not None and rank not in RANKS:
        raise UserError("Rank a segment A, B or C, not '{rank}'.", rank=rank)
    low, high = criteria.min_score, criteria.max_score
    if low is not None and high is not None and low > high:
        raise UserError("The lowest potential score is above the highest.")


def list_segments(engine: Engine) -> list[SegmentLine]:
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, name, rank, criteria FROM dialdesk.segments ORDER BY rank NULLS "
                 "LAST, name")
        ).all()  # fmt: skip
    return [SegmentLine(i, n, r, Criteria.from_json(c or {})) for i, n, r, c in rows]


def save_segment(
    engine: Engine, segment_id: int | None, name: str, rank: str | None, criteria: Criteria
) -> int:
    """Create (``segment_id`` None) or change a segment; returns its id."""
    check(name, rank, criteria)
    name = name.strip()
    values = {"name": name, "rank": rank, "criteria": criteria.as_json()}
    with plain_database_errors(), engine.begin() as conn:
        refuse_taken(conn, SEGMENTS.c.name, name, segment_id, SEGMENT_TAKEN, name=name)
        if segment_id is None:
            return insert_row(conn, SEGMENTS, values)
        changed = update_row(conn, SEGMENTS, values, segment_id)
    if not changed:
        raise UserError("There is no segment number {id}.", id=segment_id)
    return segment_id


def delete_segment(engine: Engine, segment_id: int) -> None:
    """Forget a segment (its companies and campaigns stay as they are)."""
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(delete(SEGMENTS).where(SEGMENTS.c.id == segment_id))


def count_matching(engine: Engine, criteria: Criteria) -> int:
    """How many companies the criteria select (for the editor, as they are typed)."""
    where, params = criteria_sql(criteria)
    with plain_database_errors(), engine.connect() as conn:
        return int(
            conn.execute(
                text(f"SELECT count(*) FROM dialdesk.companies c WHERE {where}"), params
            ).scalar_one()
        )


def matching_ids(engine: Engine, criteria: Criteria) -> list[int]:
    """The companies the criteria select, by id (for a mailing to the segment)."""
    where, params = criteria_sql(criteria)
    with plain_database_errors(), engine.connect() as conn:
        return list(
            conn.execute(
                text(f"SELECT c.id FROM dialdesk.companies c WHERE {where} ORDER BY c.id"), params
            ).scalars()
        )


# the results of one segment's companies: called, reached a decision maker, warm or hot
RESULTS = """
SELECT count(*),
       count(*) FILTER (WHERE c.current_outcome_id IS NOT NULL),
       count(*) FILTER (WHERE o.is_contact OR EXISTS (
           SELECT 1 FROM dialdesk.calls k JOIN dialdesk.outcome_definitions ko
           ON ko.id = k.outcome_id AND ko.is_contact WHERE k.company_id = c.id)),
       count(*) FILTER (WHERE o.hands_to_expert)
FROM dialdesk.companies c LEFT JOIN dialdesk.outcome_definitions o
     ON o.id = c.current_outcome_id
WHERE {where}
"""


def compare_segments(engine: Engine, segments: Sequence[SegmentLine]) -> Report:
    """The segments side by side: size, share of the base and contact results."""
    with plain_database_errors(), read_snapshot(engine) as conn:
        base = int(conn.execute(text("SELECT count(*) FROM dialdesk.companies")).scalar_one())
        results = []
        for segment in segments:
            where, params = criteria_sql(segment.criteria)
            results.append(conn.execute(text(RESULTS.format(where=where)), params).one())
    cells = [
        [
            segment.rank or "",
            size,
            share(size, base),
            called,
            contacts,
            share(contacts, called),
            warm_hot,
            share(warm_hot, called),
        ]
        for segment, (size, called, contacts, warm_hot) in zip(segments, results, strict=True)
    ]
    return Report(
        name="segments",
        title=translatable("Segments compared"),
        row_header=translatable("Segment"),
        columns=[
            Column(translatable("Rank"), "text"),
            Column(translatable("Companies")),
            Column(translatable("Of the base, %"), "percent"),
            Column(translatable("Called")),
            Column(translatable("Contact")),
            Column(translatable("Contact rate, %"), "percent"),
            Column(translatable("Warm or hot")),
            Column(translatable("Warm or hot, % of called"), "percent"),
        ],
        rows=[s.name for s in segments],
        cells=cells,
        chart=Chart("bar", (2, 5, 7)),
    )


@dataclass(frozen=True)
class AddedToCampaign:
    campaign_id: int
    added: int
    already_there: int


def segment_to_campaign(
    engine: Engine,
    criteria: Criteria,
    *,
    campaign_id: int | None = None,
    new_campaign: str | None = None,
    priority: int = 0,
    retry_delay_minutes: int | None = None,
) -> AddedToCampaign:
    """Put the segment's companies into a campaign's queue with ``priority`` and, when
    given, their own retry delay (how soon a company nobody answered is tried again):
    an existing campaign, or a new one named ``new_campaign`` (whose own retry delay it
    becomes).  Companies already in the campaign keep their place and settings.  One
    transaction: all or nothing."""
    if (campaign_id is None) == (new_campaign is None):
        raise UserError("Choose a campaign, or name a new one.")
    if criteria.archived:
        raise UserError(
            "Archived companies are not called: bring them back from the archive first."
        )
    if not -1000 <= priority <= 1000:
        raise UserError("The priority must be between -1000 and 1000.")
    if retry_delay_minutes is not None and not 1 <= retry_delay_minutes <= 60 * 24 * 365:
        raise UserError("The contact frequency must be between 1 minute and a year.")
    where, params = criteria_sql(criteria)
    with plain_database_errors(), engine.begin() as conn:
        target = (
            campaign_id
            if campaign_id is not None
            else write_campaign(conn, None, _new_campaign(str(new_campaign), retry_delay_minutes))
        )
        matching = int(
            conn.execute(
                text(f"SELECT count(*) FROM dialdesk.companies c WHERE {where}"), params
            ).scalar_one()
        )
        added = conn.execute(
            text(
                "INSERT INTO dialdesk.campaign_entries (campaign_id, company_id, priority, "
                "retry_delay_minutes) SELECT :campaign, c.id, :priority, :delay "
                f"FROM dialdesk.companies c WHERE {where} "
                "ON CONFLICT (campaign_id, company_id) DO NOTHING"
            ),
            {**params, "campaign": target, "priority": priority, "delay": retry_delay_minutes},
        ).rowcount
    return AddedToCampaign(target, int(added), matching - int(added))


@dataclass(frozen=True)
class Archived:
    changed: int
    held: int  # on an operator's card right now: left as they were


def set_segment_archived(engine: Engine, criteria: Criteria, archived: bool) -> Archived:
    """Archive the segment's companies (out of every queue and callback list, history
    kept), or bring archived ones back with their queue places and callbacks; one
    transaction, through ``dialdesk.set_archived`` (marketers and admins)."""
    where, params = criteria_sql(criteria)
    with plain_database_errors(), engine.begin() as conn:
        changed, held = conn.execute(
            text(
                "SELECT changed, held FROM dialdesk.set_archived("
                f"ARRAY(SELECT c.id FROM dialdesk.companies c WHERE {where}), :archived)"
            ),
            {**params, "archived": archived},
        ).one()
    return Archived(int(changed), int(held))


def _new_campaign(name: str, retry_delay_minutes: int | None) -> CampaignSettings:
    """A campaign with the usual settings, trying again after ``retry_delay_minutes``."""
    if retry_delay_minutes is None:
        return CampaignSettings(name)
    return CampaignSettings(name, retry_delay_minutes=retry_delay_minutes)


def segment_values(engine: Engine) -> dict[str, list[str]]:
    """The values the base holds for each list criterion, for the editor's lists."""
    with plain_database_errors(), engine.connect() as conn:
        return {
            name: list(
                conn.execute(
                    text(
                        f"SELECT DISTINCT btrim({column}) FROM dialdesk.companies c "
                        f"WHERE coalesce(btrim({column}), '') <> '' ORDER BY 1 LIMIT 500"
                    )
                ).scalars()
            )
            for name, column in LIST_COLUMNS.items()
        }
