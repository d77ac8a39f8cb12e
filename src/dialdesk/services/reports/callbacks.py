"""Callback discipline: of the callbacks due in the period, how many were done on time
(within the campaign's grace period), done late, missed, cancelled or still to come."""

from sqlalchemy import Connection, text

from dialdesk.errors import translatable
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

ANYONE = translatable("anyone")

DISCIPLINE = f"""
SELECT cb.assigned_to,
       count(*) AS due,
       count(*) FILTER (WHERE cb.state = 'done' AND cb.done_at <= cb.due_at + grace) AS on_time,
       count(*) FILTER (WHERE cb.state = 'done' AND cb.done_at > cb.due_at + grace) AS late,
       count(*) FILTER (WHERE cb.state = 'missed'
                        OR (cb.state = 'pending' AND cb.due_at + grace < now())) AS missed,
       count(*) FILTER (WHERE cb.state = 'cancelled') AS cancelled,
       count(*) FILTER (WHERE cb.state = 'pending' AND cb.due_at + grace >= now()) AS waiting
FROM dialdesk.callbacks cb
LEFT JOIN dialdesk.campaign_entries e ON e.id = cb.entry_id
LEFT JOIN dialdesk.campaigns camp ON camp.id = e.campaign_id
CROSS JOIN LATERAL (SELECT make_interval(mins => coalesce(camp.callback_grace_minutes, 30))
                    AS grace) g
WHERE {in_period("cb.due_at")} AND {in_campaign("e.campaign_id")}
GROUP BY cb.assigned_to
"""


def callbacks_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """One row per person the callbacks were promised for (and one for 'anyone')."""
    names = person_names(conn)
    rows = sorted(
        conn.execute(text(DISCIPLINE), f.params()).all(),
        key=lambda r: (r[0] is None, names.get(r[0], "")),
    )
    cells: list[list[Cell]] = [[*r[1:], share(r[2], r[2] + r[3] + r[4])] for r in rows]
    sums = [sum(r[i] for r in rows) for i in range(1, 7)]
    return Report(
        name="callbacks",
        title=translatable("Callback discipline"),
        row_header=translatable("Promised for"),
        columns=[
            Column(translatable("Due")),
            Column(translatable("Done on time")),
            Column(translatable("Done late")),
            Column(translatable("Missed")),
            Column(translatable("Cancelled")),
            Column(translatable("Still to come")),
            Column(translatable("On time, % of those due by now"), "percent"),
        ],
        rows=[names.get(r[0], "?") if r[0] is not None else ANYONE for r in rows],
        cells=cells,
        totals=[*sums, share(sums[1], sums[1] + sums[2] + sums[3])],
        chart=Chart("stacked", (1, 2, 3)),
        fixed_labels=frozenset({ANYONE}),
    )
