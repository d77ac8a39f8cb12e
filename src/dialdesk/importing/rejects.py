"""The rejected-rows file: each refused row as it was in the list, its number and the reason,
so the marketer can fix the rows and import just them again; and the rows imported with a
change (a value cut at its limit, an INN left out), marked as imported, with what changed."""

import errno
import os
import tempfile
import threading
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


# why a file could not be written, in our words (the system's are English on Linux)
NOT_WRITTEN = {
    FileNotFoundError: translatable("its folder does not exist"),
    PermissionError: translatable(
        "no right to write there, or the file is open in another program"
    ),
    IsADirectoryError: translatable("a folder has that name"),
}
DISK_FULL = translatable("the disk is full")
NOT_WRITTEN_OTHERWISE = translatable("the system refused to write it")


def why_not_written(error: OSError) -> str:
    for kind, reason in NOT_WRITTEN.items():
        if isinstance(error, kind):
            return reason
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DISK_FULL
    return NOT_WRITTEN_OTHERWISE


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


class PendingRejects:
    """The rejects file written in a thread while the import works in the database (which
    leaves this process waiting): into a temporary file beside ``target``, put in its place
    by ``keep`` once the import is saved, removed by ``discard`` when it is not.  A file that
    cannot be written costs the import nothing: ``keep`` says why instead."""

    def __init__(
        self,
        target: Path,
        header: list[str],
        rejections: list[Rejection],
        translate: Callable[[str], str] = lambda template: template,
    ) -> None:
        self.target = target
        self._partial: Path | None = None
        self._failure: BaseException | None = None
        self._thread = threading.Thread(
            target=self._write, args=(header, rejections, translate), name="rejects-file"
        )
        self._thread.daemon = True
        self._thread.start()

    def _write(
        self, header: list[str], rejections: list[Rejection], translate: Callable[[str], str]
    ) -> None:
        try:
            handle, name = tempfile.mkstemp(
                prefix=f"~{self.target.stem}-", suffix=".xlsx", dir=self.target.parent
            )
            os.close(handle)
            self._partial = Path(name)
            write_rejects(self._partial, header, rejections, translate)
        except BaseException as failure:  # said or raised by the caller's thread
            self._failure = failure

    def keep(self) -> tuple[Path | None, str | None]:
        """The file in its place, or None and why not (``why_not_written``)."""
        self._thread.join()
        failure = self._failure
        try:
            if failure is None:
                assert self._partial is not None
                os.replace(self._partial, self.target)
                return self.target, None
        except OSError as exc:
            failure = exc
        self._remove_partial()
        if isinstance(failure, OSError):
            return None, why_not_written(failure)
        raise failure

    def discard(self) -> None:
        self._thread.join()
        self._remove_partial()

    def _remove_partial(self) -> None:
        if self._partial is not None:
            self._partial.unlink(missing_ok=True)
