"""``dialdesk report NAME [--campaign C] [--from D] [--to D] [--json | --xlsx FILE]``: any
report without a screen, as a plain table, one JSON object or an XLSX workbook."""

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from dialdesk.cli.output import admin_engine, print_json
from dialdesk.db.target import require_current_schema
from dialdesk.errors import UserError
from dialdesk.services.reports import REPORTS, ReportFilter, run_report
from dialdesk.services.reports.table import Report
from dialdesk.services.reports.xlsx import write_report_xlsx


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser(
        "report", parents=[common], help="print or export a report (" + ", ".join(REPORTS) + ")"
    )
    report.add_argument("name", choices=list(REPORTS), metavar="NAME", help=", ".join(REPORTS))
    report.add_argument("--campaign", help="campaign name (default: all campaigns)")
    report.add_argument("--from", dest="date_from", type=_day, help="first day, YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", type=_day, help="last day, YYYY-MM-DD")
    report.add_argument(
        "--by",
        choices=["industry", "region", "source", "staff_band"],
        help="company attribute (base, answers)",
    )
    report.add_argument("--question", type=int, help="question number (answers)")
    report.add_argument(
        "--count", choices=["contacts", "organisations"], help="what to count (industry-months)"
    )
    report.add_argument(
        "--days",
        choices=["with_calls", "calendar"],
        help="working days to divide by (industry-months)",
    )
    report.add_argument("--per-day", action="store_true", help="one row per day (operators)")
    report.add_argument("--company", help="name, INN or phone number (company)")
    report.add_argument("--language", choices=["en", "ru"], default="en", help="outcome labels")
    out = report.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON object")
    out.add_argument("--xlsx", type=Path, metavar="FILE", help="write an XLSX workbook")
    report.set_defaults(handler=run_report_command)


def _day(value: str) -> date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2026-11-23")


def _campaign_id(engine: Engine, name: str | None) -> int | None:
    if name is None:
        return None
    with engine.connect() as conn:
        found = conn.execute(
            text("SELECT id FROM dialdesk.campaigns WHERE lower(name) = lower(:n)"), {"n": name}
        ).scalar()
    if found is None:
        raise UserError("There is no campaign named '{name}'.", name=name)
    return int(found)


def run_report_command(args: argparse.Namespace) -> int:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UserError("The period must start before it ends.")
    options = {
        key: value
        for key, value in (
            ("by", args.by),
            ("question", args.question),
            ("count", args.count),
            ("days", args.days),
            ("per_day", args.per_day or None),
            ("company", args.company),
        )
        if value is not None
    }
    with admin_engine(args.dsn) as (_, engine):
        require_current_schema(engine)
        report_filter = ReportFilter(
            _campaign_id(engine, args.campaign), args.date_from, args.date_to, options
        )
        report = run_report(engine, args.name, report_filter, args.language)
    if args.json:
        print_json(report.as_json())
    elif args.xlsx:
        write_report_xlsx(report, args.xlsx)
        print(f"{report.title}: {len(report.rows)} rows written to {args.xlsx}")
    else:
        print(plain_table(report))
    return 0


def plain_table(report: Report) -> str:
    """The report as aligned text columns, for a terminal."""
    lines = [[report.row_header, *(c.label for c in report.columns)]]
    lines += [
        [label, *map(_text, cells)] for label, cells in zip(report.rows, report.cells, strict=True)
    ]
    if report.totals is not None:
        lines.append([report.total_label, *map(_text, report.totals)])
    lines += [[label, *map(_text, cells)] for label, cells in report.summary]
    widths = [max(len(line[i]) for line in lines if i < len(line)) for i in range(len(lines[0]))]
    body = []
    for line in lines:
        padded = [line[0].ljust(widths[0])]
        padded += [
            cell.ljust(width) if column.format == "text" else cell.rjust(width)
            for cell, width, column in zip(line[1:], widths[1:], report.columns, strict=False)
        ]
        body.append("  ".join(padded))
    return "\n".join([report.title, *body])


def _text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
