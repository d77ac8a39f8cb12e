"""The funnel of a campaign — in base, dialled, reached, contact, warm or hot, handed to an
expert — and, for former clients, how many were won back and why they had left."""

from sqlalchemy import Connection, text

from dialdesk.services.errors import translatable
from dialdesk.services.reports.table import (
    Cell,
    Chart,
    Column,
    Report,
    ReportFilter,
    in_campaign,
    in_period,
    share,
)

STAGES = (
    ("in_base", translatable("In the base")),
    ("dialled", translatable("Dialled")),
    ("reached", translatable("Reached someone")),
    ("contact", translatable("Contact")),
    ("warm_hot", translatable("Warm or hot")),
    ("expert", translatable("Handed to an expert")),
)
WON_BACK = translatable("Former clients won back (warm or hot)")
REASON = translatable("Reason for leaving: %1")

FUNNEL = f"""
WITH base AS (
    SELECT DISTINCT e.company_id FROM dialdesk.campaign_entries e
    JOIN dialdesk.campaigns camp ON camp.id = e.campaign_id
    WHERE {in_campaign("e.campaign_id")} AND (NOT :abandoned OR camp.is_abandoned_clients)
), called AS (
    SELECT k.company_id,
           bool_or(o.is_contact OR coalesce(btrim(k.spoke_with), '') <> '') AS reached,
           bool_or(o.is_contact) AS contact,
           bool_or(o.hands_to_expert) AS warm_hot
    FROM dialdesk.calls k JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id
    JOIN base b ON b.company_id = k.company_id
    WHERE {in_campaign("k.campaign_id")} AND {in_period("k.started_at")}
    GROUP BY k.company_id
)
SELECT (SELECT count(*) FROM base),
       (SELECT count(*) FROM called),
       (SELECT count(*) FROM called WHERE reached),
       (SELECT count(*) FROM called WHERE contact),
       (SELECT count(*) FROM called WHERE warm_hot),
       (SELECT count(DISTINCT h.company_id) FROM dialdesk.handoffs h
        JOIN base b ON b.company_id = h.company_id WHERE {in_period("h.created_at")})
"""

# the latest answer of each former client to the first choice question of its campaign
REASONS = f"""
SELECT a.value, count(*) FROM (
    SELECT DISTINCT ON (k.company_id) k.company_id, a.value
    FROM dialdesk.answers a
    JOIN dialdesk.calls k ON k.id = a.call_id
    JOIN dialdesk.campaigns camp ON camp.id = k.campaign_id AND camp.is_abandoned_clients
    WHERE {in_campaign("k.campaign_id")} AND {in_period("k.started_at")}
      AND coalesce(a.value, '') <> ''
      AND a.question_id = (SELECT q.id FROM dialdesk.questions q
                           WHERE q.campaign_id = camp.id AND q.kind = 'choice'
                           ORDER BY q.retired, q.position LIMIT 1)
    ORDER BY k.company_id, k.started_at DESC NULLS LAST, k.id DESC
) a GROUP BY a.value ORDER BY 2 DESC, 1
"""


def funnel_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """Companies at each stage, as a share of the base and of the stage before; the former
    clients' lines follow when the campaign (or any campaign, without a filter) is one of
    former clients."""
    params = f.params()
    counts = list(conn.execute(text(FUNNEL), {**params, "abandoned": False}).one())
    cells: list[list[Cell]] = []
    for index, count in enumerate(counts):
        before = counts[index - 1] if index else count
        cells.append([count, share(count, counts[0]), share(count, before)])
    rows = [label for _, label in STAGES]
    summary: list[tuple[str, list[Cell]]] = []
    former = list(conn.execute(text(FUNNEL), {**params, "abandoned": True}).one())
    if former[0]:
        summary.append((WON_BACK, [former[4], share(former[4], former[0]),
                                   share(former[4], former[1])]))  # fmt: skip
        for reason, n in conn.execute(text(REASONS), params):
            summary.append((REASON.replace("%1", reason), [n, share(n, former[0]), None]))
    return Report(
        name="funnel",
        title=translatable("Funnel"),
        row_header=translatable("Stage"),
        columns=[
            Column(translatable("Companies")),
            Column(translatable("Of the base, %"), "percent"),
            Column(translatable("Of the stage before, %"), "percent"),
        ],
        rows=rows,
        cells=cells,
        summary=summary,
        chart=Chart("bar", (0,)),
        fixed_labels=frozenset({*rows, WON_BACK, REASON}),
    )
