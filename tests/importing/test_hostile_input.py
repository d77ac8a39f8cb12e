"""Hostile list files: control characters, NUL bytes, escaped NULs and workbooks that unpack
to far more than they weigh are read plainly, or refused with a plain message."""

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from dialdesk.errors import UserError
from dialdesk.importing import table
from dialdesk.importing.table import read_table
from dialdesk.services.reports.table import Chart, Column, Report
from dialdesk.services.reports.xlsx import write_report_xlsx
from tests.importing.files import HEADER, xlsx


def test_control_characters_are_taken_out_of_every_cell(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    rows = [HEADER, ["ООО \x1b[31mРомашка\x07", "", "+7 383 353-03-67", "", "Новосибирск"]]
    path.write_text("\r\n".join(";".join(r) for r in rows) + "\r\n", encoding="utf-8")
    read = read_table(path)
    assert read.rows[1][0] == "ООО [31mРомашка"


def test_a_nul_byte_deep_in_a_csv_is_dropped_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    filler = [f"ООО Компания {n};;+7 383 353-{n % 100:02d}-67" for n in range(4000)]
    body = "\r\n".join([";".join(HEADER), *filler, "ООО Ноль\x00;;+7 495 123-45-67"])
    path.write_bytes(body.encode("utf-8"))
    assert len(body.encode("utf-8")) > 65536  # past the part that decides text or binary
    assert read_table(path).rows[-1][0] == "ООО Ноль"


def test_an_escaped_nul_in_an_xlsx_is_dropped(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "list.xlsx", [["ООО _x0000_Ромашка", None, "+7 383 353-03-67"]])
    assert read_table(path).rows[3][0] == "ООО Ромашка"


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as packed:
        packed.writestr("xl/worksheets/sheet1.xml", "<row/>" * 200_000)
    assert path.stat().st_size < 20_000
    monkeypatch.setattr(table, "MAX_UNPACKED", 1_000_000)  # the same rule, at a test's size
    with pytest.raises(UserError, match="unpacks to 1 MB"):
        read_table(path)


def test_a_report_cell_with_a_control_character_is_written(tmp_path: Path) -> None:
    report = Report(
        name="company",
        title="История",
        row_header="Звонок",
        columns=[Column("Комментарий", "text")],
        rows=["1"],
        cells=[["просил\x07 перезвонить\x1b"]],
        totals=None,
        chart=Chart("bar"),
    )
    path = write_report_xlsx(report, tmp_path / "history.xlsx")
    assert load_workbook(path).active["B2"].value == "просил перезвонить"


def test_a_workbook_that_crashes_the_reader_gets_a_plain_message(tmp_path: Path) -> None:
    # one cell in the far corner: the reader allocates the whole sheet and aborts its process
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Наименование"
    sheet["XFD1048576"] = "x"
    book.save(tmp_path / "sparse.xlsx")
    with pytest.raises(UserError, match="reader stopped on it"):
        read_table(tmp_path / "sparse.xlsx")
    # and this process goes on reading the next file
    assert read_table(xlsx(tmp_path / "next.xlsx", [["ООО Ромашка"]])).rows[3][0] == "ООО Ромашка"


def test_a_line_break_outside_quotes_is_a_plain_refusal_naming_the_line(tmp_path: Path) -> None:
    """Found by the property test: a carriage return in a cell that the delimiter guessed
    leaves outside quotes stopped the reader with a traceback."""
    path = tmp_path / "list.csv"
    path.write_bytes(b'Name;Phone\nA;1\n;"\t\r"\n')
    with pytest.raises(UserError, match=r"Line \d+ of list.csv cannot be split"):
        read_table(path, encoding="utf-8", delimiter="\t")
