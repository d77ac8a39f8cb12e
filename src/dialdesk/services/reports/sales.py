"""After the hand-off: the funnel's stages past it, the experts' work, which lists pay
back, and how many clients buy again.

A company's hand-off counts from the first one made in the period; its deal is the one
the expert opened on accepting it, and that deal passed the offer once a step of it was an
offer, an invoice or the win.  Amounts are in roubles, whole."""

from decimal import Decimal

from sqlalchemy import Connection, text

from dialdesk.errors import UserError, translatable
from dialdesk.services.reports.groups import person_names
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

AFTER_HANDOFF = (
    translatable("Accepted by the expert"),
    translatable("First contact by the expert"),
    translatable("Offer sent"),
    translatable("Deal won"),
)
WON_AMOUNT = translatable("Won, amount")
DAYS_TO_FIRST = translatable("Days from hand-off to the expert's first contact (average)")

# the companies of the scope handed on in the period, each once, and how far they went
PAST_HANDOFF = f"""
WITH handed AS (
    SELECT h.company_id, min(h.created_at) AS handed_at,
           bool_or(h.accepted_at IS NOT NULL) AS accepted
    FROM dialdesk.handoffs h
    WHERE {in_period("h.created_at")}
      AND EXISTS (SELECT 1 FROM dialdesk.campaign_entries e WHERE e.company_id = h.company_id
                  AND {in_campaign("e.campaign_id")})
    GROUP BY h.company_id
), deals AS (  -- the deals opened on those hand-offs, and how far each went
    SELECT h.company_id,
           bool_or(EXISTS (SELECT 1 FROM dialdesk.expert_steps s WHERE s.deal_id = d.id
                           AND s.kind IN ('offer', 'invoice', 'won'))) AS offered,
           sum(d.amount) FILTER (WHERE d.stage = 'won') AS won
    FROM dialdesk.deals d JOIN dialdesk.handoffs h ON h.id = d.handoff_id
    WHERE {in_period("h.created_at")}
    GROUP BY h.company_id
), went AS (
    SELECT x.company_id, x.handed_at, x.accepted, f.first_at,
           coalesce(d.offered, false) AS offered, d.won
    FROM handed x
    LEFT JOIN LATERAL (SELECT min(s.made_at) AS first_at FROM dialdesk.expert_steps s
                       WHERE s.company_id = x.company_id AND s.made_at >= x.handed_at) f ON true
    LEFT JOIN deals d ON d.company_id = x.company_id
)
SELECT count(*) FILTER (WHERE accepted), count(first_at), count(*) FILTER (WHERE offered),
       count(won), coalesce(sum(won), 0),
       avg(extract(epoch FROM first_at - handed_at) / 86400.0)
FROM went
"""


def past_handoff(conn: Connection, f: ReportFilter, in_base: int, handed: int) -> tuple[
    list[list[Cell]], list[str], list[tuple[str, list[Cell]]]
]:  # fmt: skip
    """The funnel's lines after "handed to an expert" (``handed`` of ``in_base``), and its
    summary: the amount won and the days to the first contact."""
    row = conn.execute(text(PAST_HANDOFF), f.params()).one()
    counts, amount, days = list(row[:4]), row[4], row[5]
    cells: list[list[Cell]] = []
    before = handed
    for count in counts:
        cells.append([count, share(count, in_base), share(count, before)])
        before = count
    summary: list[tuple[str, list[Cell]]] = [(WON_AMOUNT, [_roubles(amount), None, None])]
    if days is not None:
        summary.append((DAYS_TO_FIRST, [round(float(days), 1), None, None]))
    return cells, list(AFTER_HANDOFF), summary


def _roubles(amount: Decimal | int | None) -> int:
    return round(amount or 0)


