"""Lists that are markup under a spreadsheet's name: the "Export to Excel" of web CRMs and
Russian services (an HTML table saved as ``.xls``) and Excel 2003 XML spreadsheets.

Both are read with the standard library's parsers (``html.parser`` and expat through
``xml.etree``), never with regular expressions.  A cell spread over several columns or rows
(``colspan``/``rowspan``, ``ss:MergeAcross``/``ss:MergeDown``) holds its value in every cell
it covers, as merged cells of a workbook do."""

import codecs
from dataclasses import dataclass, field
from datetime import datetime, time
from html.parser import HTMLParser
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

from dialdesk.errors import UserError
from dialdesk.importing.sheet import (
    Table,
    cell_text,
    damaged,
    decoded,
    empty_file,
    finished,
    no_sheet,
    plain_text,
)
from dialdesk.importing.text_table import detect_encoding

SPREADSHEET_ML = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = "{" + SPREADSHEET_ML + "}"
# tags that end a line inside a cell, as the browser and Excel show them
_LINE_BREAKS = {"br", "p", "div", "li"}
_CELLS = {"td", "th"}
_BREAK = "\x00"  # a line break a tag makes, apart from the source's own line breaks
_MAX_SPAN = 1000  # a colspan of a million would otherwise build a million-cell row


def is_spreadsheet_ml(head: str) -> bool:
    """Whether the start of a markup file is an Excel 2003 XML spreadsheet."""
    return SPREADSHEET_ML in head or 'progid="Excel.Sheet"' in head.replace("'", '"')


def _span(value: str | None, least: int = 1) -> int:
    """A span count as a file writes it, at least ``least`` and at most ``_MAX_SPAN``."""
    try:
        return min(max(int(value or least), least), _MAX_SPAN)
    except ValueError:
        return least


@dataclass
class _Grid:
    """Rows of one table as they are placed, spans taken into account."""

    rows: list[list[str]] = field(default_factory=list)
    # (row, column) -> text a span from above puts there
    below: dict[tuple[int, int], str] = field(default_factory=dict)

    def place(self, row: int, column: int, text: str, across: int, down: int) -> int:
        """Put ``text`` at ``row`` from ``column`` on (the first free cell), spread
        ``across`` columns and ``down`` rows; the column after it is returned."""
        while len(self.rows) <= row:
            self.rows.append([])
        column = self.free(row, column)
        for r in range(row, row + down):
            for c in range(column, column + across):
                if r == row:
                    self._set(row, c, text)
                else:
                    self.below[(r, c)] = text
        return column + across

    def free(self, row: int, column: int) -> int:
        """The first cell at or after ``column`` that no span from above covers; the
        covered cells before it are filled with the spanning text."""
        while (row, column) in self.below:
            self._set(row, column, self.below.pop((row, column)))
            column += 1
        return column

    def close_row(self, row: int) -> None:
        """Spans from above that reach past the row's last cell fill it too."""
        while len(self.rows) <= row:
            self.rows.append([])
        for r, c in sorted(k for k in self.below if k[0] == row):
            self._set(r, c, self.below.pop((r, c)))

    def _set(self, row: int, column: int, text: str) -> None:
        cells = self.rows[row]
        if len(cells) <= column:
            cells.extend([""] * (column + 1 - len(cells)))
        cells[column] = text


@dataclass
class _HtmlTable:
    grid: _Grid = field(default_factory=_Grid)
    row: int = -1
    column: int = 0
    in_row: bool = False
    cell: list[str] | None = None
    across: int = 1
    down: int = 1


class _TableParser(HTMLParser):
    """Every ``<table>`` of a page as rows of cell texts; a table inside a cell is a table
    of its own and adds nothing to the cell around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._open: list[_HtmlTable] = []
        self._skip = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "table":
            self._open.append(_HtmlTable())
        elif not self._open:
            return
        elif tag == "tr":
            self._start_row(self._open[-1])
        elif tag in _CELLS:
            self._start_cell(self._open[-1], dict(attrs))
        elif tag in _LINE_BREAKS and self._open[-1].cell is not None:
            self._open[-1].cell.append(_BREAK)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            return  # <script/> opens nothing
        self.handle_starttag(tag, attrs)
        if tag in _CELLS or tag == "table":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(self._skip - 1, 0)
        elif not self._open:
            return
        elif tag == "table":
            table = self._open.pop()
            self._end_row(table)
            self.tables.append(table.grid.rows)
        elif tag == "tr":
            self._end_row(self._open[-1])
        elif tag in _CELLS:
            self._end_cell(self._open[-1])

    def handle_data(self, data: str) -> None:
        if self._open and not self._skip and self._open[-1].cell is not None:
            self._open[-1].cell.append(data.replace(_BREAK, ""))

    def close(self) -> None:
        super().close()
        while self._open:  # a page cut short: what was read is kept
            self.handle_endtag("table")

    def _start_row(self, table: _HtmlTable) -> None:
        self._end_row(table)
        table.row += 1
        table.column = 0
        table.in_row = True

    def _end_row(self, table: _HtmlTable) -> None:
        self._end_cell(table)
        if table.in_row:
            table.grid.close_row(table.row)
            table.in_row = False

    def _start_cell(self, table: _HtmlTable, attrs: dict[str, str | None]) -> None:
        if not table.in_row:  # a cell with no <tr> around it starts one
            self._start_row(table)
        self._end_cell(table)
        table.cell = []
        table.across = _span(attrs.get("colspan"))
        table.down = _span(attrs.get("rowspan"))

    def _end_cell(self, table: _HtmlTable) -> None:
        if table.cell is None:
            return
        text = _cell_text(table.cell)
        table.cell = None
        table.column = table.grid.place(table.row, table.column, text, table.across, table.down)


def _cell_text(parts: list[str]) -> str:
    """A cell's text as a browser shows it: runs of spaces and source line breaks are one
    space, ``<br>`` and paragraphs are line breaks, a no-break space is a space."""
    lines = "".join(parts).replace("\xa0", " ").split(_BREAK)
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


class _CharsetParser(HTMLParser):
    """The charset a page declares in ``<meta charset>`` or ``<meta http-equiv>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.charset: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "meta" or self.charset:
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        if values.get("charset"):
            self.charset = values["charset"].strip()
        elif values.get("http-equiv", "").lower() == "content-type":
            for part in values.get("content", "").split(";"):
                key, _, value = part.partition("=")
                if key.strip().lower() == "charset" and value.strip():
                    self.charset = value.strip().strip("\"'")


