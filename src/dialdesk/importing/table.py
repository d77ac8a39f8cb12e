"""Reading a list as rows of text: XLSX, XLS and ODS through python-calamine, CSV in the
encodings and delimiters Russian Excel writes (UTF-8 with or without BOM, Windows-1251,
UTF-16 "Unicode text"; ``;``, ``,``, tab), and the markup files that carry a spreadsheet's
name: HTML tables saved as ``.xls`` by web CRMs, Excel 2003 XML (``markup``).

What a file is comes from its first bytes, not its name: an ``.xls`` that is really a web
page, or tab-separated text, is read as what it is."""

import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import python_calamine

from dialdesk.errors import UserError
from dialdesk.importing.markup import is_spreadsheet_ml, read_html, read_spreadsheet_ml
from dialdesk.importing.reader_process import stream_apart
from dialdesk.importing.sheet import (
    MAX_ROWS,
    Table,
    cell_text,
    damaged,
    empty_file,
    no_sheet,
    too_many_rows,
    trimmed,
)
from dialdesk.importing.text_table import read_csv

SPREADSHEETS = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_TABLES = {".csv", ".txt"}
MARKUP = {".htm", ".html", ".xml"}
# the first bytes of a zipped workbook (XLSX, ODS) and of an old binary one (XLS, XLSB too)
_PACKED = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
MAX_BYTES = 200 * 1024 * 1024
# what a packed workbook may unpack to: a small file of repeated XML can hold gigabytes
MAX_UNPACKED = 600 * 1024 * 1024
ZIPPED = {".xlsx", ".xlsm", ".ods"}
CHUNK_ROWS = 5000  # rows a workbook's reader hands over at a time


@dataclass(frozen=True)
class RowStream:
    """One sheet, its rows arriving in parts (``chunks``) while the rest are read."""

    sheet: str
    sheets: tuple[str, ...]
    rows: int  # in all, blank ones included
    chunks: Iterator[list[list[str]]]
    encoding: str | None = None
    delimiter: str | None = None


def _check_file(path: Path) -> str:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UserError("The file {path} does not exist.", path=str(path))
    if suffix not in SPREADSHEETS | TEXT_TABLES | MARKUP:
        raise UserError(
            "{path} is not a spreadsheet: choose an XLSX, XLS, ODS or CSV file.", path=path.name
        )
    size = path.stat().st_size
    if size == 0:
        raise empty_file(path)
    if size > MAX_BYTES:
        raise UserError(
            "The file {path} is too large ({mb} MB; at most {limit} MB): split it in parts.",
            path=path.name,
            mb=size // (1024 * 1024),
            limit=MAX_BYTES // (1024 * 1024),
        )
    return suffix