EXPERTS = f"""
WITH people AS (
    SELECT id FROM dialdesk.people WHERE is_expert
), handed AS (
    SELECT h.expert_id, count(*) AS handed,
           count(*) FILTER (WHERE h.accepted_at IS NOT NULL) AS accepted,
           count(*) FILTER (WHERE h.state = 'returned') AS returned
    FROM dialdesk.handoffs h LEFT JOIN dialdesk.calls k ON k.id = h.call_id
    WHERE {in_period("h.created_at")} AND {in_campaign("k.campaign_id")}
    GROUP BY h.expert_id
), planned AS (
    SELECT cb.assigned_to AS expert_id, count(*) AS planned,
           count(*) FILTER (WHERE cb.state = 'done') AS done,
           count(*) FILTER (WHERE cb.state = 'pending' AND cb.due_at < now()) AS overdue
    FROM dialdesk.callbacks cb
    WHERE cb.entry_id IS NULL AND {in_period("cb.due_at")}
    GROUP BY cb.assigned_to
), made AS (
    SELECT s.expert_id, count(*) AS made,
           count(*) FILTER (WHERE s.kind = 'meeting') AS meetings,
           count(*) FILTER (WHERE s.kind = 'offer') AS offers,
           count(*) FILTER (WHERE s.kind = 'won') AS won,
           count(*) FILTER (WHERE s.kind = 'lost') AS lost,
           coalesce(sum(s.amount) FILTER (WHERE s.kind = 'won'), 0) AS amount
    FROM dialdesk.expert_steps s LEFT JOIN dialdesk.deals d ON d.id = s.deal_id
    WHERE {in_period("s.made_at")} AND {in_campaign("d.campaign_id")}
    GROUP BY s.expert_id
)
SELECT p.id, coalesce(h.handed, 0), coalesce(h.accepted, 0), coalesce(h.returned, 0),
       coalesce(l.planned, 0), coalesce(l.done, 0), coalesce(l.overdue, 0),
       coalesce(m.made, 0), coalesce(m.meetings, 0), coalesce(m.offers, 0),
       coalesce(m.won, 0), coalesce(m.lost, 0), coalesce(m.amount, 0)
FROM (SELECT id FROM people UNION SELECT expert_id FROM handed
      UNION SELECT expert_id FROM made) p
LEFT JOIN handed h ON h.expert_id = p.id
LEFT JOIN planned l ON l.expert_id = p.id
LEFT JOIN made m ON m.expert_id = p.id
"""


def experts_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """One row per expert: hand-offs taken and returned, contacts planned and made, and
    what they came to.  (With a campaign chosen, steps count when their deal came from
    it, and the plans of every campaign count.)"""
    names = person_names(conn)
    rows = sorted(conn.execute(text(EXPERTS), f.params()).all(),
                  key=lambda r: names.get(r[0], ""))  # fmt: skip
    cells: list[list[Cell]] = [[*r[1:12], _roubles(r[12])] for r in rows]
    totals: list[Cell] = [sum(int(r[i]) for r in rows) for i in range(1, 12)]
    totals.append(sum(_roubles(r[12]) for r in rows))
    return Report(
        name="experts",
        title=translatable("Experts"),
        row_header=translatable("Expert"),
        columns=[
            Column(translatable("Handed")),
            Column(translatable("Accepted")),
            Column(translatable("Returned")),
            Column(translatable("Contacts planned")),
            Column(translatable("Planned and done")),
            Column(translatable("Overdue now")),
            Column(translatable("Contacts made")),
            Column(translatable("Meetings")),
            Column(translatable("Offers")),
            Column(translatable("Deals won")),
            Column(translatable("Deals lost")),
            Column(translatable("Won, amount")),
        ],
        rows=[names.get(r[0], str(r[0])) for r in rows],
        cells=cells,
        totals=totals,
        chart=Chart("bar", (6, 9)),
    )


PAYBACK_BY = {
    "campaign": "camp.name",
    "source": "c.source",
    "segment": "c.segment",
}
NO_VALUE = translatable("(none)")

PAYBACK = """
SELECT {key} AS key, count(DISTINCT h.company_id) AS handed,
       count(DISTINCT d.id) FILTER (WHERE d.stage = 'won') AS won,
       count(DISTINCT d.id) FILTER (WHERE d.stage = 'lost') AS lost,
       coalesce(sum(d.amount) FILTER (WHERE d.stage = 'won'), 0) AS amount
FROM dialdesk.handoffs h
JOIN dialdesk.companies c ON c.id = h.company_id
LEFT JOIN dialdesk.calls k ON k.id = h.call_id
LEFT JOIN dialdesk.campaigns camp ON camp.id = k.campaign_id
LEFT JOIN dialdesk.deals d ON d.handoff_id = h.id
WHERE {period} AND {campaign}
GROUP BY 1
ORDER BY 5 DESC, 1
"""


