"""One sheet of a list as rows of text, and what every reader of a list shares: a cell as
the person sees it, the row limit, and the plain messages for a file that cannot be read."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from dialdesk.errors import UserError

MAX_ROWS = 1_000_000
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
    if type(value) is str:  # most cells: straight to the text, past the other types
        return plain_text(value)
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
    if text.isprintable():  # most cells: nothing to take out (a line break is not printable)
        return text.strip()
    return CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def finished(path: Path, rows: list[list[str]]) -> list[list[str]]:
    """``rows`` as a reader hands them on: trailing blanks trimmed, within the row limit,
    and not all empty."""
    if len(rows) > MAX_ROWS:
        raise too_many_rows(path, len(rows))
    found = [trimmed(row) for row in rows]
    if not any(found):
        raise empty_file(path)
    return found


def empty_file(path: Path) -> UserError:
    return UserError("The file {path} is empty.", path=path.name)


def damaged(path: Path) -> UserError:
    return UserError(
        "The file {path} is damaged or not a spreadsheet: open it in Excel, save it again "
        "as XLSX and retry.",
        path=path.name,
    )


def too_many_rows(path: Path, rows: int) -> UserError:
    return UserError(
        "The file {path} has too many rows ({rows}; at most {limit}): split it in parts.",
        path=path.name,
        rows=rows,
        limit=MAX_ROWS,
    )


def trimmed(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def no_sheet(name: str, names: list[str]) -> UserError:
    return UserError(
        "The workbook has no sheet '{sheet}'; its sheets are: {sheets}.",
        sheet=name,
        sheets=", ".join(names),
    )


def decoded(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise UserError(
            "The file {path} cannot be read as {encoding}: choose another encoding.",
            path=path.name,
            encoding=encoding,
        ) from exc
