"""Real list files made the way marketers' lists come: title rows, merged cells, blank rows,
phones typed as numbers, CSV from Russian Excel."""

import multiprocessing
from pathlib import Path

from openpyxl import Workbook

HEADER = ["Наименование", "ИНН", "Телефоны", "Отрасль", "Город", "Контактное лицо", "Должность"]


def xlsx(path: Path, rows: list[list[object]], title: str | None = "Список компаний") -> Path:
    """A workbook with a merged title row and a blank row above the header."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Компании"
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
        sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
        number = sheet._current_row  # the row just appended (max_row would scan the sheet)
        for cell in next(sheet.iter_rows(number, number, 1, max(len(row), 1))):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text as typed, even "=..." (as lists from exports hold)
    book.create_sheet("Пустой")
    book.save(path)
    return path


def csv_file(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ";") -> Path:
    lines = [delimiter.join(HEADER)] + [delimiter.join(row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def company(n: int) -> list[object]:
    """Row ``n`` of a long list: a company of its own, with a mobile number of its own."""
    return [f"ООО Компания {n}", None, f"+7 916 {1000000 + n}", None, "Москва"]


def no_reader_left() -> bool:
    """No reader's process is left running (each is given five seconds to end)."""
    for child in multiprocessing.active_children():
        child.join(5)
    return not multiprocessing.active_children()
