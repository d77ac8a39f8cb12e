"""Contacts (or organisations contacted) by industry and month, with the rate per working
day: the table a customer compares month by month."""

from calendar import monthrange
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import Connection, text

from dialdesk.errors import UserError, translatable
from dialdesk.services.calendar import is_working_day
from dialdesk.services.reports.groups import NOT_GIVEN
from dialdesk.services.reports.periods import days_with_calls, month_bounds
from dialdesk.services.reports.table import (
    Cell,
    Chart,
    Column,
    Report,
    ReportFilter,
    in_campaign,
    in_period,
)

NO_DATE = translatable("no date")
PER_DAY = {
    "contacts": translatable("Contacts per working day"),
    "organisations": translatable("Organisations per working day"),
}
# contacts by raw industry and month (the month a bucket of :bounds, the month starts);
# calls imported without a date fall in no bucket (NULL)
BUCKET = "width_bucket(k.started_at, CAST(:bounds AS timestamptz[]))"
CONTACTS = f"""
SELECT c.industry, {BUCKET} AS month, {{value}} {{grouping}}
FROM dialdesk.calls k
JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id AND o.is_contact
JOIN dialdesk.companies c ON c.id = k.company_id
WHERE {in_campaign("k.campaign_id")}
  AND ({in_period("k.started_at")}
       OR (k.started_at IS NULL AND CAST(:start AS timestamptz) IS NULL))
GROUP BY {{group_by}}
"""


def industry_months_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """Rows: industries; columns: months (and "no date" for history imported without one,
    when the period has no start); cells: contacts, or distinct companies contacted with the
    option ``count`` = "organisations".  Below the totals, the rate per working day: the
    column's total divided by the working days on which calls were made in it (option
    ``days`` = "calendar": by every working day of the Russian calendar in it); for the
    whole period, every contact (the undated ones too) over all its working days."""
    measure = f.options.get("count", "contacts")
    if measure not in PER_DAY:
        raise UserError("Count either contacts or organisations, not '{count}'.", count=measure)
    days_rule = f.options.get("days", "with_calls")
    if days_rule not in ("with_calls", "calendar"):
        raise UserError("Count working days 'with_calls' or by the 'calendar', not '{rule}'.",
                        rule=days_rule)  # fmt: skip
    params = f.params()
    called_days = days_with_calls(conn, params)
    labels, bounds = month_bounds(called_days)
    params["bounds"] = bounds
    cells: dict[tuple[str | None, str | None], int] = defaultdict(int)

    def month_of(bucket: int | None) -> str | None:
        return labels[bucket - 1] if bucket is not None and 0 < bucket <= len(labels) else None

    if measure == "contacts":
        # the planner cannot tell there are few industries and months, and would sort ~1M
        # rows; hashing them is several times faster
        conn.exec_driver_sql("SET LOCAL enable_sort = off")
        sql = CONTACTS.format(value="count(*)", grouping="", group_by="1, 2")
        for industry, bucket, n in conn.execute(text(sql), params):
            industry, month = _clean(industry), month_of(bucket)
            for key in ((industry, month), (industry, "*"), ("*", month), ("*", "*")):
                cells[key] += n
        conn.exec_driver_sql("RESET enable_sort")
    else:
        cells.update(_organisations(conn, params, labels))
    industries = {i for i, m in cells if i != "*"}
    months = {m for i, m in cells if m != "*"}
    dated = [m for m in labels if m in months]
    columns_keys: list[str | None] = [*dated, *([None] if None in months else [])]
    industry_order = sorted(industries, key=lambda i: (i is None, -cells[(i, "*")], i or ""))
    working = _working_days(called_days, f, dated, days_rule)
    totals: list[Cell] = [cells.get(("*", m), 0) for m in columns_keys]
    totals.append(cells.get(("*", "*"), 0))
    all_days = sum(working.values())
    rate: list[Cell] = [
        round(cells.get(("*", m), 0) / working[m], 1) if m is not None and working.get(m) else None
        for m in columns_keys
    ]
    # the whole period counts every contact, undated history too, over its working days:
    # as the customer's own reports did (301 contacts, 4 of them undated, over 31 days: 9.7)
    rate.append(round(cells.get(("*", "*"), 0) / all_days, 1) if all_days else None)
    return Report(
        name="industry-months",
        title=translatable("Contacts by industry and month")
        if measure == "contacts"
        else translatable("Organisations contacted by industry and month"),
        row_header=translatable("Industry"),
        columns=[*(Column(m or NO_DATE) for m in columns_keys), Column(translatable("Total"))],
        rows=[i or NOT_GIVEN for i in industry_order],
        cells=[
            [*(cells.get((i, m), 0) for m in columns_keys), cells.get((i, "*"), 0)]
            for i in industry_order
        ],
        totals=totals,
        summary=[
            (
                translatable("Working days"),
                [*(working.get(m) if m else None for m in columns_keys), all_days],
            ),
            (PER_DAY[measure], rate),
        ],
        chart=Chart("bar", tuple(range(len(dated))), from_summary=PER_DAY[measure]),
        fixed_labels=frozenset({NO_DATE, NOT_GIVEN}),
    )


