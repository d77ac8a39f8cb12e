"""A report in the reader's language: its own words translated (context "Messages"), the
data (industries, names, answers) left as they are, months written as words."""

import re
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QLocale

from dialdesk.services.reports.table import Column, Report
from dialdesk.ui.common.page import filled

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def month_name(label: str, language: str) -> str:
    """ "2026-11" -> "ноябрь 2026" / "November 2026"; other labels unchanged."""
    found = MONTH.match(label)
    if not found:
        return label
    locale = QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English)
    name = locale.standaloneMonthName(int(found.group(2)), QLocale.FormatType.LongFormat)
    return f"{name} {found.group(1)}"


def _fixed(label: str, report: Report) -> str:
    """Translate one of DialDesk's own row labels, filling a "%1" template back in."""
    if label in report.fixed_labels:
        return _tr(label)
    for template in report.fixed_labels:
        if "%1" in template:
            head, tail = template.split("%1", 1)
            if label.startswith(head) and label.endswith(tail) and len(label) >= len(template) - 2:
                value = label[len(head) : len(label) - len(tail)]
                return filled(_tr(template), value)
    return label


def localised(report: Report, language: str) -> Report:
    return replace(
        report,
        title=_tr(report.title),
        row_header=_tr(report.row_header),
        columns=[
            Column(month_name(_fixed(_tr(c.label), report), language), c.format)
            for c in report.columns
        ],
        rows=[month_name(_fixed(label, report), language) for label in report.rows],
        summary=[(_fixed(_tr(label), report), cells) for label, cells in report.summary],
        total_label=_tr(report.total_label),
        # the chart finds its summary line by label: the label as the table now shows it
        chart=replace(report.chart, from_summary=_fixed(_tr(report.chart.from_summary), report))
        if report.chart is not None and report.chart.from_summary is not None
        else report.chart,
    )
