"""Reading lists: XLSX with title rows and numbers as phones, CSV in cp1251 and UTF-8 with
BOM, and plain refusals for files that are not lists."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from dialdesk.errors import UserError
from dialdesk.importing import sheet, table
from dialdesk.importing.columns import find_header, guess_field
from dialdesk.importing.table import read_table
from tests.importing.files import csv_file, xlsx


def test_xlsx_title_rows_are_skipped_and_phones_typed_as_numbers_read_whole(
    tmp_path: Path,
) -> None:
    path = xlsx(tmp_path / "list.xlsx", [["ООО Ромашка", 7707083893, 89132097263, None]])
    table = read_table(path)
    assert table.sheets == ("Компании", "Пустой")
    header = find_header(table.rows)
    assert header.row_index == 2  # title, blank, header
    assert header.mapping == {
        0: "name", 1: "inn", 2: "phones", 3: "industry", 4: "city", 5: "contact_name",
        6: "contact_position",
    }  # fmt: skip
    assert table.rows[3] == ["ООО Ромашка", "7707083893", "89132097263"]


@pytest.mark.parametrize("encoding", ["cp1251", "utf-8-sig", "utf-8"])
def test_csv_encodings_and_delimiters_are_detected(tmp_path: Path, encoding: str) -> None:
    path = csv_file(tmp_path / "list.csv", [["ООО Ёлка", "", "+7 383 353-03-67", "", ""]], encoding)
    table = read_table(path)
    assert table.delimiter == ";"
    assert table.rows[0][0] == "Наименование" and table.rows[1][0] == "ООО Ёлка"
    comma = csv_file(tmp_path / "comma.csv", [["ООО Ёлка", "", "83833530367"]], encoding, ",")
    assert read_table(comma).delimiter == ","


def test_an_encoding_can_be_chosen_by_hand(tmp_path: Path) -> None:
    path = csv_file(tmp_path / "list.csv", [["ООО Ёлка", "", "83833530367"]], "cp1251")
    assert read_table(path, encoding="cp1251").rows[1][0] == "ООО Ёлка"
    with pytest.raises(UserError, match="cannot be read as utf-8"):
        read_table(path, encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.xlsx", b"", "is empty"),
        ("empty.csv", b"", "is empty"),
        ("broken.xlsx", b"PK\x03\x04 this is not really a workbook", "damaged"),
        ("photo.jpg", b"\xff\xd8\xff\xe0", "not a spreadsheet"),
        ("binary.csv", b"\x00\x01\x02\x03", "not a text table"),
        ("blank.csv", b";;;\r\n;;\r\n", "is empty"),
    ],
)
def test_files_that_are_not_lists_get_a_plain_message(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        read_table(path)


def test_a_missing_sheet_names_the_sheets_there_are(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "list.xlsx", [])
    with pytest.raises(UserError, match="Компании, Пустой"):
        read_table(path, "Лист1")


def test_no_header_row_is_a_plain_message(tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text("1;2;3\n4;5;6\n", encoding="utf-8")
    with pytest.raises(UserError, match="No header row found"):
        find_header(read_table(path).rows)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Название организации", "name"),
        ("Наименование", "name"),
        ("Тел.", "phones"),
        ("Телефоны", "phones"),
        ("Контактный телефон", "phones"),
        ("ИНН", "inn"),
        ("Сфера деятельности", "industry"),
        ("Отрасль", "industry"),
        ("Город", "city"),
        ("Контактное лицо", "contact_name"),
        ("Должность", "contact_position"),
        ("E-mail", "email"),
        ("Численность", "staff_band"),
        ("Company name", "name"),
        ("Phone", "phones"),
        ("Примечание", "last_contact_comment"),
        ("Название компании", "name"),
        ("Рабочий телефон", "phones"),
        ("Мобильный телефон", "phones"),
        ("Рабочий e-mail", "email"),
        ("Кол-во сотрудников", "staff_band"),
        ("Ответственный", "expert"),
        ("Менеджер", "expert"),
        ("Дата создания", "listed_on"),
        ("Полное наименование", "name"),
        ("Юр. адрес", "address"),
        ("ОКВЭД", "okved"),
        ("КПП", "kpp"),
        ("ОГРН", "ogrn"),
        ("Статус", "group"),
        ("Дата последнего контакта", "last_contact_on"),
        ("Результат звонка", "last_contact_result"),
        ("Кто звонил", "last_contact_by"),
        ("Клиент с", "client_since"),
        ("Дата последней покупки", "last_purchase_on"),
        ("Сумма покупок", "total_bought"),
        ("Вид упаковки", None),
    ],
)
def test_columns_are_guessed_from_russian_and_english_names(header: str, field: str) -> None:
    assert guess_field(header) == field


def test_a_name_merged_over_two_phone_rows_belongs_to_both(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Наименование", "Телефон", "Город"])
    sheet.append(["ООО Ромашка", "+7 383 353-03-67", "Новосибирск"])
    sheet.append([None, "+7 913 209-72-63", None])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("C2:C3")
    book.save(tmp_path / "merged.xlsx")
    rows = read_table(tmp_path / "merged.xlsx").rows
    assert rows[2] == ["ООО Ромашка", "+7 913 209-72-63", "Новосибирск"]


def test_a_list_over_the_size_limits_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = csv_file(tmp_path / "list.csv", [["ООО Ёлка", "", "83833530367"]] * 5, "utf-8")
    monkeypatch.setattr(sheet, "MAX_ROWS", 3)
    with pytest.raises(UserError, match="too many rows"):
        read_table(path)
    monkeypatch.setattr(table, "MAX_BYTES", 10)
    with pytest.raises(UserError, match="too large"):
        read_table(path)


def test_a_semicolon_file_with_commas_in_quoted_addresses_splits_on_semicolons(
    tmp_path: Path,
) -> None:
    # Russian Excel's "CSV (разделители — точка с запятой)": csv.Sniffer took the comma
    path = tmp_path / "адреса.csv"
    path.write_text(
        "Название;Телефон;Адрес\r\n"
        'ООО Ромашка;+7 383 353-03-67;"630099, г. Новосибирск; ул. Ленина, д. 1, оф. 5"\r\n'
        'ООО Лютик;+7 382 255-01-02;"634050, г. Томск, пр. Мира, д. 5, оф. 2"\r\n'
        'ИП Сидоров;+7 843 222-33-44;"420111, г. Казань, ул. Баумана, д. 3, кв. 1"\r\n',
        encoding="cp1251",
    )
    read = read_table(path)
    assert read.delimiter == ";"
    assert read.rows[1] == [
        "ООО Ромашка", "+7 383 353-03-67", "630099, г. Новосибирск; ул. Ленина, д. 1, оф. 5"
    ]  # fmt: skip
    assert find_header(read.rows).mapping[2] == "address"


def test_a_comma_file_with_semicolons_in_quotes_splits_on_commas(tmp_path: Path) -> None:
    path = tmp_path / "comma.csv"
    path.write_text(
        "Список компаний на 01.12\n"  # a title line above the header
        "Название,Телефон,Примечание\n"
        'ООО Ромашка,+7 383 353-03-67,"звонить после 14; спросить Ивана"\n'
        'ООО Лютик,+7 382 255-01-02,"нет; перезвонить"\n',
        encoding="utf-8",
    )
    read = read_table(path)
    assert read.delimiter == ","
    assert read.rows[2] == ["ООО Ромашка", "+7 383 353-03-67", "звонить после 14; спросить Ивана"]


def test_excels_unicode_text_is_read_as_utf16_with_tabs(tmp_path: Path) -> None:
    # Excel's "Текст Юникод (*.txt)": UTF-16 with its byte-order mark, tab between cells
    path = tmp_path / "база.txt"
    lines = ["Название\tИНН\tТелефон", "ООО «Ёлка»\t7707083893\t+7 383 353-03-67"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    read = read_table(path)
    assert (read.encoding, read.delimiter) == ("utf-16", "\t")
    assert read.rows[1] == ["ООО «Ёлка»", "7707083893", "+7 383 353-03-67"]


def test_a_one_column_list_keeps_the_default_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("Название\nООО Ромашка\nООО Лютик\n", encoding="utf-8")
    read = read_table(path)
    assert read.delimiter == ";" and read.rows[1] == ["ООО Ромашка"]