def declared_charset(head: bytes) -> str | None:
    """The charset the start of an HTML file declares, or None."""
    parser = _CharsetParser()
    parser.feed(head.decode("latin-1"))
    return parser.charset


def html_tables(text: str) -> list[list[list[str]]]:
    """Every table of the page, in the order its end tag comes (an inner table first)."""
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    return parser.tables


@dataclass(frozen=True)
class XmlSheets:
    names: list[str]
    rows: list[list[str]]  # the chosen sheet's


def spreadsheet_ml(source: IO[bytes], sheet: str | None) -> XmlSheets:
    """The sheet names of an Excel 2003 XML spreadsheet and the rows of ``sheet`` (the
    first when None).  Rows are parsed as they stream by and dropped once read, so a
    200 MB file does not become gigabytes of elements; expat refuses entity expansion
    bombs, and external entities are never fetched."""
    names: list[str] = []
    grid = _Grid()
    reading = False
    row = -1
    for event, element in ElementTree.iterparse(source, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == _SS + "Worksheet":
                names.append(element.get(_SS + "Name") or f"Sheet{len(names) + 1}")
                reading = (sheet is None and len(names) == 1) or names[-1] == sheet
            continue
        if tag == _SS + "Row" and reading:
            row = _xml_row(grid, element, row)
            element.clear()
        elif tag == _SS + "Worksheet":
            element.clear()
    return XmlSheets(names, grid.rows)


def _xml_row(grid: _Grid, element: ElementTree.Element, previous: int) -> int:
    row = _index(element, previous + 1)
    column = 0
    for cell in element.findall(_SS + "Cell"):
        column = _index(cell, column)
        # MergeAcross and MergeDown count the cells beyond the first
        across = 1 + _span(cell.get(_SS + "MergeAcross"), 0)
        down = 1 + _span(cell.get(_SS + "MergeDown"), 0)
        data = cell.find(_SS + "Data")
        text = "" if data is None else _xml_value(data)
        column = grid.place(row, column, text, across, down)
    grid.close_row(row)
    return row


def _index(element: ElementTree.Element, default: int) -> int:
    """``ss:Index`` (counted from 1) where a row or cell skips ahead, else ``default``."""
    value = element.get(_SS + "Index")
    try:
        return max(int(value) - 1, default) if value else default
    except ValueError:
        return default


def _xml_value(data: ElementTree.Element) -> str:
    """A cell's text as a workbook cell of the same type reads (``cell_text``)."""
    text = "".join(data.itertext())
    kind = data.get(_SS + "Type")
    try:
        if kind == "Number":
            return cell_text(float(text))
        if kind == "DateTime":
            moment = datetime.fromisoformat(text.strip()[:19])
            return cell_text(moment.date() if moment.time() == time() else moment)
    except ValueError:
        return text
    if kind == "Boolean":
        return cell_text(text.strip() == "1")
    return text


def read_html(path: Path, sheet: str | None, encoding: str | None) -> Table:
    """An HTML page's tables as sheets: one table is named after the file, several are
    numbered, and the longest is read unless another is chosen."""
    data = path.read_bytes()
    encoding = encoding or _html_encoding(data)
    text = decoded(path, data, encoding)
    tables = [rows for rows in html_tables(text) if any(any(cells) for cells in rows)]
    if not tables:
        raise UserError(
            "The file {path} holds no table: save the list from the program again as Excel or CSV.",
            path=path.name,
        )
    names = (
        [path.stem] if len(tables) == 1 else [f"{path.stem} {n + 1}" for n in range(len(tables))]
    )
    if sheet is None:
        chosen = max(range(len(tables)), key=lambda n: (len(tables[n]), -n))
    elif sheet in names:
        chosen = names.index(sheet)
    else:
        raise no_sheet(sheet, names)
    rows = [[plain_text(c) for c in cells] for cells in tables[chosen]]
    return Table(names[chosen], finished(path, rows), encoding, None, tuple(names))


def _html_encoding(data: bytes) -> str:
    """The byte-order mark, else the charset the page declares (when Python knows it), else
    what the bytes look like."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return detect_encoding(data)
    declared = declared_charset(data[:65536])
    if declared:
        try:
            return codecs.lookup(declared).name
        except LookupError:
            pass
    return detect_encoding(data)


def read_spreadsheet_ml(path: Path, sheet: str | None) -> Table:
    try:
        with path.open("rb") as source:
            found = spreadsheet_ml(source, sheet)
    except (ElementTree.ParseError, LookupError, ValueError) as exc:
        # broken XML, an encoding nobody knows, or text that is not in the one declared
        raise damaged(path) from exc
    if not found.names:
        raise empty_file(path)
    name = sheet or found.names[0]
    if name not in found.names:
        raise no_sheet(name, found.names)
    rows = [[plain_text(c) for c in cells] for cells in found.rows]
    return Table(name, finished(path, rows), sheets=tuple(found.names))
