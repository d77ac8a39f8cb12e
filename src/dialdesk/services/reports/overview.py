"""The home page every role sees: the base by current group and each campaign's queue."""

from dataclasses import dataclass

from sqlalchemy import Engine, text

from dialdesk.vocabulary import ENTRY_STATES


@dataclass(frozen=True)
class GroupCount:
    code: str | None  # None: not called yet
    label_ru: str
    label_en: str
    companies: int


@dataclass(frozen=True)
class CampaignLine:
    id: int
    name: str
    active: bool
    entries: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.entries.values())


@dataclass(frozen=True)
class Overview:
    companies: int
    groups: list[GroupCount]
    campaigns: list[CampaignLine]
    callbacks_due_today: int


def load_overview(engine: Engine) -> Overview:
    with engine.connect() as conn:
        groups = [
            GroupCount(*row)
            for row in conn.execute(
                text(
                    "SELECT o.code, coalesce(o.label_ru, ''), coalesce(o.label_en, ''), "
                    "       count(c.id) "
                    "FROM dialdesk.companies c "
                    "LEFT JOIN dialdesk.outcome_definitions o ON o.id = c.current_outcome_id "
                    "GROUP BY o.code, o.label_ru, o.label_en, o.sort_order "
                    "ORDER BY o.sort_order NULLS FIRST"
                )
            )
        ]
        campaign_rows = conn.execute(
            text(
                "SELECT c.id, c.name, c.is_active, e.state, count(e.id) "
                "FROM dialdesk.campaigns c "
                "LEFT JOIN dialdesk.campaign_entries e ON e.campaign_id = c.id "
                "GROUP BY c.id, c.name, c.is_active, e.state ORDER BY c.name"
            )
        ).all()
        due_today = conn.execute(
            text(
                "SELECT count(*) FROM dialdesk.callbacks WHERE state = 'pending' "
                "AND due_at < date_trunc('day', now()) + interval '1 day'"
            )
        ).scalar_one()
    campaigns: dict[int, CampaignLine] = {}
    for cid, name, active, state, count in campaign_rows:
        line = campaigns.setdefault(
            cid, CampaignLine(cid, name, active, dict.fromkeys(ENTRY_STATES, 0))
        )
        if state is not None:
            line.entries[state] = count
    return Overview(
        companies=sum(g.companies for g in groups),
        groups=groups,
        campaigns=list(campaigns.values()),
        callbacks_due_today=int(due_today),
    )
