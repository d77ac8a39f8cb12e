"""The rejected-rows file: each refused row as it was in the list, its number and the reason,
so the marketer can fix the rows and import just them again; and the rows imported with a
change (a value cut at its limit, an INN left out), marked as imported, with what changed."""

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from dialdesk.errors import translatable
from dialdesk.importing.sheet_row import Rejection

EXCEL_CELL_LIMIT = 32767  # characters; a longer cell is refused by Excel


def text_cell(sheet: Worksheet, value: object, bold: Font | None = None) -> WriteOnlyCell:
    """A cell stored as text: "=HYPERLINK(...)" from a list is shown, never run as a formula,
    and "+7 913 ..." keeps its plus."""
    if isinstance(value, str):  # what a spreadsheet cell cannot hold is left out
        value = ILLEGAL_CHARACTERS_RE.sub("", value)[:EXCEL_CELL_LIMIT]
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if bold is not None:
        cell.font = bold
    return cell


# a reason's parameters that are words of ours (a field's name, a number's length), not the
# file's values
TRANSLATED_PARAMS = ("field", "length")


def rejects_path(source: Path, translate: Callable[[str], str] = lambda text: text) -> Path:
    """``list.xlsx`` -> ``list - rejected rows.xlsx`` beside it, in the reader's language."""
    return source.with_name(f"{source.stem} - {translate(translatable('rejected rows'))}.xlsx")


def write_rejects(
    path: Path,
    header: list[str],
    rejections: list[Rejection],
    translate: Callable[[str], str] = lambda template: template,
) -> Path:
    """Write the rows with their reasons; ``translate`` turns a reason's template into the
    reader's language before its fields are filled in."""
    book = Workbook(write_only=True)
    sheet: Worksheet = book.create_sheet(translate(translatable("Rejected rows")))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    titles = [
        translate(translatable("Row")),
        translate(translatable("Imported")),
        translate(translatable("Reason")),
        *header,
    ]
    sheet.append([text_cell(sheet, title, bold) for title in titles])
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 12
    sheet.column_dimensions["C"].width = 50
    answers = {True: translate(translatable("yes")), False: translate(translatable("no"))}
    for rejection in sorted(rejections, key=lambda r: r.row_number):
        params = {
            k: translate(str(v)) if k in TRANSLATED_PARAMS else v
            for k, v in rejection.params.items()
        }
        reason = translate(rejection.reason).format(**params)
        sheet.append(
            [
                rejection.row_number,
                text_cell(sheet, answers[rejection.imported]),
                text_cell(sheet, reason),
                *(text_cell(sheet, value) for value in rejection.cells),
            ]
        )
    book.save(path)
    return path
