"""A workbook's rows arrive in parts from its reader's process, so an import cleans the first
rows while the rest are read: the parts add up to the whole sheet, merged cells reach over
parts, and leaving early (done, refused, cancelled) stops the reader."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from dialdesk.errors import UserError
from dialdesk.importing.table import read_table, stream_table
from tests.importing.files import company, csv_file, no_reader_left, xlsx


def test_the_parts_add_up_to_the_whole_sheet(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "list.xlsx", [company(n) for n in range(23)])
    with stream_table(path, chunk_rows=5) as stream:
        parts = list(stream.chunks)
        assert (stream.sheet, stream.sheets, stream.rows) == (
            "Компании",
            ("Компании", "Пустой"),
            26,
        )
    assert [len(part) for part in parts] == [5, 5, 5, 5, 5, 1]
    assert [row for part in parts for row in part] == read_table(path).rows
    assert no_reader_left()


def test_a_merged_cell_reaches_over_two_parts(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Наименование", "Телефон", "Город"])
    sheet.append(["ООО Ромашка", "+7 495 111-11-11", "Москва"])
    for phone in ("+7 495 222-22-22", "+7 495 333-33-33", "+7 495 444-44-44"):
        sheet.append([None, phone, None])
    sheet.merge_cells("A2:A5")  # rows 2-5: parts [1-2], [3-4], [5] with two rows a part
    sheet.merge_cells("C2:C5")
    book.save(tmp_path / "merged.xlsx")
    with stream_table(tmp_path / "merged.xlsx", chunk_rows=2) as stream:
        rows = [row for part in stream.chunks for row in part]
    assert [row[0] for row in rows[1:]] == ["ООО Ромашка"] * 4
    assert [row[2] for row in rows[1:]] == ["Москва"] * 4
    assert rows == read_table(tmp_path / "merged.xlsx").rows


def test_leaving_before_the_last_part_stops_the_reader(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "list.xlsx", [company(n) for n in range(200)])
    with stream_table(path, chunk_rows=3) as stream:
        first = next(stream.chunks)
    assert len(first) == 3
    assert no_reader_left()
    with pytest.raises(StopIteration):
        next(stream.chunks)  # closed with its reader


def test_a_text_file_comes_in_one_part(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "list.csv", [["ООО Ёлка", "", "+7 383 353-03-67"]], "cp1251")
    with stream_table(path, chunk_rows=1) as stream:
        parts = list(stream.chunks)
    assert (stream.rows, stream.encoding, stream.delimiter) == (2, "cp1251", ";")
    assert parts == [read_table(path).rows]


def test_an_empty_workbook_is_still_refused_as_empty(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["C3"] = "   "  # only blanks
    book.save(tmp_path / "blank.xlsx")
    with pytest.raises(UserError, match="is empty"), stream_table(tmp_path / "blank.xlsx"):
        pass
