"""The funnel of a campaign — in base, dialled, reached, contact, warm or hot, handed to an
expert, and past the hand-off: accepted, the expert's first contact, offer, won (with the
amount won and the days to the first contact) — and, for former clients, how many were
won back and why they had left."""

from sqlalchemy import Connection, text

from dialdesk.errors import translatable
from dialdesk.services.reports.sales import DAYS_TO_FIRST, WON_AMOUNT, past_handoff
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

# every stage at once, for all companies of the scope and for the former clients among them
FUNNEL = f"""
WITH base AS (
    SELECT e.company_id, bool_or(camp.is_abandoned_clients) AS former
    FROM dialdesk.campaign_entries e JOIN dialdesk.campaigns camp ON camp.id = e.campaign_id
    WHERE {in_campaign("e.campaign_id")}
    GROUP BY e.company_id
), called AS (
    SELECT k.company_id,
           bool_or(o.is_contact OR coalesce(btrim(k.spoke_with), '') <> '') AS reached,
           bool_or(o.is_contact) AS contact,
           bool_or(o.hands_to_expert) AS warm_hot
    FROM dialdesk.calls k JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id
    WHERE {in_campaign("k.campaign_id")} AND {in_period("k.started_at")}
    GROUP BY k.company_id
), experts AS (
    SELECT DISTINCT h.company_id FROM dialdesk.handoffs h WHERE {in_period("h.created_at")}
)
SELECT count(*), count(c.company_id), count(*) FILTER (WHERE c.reached),
       count(*) FILTER (WHERE c.contact), count(*) FILTER (WHERE c.warm_hot),
       count(x.company_id),
       count(*) FILTER (WHERE b.former), count(c.company_id) FILTER (WHERE b.former),
       count(*) FILTER (WHERE b.former AND c.warm_hot)
FROM base b
LEFT JOIN called c ON c.company_id = b.company_id
LEFT JOIN experts x ON x.company_id = b.company_id
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
    row = list(conn.execute(text(FUNNEL), params).one())
    counts, former = row[:6], row[6:]
    cells: list[list[Cell]] = []
    for index, count in enumerate(counts):
        before = counts[index - 1] if index else count
        cells.append([count, share(count, counts[0]), share(count, before)])
    rows = [label for _, label in STAGES]
    after_cells, after_rows, summary = past_handoff(conn, f, counts[0], counts[-1])
    cells += after_cells
    rows += after_rows
    if former[0]:  # former clients: of them, dialled, won back
        summary.append((WON_BACK, [former[2], share(former[2], former[0]),
                                   share(former[2], former[1])]))  # fmt: skip
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
        fixed_labels=frozenset({*rows, WON_BACK, REASON, WON_AMOUNT, DAYS_TO_FIRST}),
    )
