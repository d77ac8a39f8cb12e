"""What the offers by e-mail did: for each campaign and segment (and the letters sent from
the card), how many went, how many follow-up calls were made, and how many companies were
reached, and turned warm or hot, after their letter."""

from sqlalchemy import Connection, text

from dialdesk.errors import translatable
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

FROM_CARD = translatable("%1 — from the card")
TO_A_LIST = translatable("%1 — mailing to a list")

# one line per company written to in a campaign from one source (the card, or a mailing's
# segment); what happened after its first letter of that source
EFFECT = f"""
WITH written AS (
    SELECT l.campaign_id, l.mailing_id IS NULL AS by_card, m.segment_id, l.company_id,
           min(l.sent_at) AS first_sent, count(*) AS letters,
           count(l.follow_up_id) AS follow_ups,
           count(*) FILTER (WHERE cb.state = 'done') AS followed_up
    FROM dialdesk.letters l
    LEFT JOIN dialdesk.mailings m ON m.id = l.mailing_id
    LEFT JOIN dialdesk.callbacks cb ON cb.id = l.follow_up_id
    WHERE l.state IN ('sent', 'handed') AND {in_period("l.sent_at")}
      AND {in_campaign("l.campaign_id")}
    GROUP BY 1, 2, 3, 4
), after AS (  -- the company's calls after its first letter, read once
    SELECT w.*, coalesce(k.called, false) AS called, coalesce(k.reached, false) AS reached,
           coalesce(k.warm_hot, false) AS warm_hot
    FROM written w
    LEFT JOIN LATERAL (
        SELECT true AS called, bool_or(o.is_contact) AS reached,
               bool_or(o.hands_to_expert) AS warm_hot
        FROM dialdesk.calls k JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id
        WHERE k.company_id = w.company_id AND k.started_at > w.first_sent
        HAVING count(*) > 0
    ) k ON true
)
SELECT camp.name, a.by_card, s.name AS segment,
       sum(a.letters), count(*), sum(a.follow_ups), sum(a.followed_up),
       count(*) FILTER (WHERE a.called), count(*) FILTER (WHERE a.reached),
       count(*) FILTER (WHERE a.warm_hot)
FROM after a
JOIN dialdesk.campaigns camp ON camp.id = a.campaign_id
LEFT JOIN dialdesk.segments s ON s.id = a.segment_id
GROUP BY camp.name, a.by_card, s.name
ORDER BY camp.name, a.by_card, s.name NULLS LAST
"""


def _label(campaign: str, by_card: bool, segment: str | None) -> str:
    if by_card:
        return FROM_CARD.replace("%1", campaign)
    if segment is None:
        return TO_A_LIST.replace("%1", campaign)
    return f"{campaign} — {segment}"


def offers_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """Letters sent in the period, with what followed them up to now."""
    rows = conn.execute(text(EFFECT), f.params()).all()

    def line(counts: list[int]) -> list[Cell]:
        _letters, companies, _due, _done, called, reached, warm_hot = counts
        return [*counts, share(reached, companies), share(warm_hot, companies),
                share(reached, called)]  # fmt: skip

    counted = [[int(v) for v in r[3:]] for r in rows]
    sums = [sum(c[i] for c in counted) for i in range(7)]
    return Report(
        name="offers",
        title=translatable("Offers by e-mail"),
        row_header=translatable("Campaign — segment"),
        columns=[
            Column(translatable("Letters sent")),
            Column(translatable("Companies written to")),
            Column(translatable("Follow-up calls planned")),
            Column(translatable("Follow-up calls made")),
            Column(translatable("Called after the letter")),
            Column(translatable("Contact after the letter")),
            Column(translatable("Warm or hot after the letter")),
            Column(translatable("Reached, % of those written to"), "percent"),
            Column(translatable("Warm or hot, % of those written to"), "percent"),
            Column(translatable("Reached, % of those called"), "percent"),
        ],
        rows=[_label(r[0], r[1], r[2]) for r in rows],
        cells=[line(c) for c in counted],
        totals=line(sums),
        chart=Chart("bar", (1, 5, 6)),
        fixed_labels=frozenset({FROM_CARD, TO_A_LIST}),
    )
