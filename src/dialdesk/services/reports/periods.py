"""Days and months of the call centre's calendar (Moscow) as reports use them: the days on
which calls were made, and bounds to sort calls into months or days."""

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, text

from dialdesk.services.reports.table import in_campaign, in_period
from dialdesk.vocabulary import CENTRE_ZONE

# the distinct days (Moscow) with calls, by skipping through the index on started_at from
# one day to the next: a few hundred index probes instead of reading every call
CALL_DAYS = f"""
WITH RECURSIVE day(t) AS (
    SELECT min(k.started_at) FROM dialdesk.calls k
    WHERE {in_campaign("k.campaign_id")} AND {in_period("k.started_at")}
  UNION ALL
    SELECT (SELECT min(k.started_at) FROM dialdesk.calls k
            WHERE k.started_at >= ((date_trunc('day', day.t AT TIME ZONE 'Europe/Moscow')
                                    + interval '1 day') AT TIME ZONE 'Europe/Moscow')
              AND {in_campaign("k.campaign_id")} AND {in_period("k.started_at")})
    FROM day WHERE day.t IS NOT NULL
)
SELECT (t AT TIME ZONE 'Europe/Moscow')::date FROM day WHERE t IS NOT NULL
"""


def days_with_calls(conn: Connection, params: dict[str, Any]) -> list[date]:
    """The days (Moscow) with at least one call of the campaign in the period, in order."""
    return list(conn.execute(text(CALL_DAYS), params).scalars())


def month_bounds(days: list[date]) -> tuple[list[str], list[datetime]]:
    """The months the days fall in ("2026-11") and their bounds (each month's first moment
    in Moscow, and the first moment after the last)."""
    months = sorted({(d.year, d.month) for d in days})
    labels = [f"{y:04d}-{m:02d}" for y, m in months]
    bounds = [datetime.combine(date(y, m, 1), time(0), CENTRE_ZONE) for y, m in months]
    if months:
        y, m = months[-1]
        bounds.append(datetime.combine(date(y + m // 12, m % 12 + 1, 1), time(0), CENTRE_ZONE))
    return labels, bounds


def day_bounds(days: list[date]) -> list[datetime]:
    """Each day's first moment in Moscow, and the first moment after the last day: with
    ``width_bucket`` a call falls in bucket n for the n-th day."""
    starts = [datetime.combine(d, time(0), CENTRE_ZONE) for d in days]
    if days:
        starts.append(datetime.combine(days[-1] + timedelta(days=1), time(0), CENTRE_ZONE))
    return starts