def _check_unpacked(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as packed:
            unpacked = sum(item.file_size for item in packed.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise damaged(path) from exc
    if unpacked > MAX_UNPACKED:
        raise UserError(
            "The file {path} unpacks to {mb} MB (at most {limit} MB): split it in parts.",
            path=path.name,
            mb=unpacked // (1024 * 1024),
            limit=MAX_UNPACKED // (1024 * 1024),
        )


def read_table(
    path: Path,
    sheet: str | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Table:
    """Every row of one sheet (the first when ``sheet`` is None), trailing blanks trimmed.
    A workbook is read in a child process (``reader_process``): a reader that crashes on a
    malformed file takes only the child down."""
    with stream_table(path, sheet, encoding=encoding, delimiter=delimiter) as stream:
        rows = [row for chunk in stream.chunks for row in chunk]
    return Table(stream.sheet, rows, stream.encoding, stream.delimiter, stream.sheets)


@contextmanager
def stream_table(
    path: Path,
    sheet: str | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    chunk_rows: int = CHUNK_ROWS,
) -> Iterator[RowStream]:
    """``read_table``'s rows as they are read: a workbook's in parts of ``chunk_rows`` from
    its reader's process, the other kinds (read here, quickly) in one part.  Leaving the
    block stops a reader still at work."""
    kind = _kind(path, _check_file(path))
    if kind != "workbook":
        table = _read_text(path, kind, sheet, encoding, delimiter)
        yield RowStream(
            table.sheet, table.sheets, len(table.rows), iter([table.rows]), table.encoding,
            table.delimiter,
        )  # fmt: skip
        return
    if path.suffix.lower() in ZIPPED:
        _check_unpacked(path)
    items = stream_apart(_stream_workbook, path, sheet, chunk_rows)
    try:
        name, sheets, rows = next(items)
        yield RowStream(name, sheets, rows, items)
    finally:
        items.close()


def _read_text(
    path: Path, kind: str, sheet: str | None, encoding: str | None, delimiter: str | None
) -> Table:
    if kind == "text":
        return read_csv(path, encoding, delimiter)
    if kind == "html":
        return read_html(path, sheet, encoding)
    return read_spreadsheet_ml(path, sheet)


def _kind(path: Path, suffix: str) -> str:
    """ "workbook", "html", "xml" or "text", from the file's first bytes."""
    if suffix in TEXT_TABLES:
        return "text"
    with path.open("rb") as handle:
        head = handle.read(65536)
    if head.startswith(_PACKED):
        return "workbook"
    unicode_text = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if unicode_text:
        start = head[:4096].decode("utf-16", errors="ignore")
    else:
        start = head.decode("utf-8", errors="ignore")
    start = start.lstrip("\ufeff \t\r\n")
    if start.startswith("<"):
        return "xml" if start.startswith("<?xml") and is_spreadsheet_ml(start) else "html"
    if suffix == ".xls" and (unicode_text or b"\x00" not in head):
        # tab- or semicolon-separated text saved as .xls: Excel opens it, and so do we
        return "text"
    return "workbook" if suffix in SPREADSHEETS else "html"


def _stream_workbook(path: Path, sheet: str | None, chunk_rows: int) -> Iterator[object]:
    """In the reader's process: the sheet's name, its workbook's sheets and its number of
    rows, then its rows as text, ``chunk_rows`` at a time (merged cells filled in)."""
    with _Workbook(path) as book:
        name = sheet or book.sheet_names[0]
        if name not in book.sheet_names:
            raise no_sheet(name, book.sheet_names)
        try:
            found = book.get_sheet_by_name(name)
            raw = found.to_python(skip_empty_area=False)
            merged = _merged_ranges(found)
        except python_calamine.CalamineError as exc:
            raise damaged(path) from exc
    if len(raw) > MAX_ROWS:
        raise too_many_rows(path, len(raw))
    if not any(cell_text(value) for row in raw for value in row):
        raise empty_file(path)
    yield name, tuple(book.sheet_names), len(raw)
    fills = _merged_fills(raw, merged)
    for start in range(0, len(raw), chunk_rows):
        texts = [[cell_text(v) for v in row] for row in raw[start : start + chunk_rows]]
        _fill_merged(texts, start, fills)
        yield [trimmed(row) for row in texts]


class _Workbook:
    def __init__(self, path: Path) -> None:
        try:
            self.book = python_calamine.CalamineWorkbook.from_path(str(path))
        except Exception as exc:  # calamine raises several unrelated types for bad files
            raise damaged(path) from exc
        self.sheet_names: list[str] = self.book.sheet_names
        if not self.sheet_names:
            raise empty_file(path)

    def get_sheet_by_name(self, name: str) -> python_calamine.CalamineSheet:
        return self.book.get_sheet_by_name(name)

    def __enter__(self) -> "_Workbook":
        return self

    def __exit__(self, *exc: object) -> None:
        self.book.close()


Range = tuple[tuple[int, int], tuple[int, int]]


def _merged_ranges(sheet: python_calamine.CalamineSheet) -> list[Range]:
    try:
        return list(sheet.merged_cell_ranges or [])
    except Exception:  # formats without merged cells (CSV-like, old XLS) say so differently
        return []


Fill = tuple[int, int, int, int, str]  # top, bottom, left, right, the top-left cell's text


def _merged_fills(raw: Sequence[Sequence[object]], ranges: list[Range]) -> list[Fill]:
    return [
        (top, min(bottom, len(raw) - 1), left, right, cell_text(raw[top][left]))
        for (top, left), (bottom, right) in ranges
        if top < len(raw) and left < len(raw[top])
    ]


def _fill_merged(rows: list[list[str]], first: int, fills: list[Fill]) -> None:
    """A merged cell holds its value in every cell it covers: a company name merged over
    the two rows of its two phones belongs to both rows.  ``rows`` are the sheet's rows from
    ``first`` on; a merged cell may reach over several parts."""
    last = first + len(rows) - 1
    for top, bottom, left, right, value in fills:
        for r in range(max(top, first), min(bottom, last) + 1):
            row = rows[r - first]
            if len(row) <= right:
                row.extend([""] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                row[c] = value
