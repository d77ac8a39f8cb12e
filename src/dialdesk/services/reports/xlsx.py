"""A report as an XLSX workbook: frozen header, widths that fit, numbers as numbers, dates
as dates, and text that begins with =, +, - or @ kept as text (never run as a formula)."""

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell as SheetCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dialdesk.services.reports.table import Cell, Report

NUMBER_FORMATS = {"int": "0", "minutes": "0", "float1": "0.0", "percent": "0.0"}
FORMULA_STARTS = ("=", "+", "-", "@")
BOLD = Font(bold=True)
# characters a sheet name may not hold
SHEET_NAME_BAN = str.maketrans({c: " " for c in "[]:*?/\\"})


def put(sheet: Worksheet, row: int, column: int, value: Cell, number_format: str | None) -> None:
    cell: SheetCell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        shown = ILLEGAL_CHARACTERS_RE.sub("", value)  # a BEL in a comment: Excel refuses it
        cell.value = shown
        cell.data_type = "s"  # a string, even when it looks like a formula
        if shown.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        return
    if isinstance(value, datetime):
        cell.value = value.replace(tzinfo=None)
        cell.number_format = "DD.MM.YYYY HH:MM"
        return
    if isinstance(value, date):
        cell.value = value
        cell.number_format = "DD.MM.YYYY"
        return
    cell.value = value
    if number_format and value is not None:
        cell.number_format = number_format


def write_report_xlsx(report: Report, path: Path) -> Path:
    """Write ``report`` (already in the reader's language) to ``path``."""
    book = Workbook()
    sheet: Worksheet = book.active
    sheet.title = (report.title.translate(SHEET_NAME_BAN).strip() or "Report")[:31]
    headers = [report.row_header, *(c.label for c in report.columns)]
    for column, header in enumerate(headers, start=1):
        put(sheet, 1, column, header, None)
        sheet.cell(row=1, column=column).font = BOLD
    sheet.freeze_panes = "B2"
    lines: list[tuple[str, list[Cell], bool]] = [
        (label, cells, False) for label, cells in zip(report.rows, report.cells, strict=True)
    ]
    if report.totals is not None:
        lines.append((report.total_label, report.totals, True))
    lines += [(label, cells, True) for label, cells in report.summary]
    formats = [NUMBER_FORMATS.get(c.format) for c in report.columns]
    for row, (label, cells, bold) in enumerate(lines, start=2):
        put(sheet, row, 1, label, None)
        for column, value in enumerate(cells, start=2):
            number_format = formats[column - 2] if column - 2 < len(formats) else None
            put(sheet, row, column, value, number_format)
        if bold:
            for column in range(1, len(headers) + 1):
                sheet.cell(row=row, column=column).font = BOLD
    for index, header in enumerate(headers):
        shown = [header]
        for label, cells, _bold in lines:
            if index == 0:
                shown.append(label)
            elif index - 1 < len(cells):
                shown.append(_shown(cells[index - 1]))
        width = max(len(text) for text in shown)
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(max(width + 2, 8), 60)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _shown(value: Cell) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, datetime):
        return "00.00.0000 00:00"
    if isinstance(value, date):
        return "00.00.0000"
    return "" if value is None else str(value)