def _clean(industry: str | None) -> str | None:
    return (industry or "").strip() or None


# Organisations: each company's contacted months as bits of one number (bit 0: calls without
# a date), so a company is counted once per month, once in its industry's total and once
# overall, from a single pass over the calls.
PER_COMPANY = f"""
WITH per_company AS (
    SELECT k.company_id, bit_or(1::bigint << coalesce({BUCKET}, 0)) AS months
    FROM dialdesk.calls k
    JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id AND o.is_contact
    WHERE {in_campaign("k.campaign_id")}
      AND ({in_period("k.started_at")}
           OR (k.started_at IS NULL AND CAST(:start AS timestamptz) IS NULL))
    GROUP BY k.company_id
)
SELECT c.industry, GROUPING(c.industry), count(*), {{bits}}
FROM per_company p JOIN dialdesk.companies c ON c.id = p.company_id
GROUP BY ROLLUP (c.industry)
"""
MAX_MONTHS = 62  # bits of a bigint left for months


def _organisations(
    conn: Connection, params: dict[str, object], labels: list[str]
) -> dict[tuple[str | None, str | None], int]:
    """Distinct companies contacted by (industry, month); month "*" is the row's total
    (each company once), industry "*" the column's."""
    if len(labels) > MAX_MONTHS:
        raise UserError(
            "Organisations can be counted over at most {n} months; choose a shorter period.",
            n=MAX_MONTHS,
        )
    bits = ", ".join(
        f"count(*) FILTER (WHERE p.months & {1 << bit} <> 0)" for bit in range(len(labels) + 1)
    )
    months: list[str | None] = [None, *labels]  # bit 0: no date
    cells: dict[tuple[str | None, str | None], int] = defaultdict(int)
    for industry, is_total, total, *per_month in conn.execute(
        text(PER_COMPANY.format(bits=bits)), params
    ):
        row = "*" if is_total else _clean(industry)
        cells[(row, "*")] += total
        for month, n in zip(months, per_month, strict=True):
            if n:
                cells[(row, month)] += n
    return cells


def _working_days(
    called_days: list[date], f: ReportFilter, months: list[str], rule: str
) -> dict[str | None, int]:
    """Working days per month: those on which calls (any outcome) were made, or with
    ``rule`` "calendar" every working day of the month inside the period."""
    counted: dict[str | None, int] = {}
    if rule == "calendar":
        for month in months:
            year, number = (int(part) for part in month.split("-"))
            first = max(date(year, number, 1), f.date_from or date.min)
            last = min(date(year, number, monthrange(year, number)[1]), f.date_to or date.max)
            days = (first + timedelta(days=i) for i in range((last - first).days + 1))
            counted[month] = sum(1 for day in days if is_working_day(day))
        return counted
    for day in called_days:
        if is_working_day(day):
            key = f"{day.year:04d}-{day.month:02d}"
            counted[key] = counted.get(key, 0) + 1
    return counted
