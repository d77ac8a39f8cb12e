"""Reading a list as rows of text: XLSX, XLS and ODS through python-calamine, CSV in the
encodings and delimiters Russian Excel writes (UTF-8 with or without BOM, Windows-1251,
UTF-16 "Unicode text"; ``;``, ``,``, tab)."""

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import python_calamine

from dialdesk.errors import UserError
from dialdesk.importing.reader_process import read_apart

SPREADSHEETS = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_TABLES = {".csv", ".txt"}
MAX_BYTES = 200 * 1024 * 1024
MAX_ROWS = 1_000_000
# what a packed workbook may unpack to: a small file of repeated XML can hold gigabytes
MAX_UNPACKED = 600 * 1024 * 1024
ZIPPED = {".xlsx", ".xlsm", ".ods"}
DELIMITERS = ";,\t|"
# control characters (ESC, BEL, NUL...) a cell may not keep: the database, Excel and the
# screen each refuse or mangle them; line breaks and tabs inside a cell stay
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Table:
    """One sheet as text: ``rows[i]`` is sheet row ``i + 1``; empty cells are ""."""

    sheet: str
    rows: list[list[str]]
    encoding: str | None = None  # CSV only: what the file was read as
    delimiter: str | None = None
    sheets: tuple[str, ...] = ()  # every sheet of the file (a CSV file has one)


def cell_text(value: object) -> str:
    """A cell as the person sees it: 89133334455.0 typed as a number reads 89133334455."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    return plain_text(str(value))


def plain_text(text: str) -> str:
    """``text`` without control characters (Windows line breaks read as plain ones)."""
    return CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _check_file(path: Path) -> str:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UserError("The file {path} does not exist.", path=str(path))
    if suffix not in SPREADSHEETS | TEXT_TABLES:
        raise UserError(
            "{path} is not a spreadsheet: choose an XLSX, XLS, ODS or CSV file.", path=path.name
        )
    size = path.stat().st_size
    if size == 0:
        raise UserError("The file {path} is empty.", path=path.name)
    if size > MAX_BYTES:
        raise UserError(
            "The file {path} is too large ({mb} MB; at most {limit} MB): split it in parts.",
            path=path.name,
            mb=size // (1024 * 1024),
            limit=MAX_BYTES // (1024 * 1024),
        )
    if suffix in ZIPPED:
        _check_unpacked(path)
    return suffix


def _check_unpacked(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as packed:
            unpacked = sum(item.file_size for item in packed.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _damaged(path) from exc
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
    if _check_file(path) in TEXT_TABLES:
        return _read_csv(path, encoding, delimiter)
    found: Table = read_apart(_read_workbook, path, sheet)
    return found


def _read_workbook(path: Path, sheet: str | None) -> Table:
    with _Workbook(path) as book:
        name = sheet or book.sheet_names[0]
        if name not in book.sheet_names:
            raise UserError(
                "The workbook has no sheet '{sheet}'; its sheets are: {sheets}.",
                sheet=name,
                sheets=", ".join(book.sheet_names),
            )
        try:
            found = book.get_sheet_by_name(name)
            raw = found.to_python(skip_empty_area=False)
            merged = _merged_ranges(found)
        except python_calamine.CalamineError as exc:
            raise _damaged(path) from exc
    if len(raw) > MAX_ROWS:
        raise _too_many_rows(path, len(raw))
    texts = [[cell_text(v) for v in row] for row in raw]
    _fill_merged(texts, merged)
    rows = [_trimmed(row) for row in texts]
    _require_content(path, rows)
    return Table(name, rows, sheets=tuple(book.sheet_names))


class _Workbook:
    def __init__(self, path: Path) -> None:
        try:
            self.book = python_calamine.CalamineWorkbook.from_path(str(path))
        except Exception as exc:  # calamine raises several unrelated types for bad files
            raise _damaged(path) from exc
        self.sheet_names: list[str] = self.book.sheet_names
        if not self.sheet_names:
            raise UserError("The file {path} is empty.", path=path.name)

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


def _fill_merged(rows: list[list[str]], ranges: list[Range]) -> None:
    """A merged cell holds its value in every cell it covers: a company name merged over
    the two rows of its two phones belongs to both rows."""
    for (top, left), (bottom, right) in ranges:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= right:
                row.extend([""] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                row[c] = value


def _damaged(path: Path) -> UserError:
    return UserError(
        "The file {path} is damaged or not a spreadsheet: open it in Excel, save it again "
        "as XLSX and retry.",
        path=path.name,
    )


def _too_many_rows(path: Path, rows: int) -> UserError:
    return UserError(
        "The file {path} has too many rows ({rows}; at most {limit}): split it in parts.",
        path=path.name,
        rows=rows,
        limit=MAX_ROWS,
    )


def _require_content(path: Path, rows: list[list[str]]) -> None:
    if not any(rows):
        raise UserError("The file {path} is empty.", path=path.name)


def _trimmed(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def detect_encoding(data: bytes) -> str:
    """UTF-16 when the file starts with its byte-order mark (Excel's "Unicode text"), UTF-8
    (with or without BOM) when the bytes are valid UTF-8, else Windows-1251."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1251"
    return "utf-8"


SAMPLE_LINES = 200  # lines of the file weighed when the delimiter is chosen


def detect_delimiter(sample: str) -> str:
    """The delimiter that splits the sample, quotes honoured, into the most consistent
    number of columns (more than one), the widest such split winning a tie.

    ``csv.Sniffer`` is fooled by a semicolon file whose quoted addresses hold commas
    ("г. Новосибирск; ул. Ленина, 1"); here every candidate splits the sample as the reader
    would, and the lines of the commonest width decide.  A title above the header (one
    cell) does not count against a delimiter."""
    lines = sample.splitlines()[:SAMPLE_LINES]
    best: tuple[int, int, int] | None = None
    chosen = ";"
    for rank, delimiter in enumerate(DELIMITERS):
        try:
            rows = list(csv.reader(lines, delimiter=delimiter))
        except csv.Error:
            continue
        widths = [len(_trimmed(row)) for row in rows if any(cell.strip() for cell in row)]
        widths = [w for w in widths if w > 1]
        if not widths:
            continue
        common = max(set(widths), key=lambda w: (widths.count(w), w))
        score = (widths.count(common), common, -rank)  # lines it fits, its width, the order
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


def _read_csv(path: Path, encoding: str | None, delimiter: str | None) -> Table:
    data = path.read_bytes()
    encoding = encoding or detect_encoding(data)
    if b"\x00" in data[:65536] and not encoding.startswith("utf-16"):
        raise UserError(
            "{path} is not a text table: choose an XLSX, XLS, ODS or CSV file.", path=path.name
        )
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise UserError(
            "The file {path} cannot be read as {encoding}: choose another encoding.",
            path=path.name,
            encoding=encoding,
        ) from exc
    text = text.replace("\x00", "")  # a stray NUL deep in the file: the reader stops on it
    delimiter = delimiter or detect_delimiter(text[:65536])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        rows = [_trimmed([plain_text(c) for c in row]) for row in reader]
    except csv.Error as exc:  # a line break inside a field that is not in quotes
        raise UserError(
            "Line {line} of {path} cannot be split into cells with the delimiter {delimiter} "
            "({detail}): choose another delimiter, or save the file from Excel again.",
            line=reader.line_num,
            path=path.name,
            delimiter=repr(delimiter),
            detail=exc,
        ) from exc
    if len(rows) > MAX_ROWS:
        raise _too_many_rows(path, len(rows))
    _require_content(path, rows)
    return Table(path.stem, rows, encoding, delimiter, (path.stem,))
