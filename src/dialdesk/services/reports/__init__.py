"""Reports: SQL aggregates over calls and companies, each returning a ``Report`` table.

``run_report(engine, "groups", ReportFilter(...))`` reads in one snapshot, read-only."""

import logging
import time
from collections.abc import Callable

from sqlalchemy import Connection, Engine

from dialdesk.db.engine import read_snapshot
from dialdesk.errors import UserError, plain_database_errors, translatable
from dialdesk.services.reports.answers import answers_report
from dialdesk.services.reports.callbacks import callbacks_report
from dialdesk.services.reports.company import company_report
from dialdesk.services.reports.funnel import funnel_report
from dialdesk.services.reports.groups import base_report, groups_report, movement_report
from dialdesk.services.reports.industry_months import industry_months_report
from dialdesk.services.reports.offers import offers_report
from dialdesk.services.reports.operators import operators_report
from dialdesk.services.reports.sales import experts_report, payback_report, retention_report
from dialdesk.services.reports.table import Report, ReportFilter

log = logging.getLogger(__name__)

Builder = Callable[[Connection, ReportFilter, str], Report]

# name -> (title for the list of reports, builder); the command line uses the names
REPORTS: dict[str, tuple[str, Builder]] = {
    "groups": (translatable("Companies by group"), groups_report),
    "industry-months": (translatable("Contacts by industry and month"), industry_months_report),
    "movement": (translatable("Movement between groups"), movement_report),
    "answers": (translatable("Answers by segment"), answers_report),
    "base": (translatable("Structure of the base"), base_report),
    "operators": (translatable("Operators"), operators_report),
    "funnel": (translatable("Funnel"), funnel_report),
    "callbacks": (translatable("Callback discipline"), callbacks_report),
    "offers": (translatable("Offers by e-mail"), offers_report),
    "experts": (translatable("Experts"), experts_report),
    "payback": (translatable("Campaign payback"), payback_report),
    "retention": (translatable("Retention"), retention_report),
    "company": (translatable("Company history"), company_report),  # last: one company
}


def run_report(
    engine: Engine, name: str, report_filter: ReportFilter, language: str = "en"
) -> Report:
    if name not in REPORTS:
        raise UserError(
            "There is no report '{name}'; the reports are: {names}.",
            name=name,
            names=", ".join(REPORTS),
        )
    builder = REPORTS[name][1]
    started = time.perf_counter()
    with plain_database_errors(), read_snapshot(engine) as conn:
        report = builder(conn, report_filter, language)
    log.info("report %s (%s) ran in %.2f s: %d rows", name, report_filter,
             time.perf_counter() - started, len(report.rows))  # fmt: skip
    return report


__all__ = ["REPORTS", "Report", "ReportFilter", "run_report"]
