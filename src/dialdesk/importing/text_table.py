"""CSV lists in the encodings and delimiters Russian Excel writes: UTF-8 with or without
BOM, Windows-1251, UTF-16 "Unicode text"; ``;``, ``,``, tab or ``|``."""

import csv
import io
from pathlib import Path

from dialdesk.errors import UserError
from dialdesk.importing.sheet import Table, decoded, finished, plain_text, trimmed

DELIMITERS = ";,\t|"


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
        widths = [len(trimmed(row)) for row in rows if any(cell.strip() for cell in row)]
        widths = [w for w in widths if w > 1]
        if not widths:
            continue
        common = max(set(widths), key=lambda w: (widths.count(w), w))
        score = (widths.count(common), common, -rank)  # lines it fits, its width, the order
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


def read_csv(path: Path, encoding: str | None, delimiter: str | None) -> Table:
    data = path.read_bytes()
    encoding = encoding or detect_encoding(data)
    if b"\x00" in data[:65536] and not encoding.startswith("utf-16"):
        raise UserError(
            "{path} is not a text table: choose an XLSX, XLS, ODS or CSV file.", path=path.name
        )
    text = decoded(path, data, encoding)
    text = text.replace("\x00", "")  # a stray NUL deep in the file: the reader stops on it
    delimiter = delimiter or detect_delimiter(text[:65536])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        rows = [[plain_text(c) for c in row] for row in reader]
    except csv.Error as exc:  # a line break inside a field that is not in quotes
        raise UserError(
            "Line {line} of {path} cannot be split into cells with the delimiter {delimiter} "
            "({detail}): choose another delimiter, or save the file from Excel again.",
            line=reader.line_num,
            path=path.name,
            delimiter=repr(delimiter),
            detail=exc,
        ) from exc
    return Table(path.stem, finished(path, rows), encoding, delimiter, (path.stem,))
