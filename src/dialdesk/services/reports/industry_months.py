"""Contacts (or organisations contacted) by industry and month, with the rate per working
day: the table a customer compares month by month."""

from calendar import monthrange
from datetime import date, timedelta

from sqlalchemy import Connection, text

from dialdesk.services.calendar import is_working_day
from dialdesk.services.errors import UserError, translatable
from dialdesk.services.reports.groups import NOT_GIVEN
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
MONTH = "to_char(k.started_at AT TIME ZONE 'Europe/Moscow', 'YYYY-MM')"


def industry_months_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """Rows: industries; columns: months (and "no date" for history imported without one,
    when the period has no start); cells: contacts, or distinct companies contacted with the
    option ``count`` = "organisations".  Below the totals, the rate per working day: the
    column's total divided by the working days on which calls were made in it (option
    ``days`` = "calendar": by every working day of the Russian calendar in it)."""
    measure = f.options.get("count", "contacts")
    if measure not in PER_DAY:
        raise UserError("Count either contacts or organisations, not '{count}'.", count=measure)
    days_rule = f.options.get("days", "with_calls")
    params = f.params()
    undated = "OR (k.started_at IS NULL AND CAST(:start AS timestamptz) IS NULL)"
    value = "count(*)" if measure == "contacts" else "count(DISTINCT k.company_id)"
    # every cell, row total, column total and grand total in one pass: a company contacted
    # in two months is one organisation in the row's total, not two
    rows = conn.execute(
        text(
            f"SELECT industry, month, {value}, GROUPING(industry), GROUPING(month) FROM ("
            f"  SELECT nullif(btrim(c.industry), '') AS industry, {MONTH} AS month, k.company_id "
            "  FROM dialdesk.calls k "
            "  JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id AND o.is_contact "
            "  JOIN dialdesk.companies c ON c.id = k.company_id "
            f"  WHERE {in_campaign('k.campaign_id')} AND ({in_period('k.started_at')} {undated})"
            ") k GROUP BY GROUPING SETS ((industry, month), (industry), (month), ())"
        ),
        params,
    ).all()
    cells: dict[tuple[str | None, str | None], int] = {}
    industries: set[str | None] = set()
    months: set[str | None] = set()
    for industry, month, count, no_industry, no_month in rows:
        key_industry = "*" if no_industry else industry
        key_month = "*" if no_month else month
        cells[(key_industry, key_month)] = count
        if not no_industry:
            industries.add(industry)
        if not no_month:
            months.add(month)
    dated = sorted(m for m in months if m is not None)
    columns_keys: list[str | None] = [*dated, *([None] if None in months else [])]
    industry_order = sorted(industries, key=lambda i: (i is None, -cells.get((i, "*"), 0), i or ""))
    working = _working_days(conn, f, dated, days_rule)
    totals: list[Cell] = [cells.get(("*", m), 0) for m in columns_keys]
    totals.append(cells.get(("*", "*"), 0))
    dated_total = sum(cells.get(("*", m), 0) for m in dated)
    if measure == "organisations":  # distinct over the dated months, not their sum
        dated_total = _distinct_dated(conn, f) if None in months else cells.get(("*", "*"), 0)
    all_days = sum(working.values())
    rate: list[Cell] = [
        round(cells.get(("*", m), 0) / working[m], 1) if m is not None and working.get(m) else None
        for m in columns_keys
    ]
    rate.append(round(dated_total / all_days, 1) if all_days else None)
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


def _distinct_dated(conn: Connection, f: ReportFilter) -> int:
    return int(
        conn.execute(
            text(
                "SELECT count(DISTINCT k.company_id) FROM dialdesk.calls k "
                "JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id AND o.is_contact "
                f"WHERE {in_campaign('k.campaign_id')} AND {in_period('k.started_at')} "
                "AND k.started_at IS NOT NULL"
            ),
            f.params(),
        ).scalar_one()
    )


def _working_days(
    conn: Connection, f: ReportFilter, months: list[str], rule: str
) -> dict[str | None, int]:
    """Working days per month: those on which calls (any outcome) were made, or with
    ``rule`` "calendar" every working day of the month inside the period."""
    if rule == "calendar":
        result: dict[str | None, int] = {}
        for month in months:
            year, number = (int(part) for part in month.split("-"))
            first = max(date(year, number, 1), f.date_from or date.min)
            last = min(date(year, number, monthrange(year, number)[1]), f.date_to or date.max)
            days = (first + timedelta(days=i) for i in range((last - first).days + 1))
            result[month] = sum(1 for day in days if is_working_day(day))
        return result
    if rule != "with_calls":
        raise UserError("Count working days 'with_calls' or by the 'calendar', not '{rule}'.",
                        rule=rule)  # fmt: skip
    called_days = conn.execute(
        text(
            "SELECT DISTINCT (k.started_at AT TIME ZONE 'Europe/Moscow')::date FROM "
            f"dialdesk.calls k WHERE {in_campaign('k.campaign_id')} AND "
            f"{in_period('k.started_at')} AND k.started_at IS NOT NULL"
        ),
        f.params(),
    ).scalars()
    counted: dict[str | None, int] = {}
    for day in called_days:
        if is_working_day(day):
            key = f"{day.year:04d}-{day.month:02d}"
            counted[key] = counted.get(key, 0) + 1
    return counted