def payback_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """What the hand-offs of the period came to, by the campaign they came from (or the
    list's source, or the segment): companies handed, deals won and lost, the amount won,
    and the share of the handed that were won."""
    by = str(f.options.get("by") or "campaign")
    if by not in PAYBACK_BY:
        raise UserError(
            "The payback is shown by {choices}, not by '{by}'.",
            choices=", ".join(PAYBACK_BY), by=by,
        )  # fmt: skip
    query = PAYBACK.format(key=PAYBACK_BY[by], period=in_period("h.created_at"),
                           campaign=in_campaign("k.campaign_id"))  # fmt: skip
    rows = conn.execute(text(query), f.params()).all()
    cells: list[list[Cell]] = [[r[1], r[2], r[3], _roubles(r[4]), share(r[2], r[1])] for r in rows]
    handed, won = sum(r[1] for r in rows), sum(r[2] for r in rows)
    totals: list[Cell] = [handed, won, sum(r[3] for r in rows),
                          sum(_roubles(r[4]) for r in rows), share(won, handed)]  # fmt: skip
    labels = [str(r[0]) if r[0] not in (None, "") else NO_VALUE for r in rows]
    return Report(
        name="payback",
        title=translatable("Campaign payback"),
        row_header={
            "campaign": translatable("Campaign"),
            "source": translatable("Source"),
            "segment": translatable("Segment"),
        }[by],
        columns=[
            Column(translatable("Companies handed")),
            Column(translatable("Deals won")),
            Column(translatable("Deals lost")),
            Column(translatable("Won, amount")),
            Column(translatable("Won, % of handed"), "percent"),
        ],
        rows=labels,
        cells=cells,
        totals=totals,
        chart=Chart("bar", (3,)),
        fixed_labels=frozenset({NO_VALUE}),
    )


HEALTHY_RETENTION = 67.0  # the method's mark: two thirds of first-time clients buy again
RETENTION = f"""
WITH won AS (
    SELECT d.company_id, d.closed_at, d.amount, d.campaign_id,
           row_number() OVER (PARTITION BY d.company_id ORDER BY d.closed_at, d.id) AS n
    FROM dialdesk.deals d WHERE d.stage = 'won'
), firsts AS (
    SELECT w.company_id, w.closed_at
    FROM won w
    WHERE w.n = 1 AND {in_period("w.closed_at")} AND {in_campaign("w.campaign_id")}
)
SELECT to_char(f.closed_at AT TIME ZONE 'Europe/Moscow', 'YYYY-MM') AS month,
       count(*) AS clients,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM won w WHERE w.company_id = f.company_id
                                      AND w.n = 2)) AS again
FROM firsts f GROUP BY 1 ORDER BY 1
"""
WON_BACK = f"""
SELECT count(DISTINCT d.company_id), coalesce(sum(d.amount), 0)
FROM dialdesk.deals d JOIN dialdesk.campaigns camp ON camp.id = d.campaign_id
WHERE d.stage = 'won' AND camp.is_abandoned_clients
  AND {in_period("d.closed_at")} AND {in_campaign("d.campaign_id")}
"""
WON_BACK_LABEL = translatable("Clients won back by reactivation")
WON_BACK_AMOUNT = translatable("Won back, amount")
HEALTHY = translatable("A healthy base: 67 % or more buy a second time.")


def retention_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """Of the clients whose first deal was won in the period (by its month), how many have
    won a second; and the former clients won back by a reactivation campaign."""
    params = f.params()
    rows = conn.execute(text(RETENTION), params).all()
    cells: list[list[Cell]] = [[r[1], r[2], share(r[2], r[1])] for r in rows]
    clients, again = sum(r[1] for r in rows), sum(r[2] for r in rows)
    back, back_amount = conn.execute(text(WON_BACK), params).one()
    return Report(
        name="retention",
        title=translatable("Retention"),
        row_header=translatable("Month of the first deal"),
        columns=[
            Column(translatable("Clients with a first deal")),
            Column(translatable("With a second")),
            Column(translatable("Bought again, %"), "percent"),
        ],
        rows=[r[0] for r in rows],
        cells=cells,
        totals=[clients, again, share(again, clients)],
        summary=[
            (WON_BACK_LABEL, [back, None, None]),
            (WON_BACK_AMOUNT, [_roubles(back_amount), None, None]),
        ],
        chart=Chart("bar", (2,)),
        fixed_labels=frozenset({WON_BACK_LABEL, WON_BACK_AMOUNT}),
        notes=[HEALTHY],
    )
