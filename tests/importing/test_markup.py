"""Lists that are markup under a spreadsheet's name: a web CRM's "Export to Excel" (an HTML
table saved as .xls) and Excel 2003 XML, read with the same header detection as any list."""

from pathlib import Path

import pytest

from dialdesk.errors import UserError
from dialdesk.importing.columns import find_header, guess_field
from dialdesk.importing.table import read_table

CRM_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Экспорт</title><style>td {{ mso-number-format: "\\@"; }}</style></head>
<body><table border="1">
<tr><td colspan="4"><b>Компании на 01.12.2026</b></td></tr>
<tr><th>Название компании</th><th>Рабочий телефон</th><th>Адрес</th><th>Город</th></tr>
<tr><td rowspan="2">ООО &laquo;Ромашка&raquo; &amp; сыновья</td><td>+7 383 353-03-67</td>
    <td>ул.&nbsp;Ленина,<br>д. 1</td><td rowspan="2">Новосибирск</td></tr>
<tr><td>+7 913 209-72-63</td><td>ул. Мира, 2</td></tr>
<tr><td>ИП   Сидоров
  Пётр</td><td>8 (843) 222-33-44<td>&#1050;азань, пр. Победы<td>Казань
</table>{tail}</body></html>"""


def _page(path: Path, tail: str = "", encoding: str = "cp1251") -> Path:
    path.write_bytes(CRM_PAGE.format(tail=tail).encode(encoding))
    return path


def test_a_crm_export_that_is_an_html_page_reads_as_a_table(tmp_path: Path) -> None:
    table = read_table(_page(tmp_path / "export.xls"))
    assert table.encoding == "cp1251" and table.delimiter is None
    assert table.rows == [
        ["Компании на 01.12.2026"] * 4,
        ["Название компании", "Рабочий телефон", "Адрес", "Город"],
        ["ООО «Ромашка» & сыновья", "+7 383 353-03-67", "ул. Ленина,\nд. 1", "Новосибирск"],
        ["ООО «Ромашка» & сыновья", "+7 913 209-72-63", "ул. Мира, 2", "Новосибирск"],
        ["ИП Сидоров Пётр", "8 (843) 222-33-44", "Казань, пр. Победы", "Казань"],
    ]
    header = find_header(table.rows)
    assert header.row_index == 1
    assert [guess_field(h) for h in table.rows[1]] == ["name", "phones", "address", "city"]


def test_the_charset_the_page_declares_can_be_overruled(tmp_path: Path) -> None:
    page = tmp_path / "export.html"
    page.write_bytes(CRM_PAGE.format(tail="").replace("windows-1251", "utf-8").encode("cp1251"))
    with pytest.raises(UserError, match="cannot be read as utf-8"):
        read_table(page)
    assert read_table(page, encoding="cp1251").rows[1][0] == "Название компании"


def test_a_page_without_a_charset_is_read_as_its_bytes_look(tmp_path: Path) -> None:
    page = tmp_path / "export.xls"
    page.write_bytes(
        "<table><tr><td>Наименование</td><td>Телефон</td></tr></table>".encode("cp1251")
    )
    assert read_table(page).rows == [["Наименование", "Телефон"]]
    page.write_bytes("\ufeff<table><tr><td>Ёлка</td></tr></table>".encode("utf-16"))
    assert read_table(page).rows == [["Ёлка"]]


def test_several_tables_are_sheets_and_the_longest_is_read_first(tmp_path: Path) -> None:
    tail = "<table><tr><td>Итого</td><td>3</td></tr></table>"
    table = read_table(_page(tmp_path / "export.xls", tail))
    assert table.sheets == ("export 1", "export 2") and table.sheet == "export 1"
    assert read_table(tmp_path / "export.xls", "export 2").rows == [["Итого", "3"]]
    with pytest.raises(UserError, match="no sheet 'Лист1'; its sheets are: export 1, export 2"):
        read_table(tmp_path / "export.xls", "Лист1")


def test_a_table_inside_a_cell_adds_nothing_to_the_cell(tmp_path: Path) -> None:
    page = tmp_path / "layout.htm"
    page.write_text(
        "<table><tr><td>Наименование<table><tr><td>меню</td></tr></table></td>"
        "<td>Телефон</td></tr><tr><td>ООО Ёлка</td><td>83833530367</td></tr></table>"
        "<script>var t = '<table><tr><td>x</td></tr></table>';</script>",
        encoding="utf-8",
    )
    table = read_table(page)
    assert table.rows == [["Наименование", "Телефон"], ["ООО Ёлка", "83833530367"]]
    assert table.sheets == ("layout 1", "layout 2")


def test_a_page_with_no_table_gets_a_plain_message(tmp_path: Path) -> None:
    page = tmp_path / "error.xls"
    page.write_text("<html><body>Сессия истекла, войдите снова</body></html>", encoding="utf-8")
    with pytest.raises(UserError, match="holds no table"):
        read_table(page)


def test_a_huge_colspan_does_not_build_a_huge_row(tmp_path: Path) -> None:
    page = tmp_path / "span.html"
    page.write_text('<table><tr><td colspan="99999999">Заголовок</td></tr></table>')
    assert len(read_table(page).rows[0]) == 1000


SPREADSHEET_2003 = """<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <Worksheet ss:Name="Сводка"><Table><Row><Cell><Data ss:Type="String">Итого</Data></Cell>
 </Row></Table></Worksheet>
 <Worksheet ss:Name="Клиенты"><Table>
  <Row><Cell ss:MergeAcross="2"><Data ss:Type="String">Выгрузка из 1С</Data></Cell></Row>
  <Row ss:Index="3"><Cell><Data ss:Type="String">Полное наименование</Data></Cell>
   <Cell><Data ss:Type="String">ИНН</Data></Cell><Cell><Data ss:Type="String">Телефон</Data></Cell>
   <Cell><Data ss:Type="String">Дата создания</Data></Cell></Row>
  <Row><Cell ss:MergeDown="1"><Data ss:Type="String"><html:B>ООО Ромашка</html:B></Data></Cell>
   <Cell><Data ss:Type="Number">7707083893</Data></Cell>
   <Cell><Data ss:Type="Number">89132097263</Data></Cell>
   <Cell><Data ss:Type="DateTime">2024-03-01T00:00:00.000</Data></Cell></Row>
  <Row><Cell ss:Index="3"><Data ss:Type="String">+7 383 353-03-67</Data></Cell>
   <Cell><Data ss:Type="DateTime">2024-03-02T14:30:00.000</Data></Cell></Row>
 </Table></Worksheet>
</Workbook>"""


def test_an_excel_2003_xml_spreadsheet_reads_its_sheets_and_merges(tmp_path: Path) -> None:
    path = tmp_path / "1c.xml"
    path.write_text(SPREADSHEET_2003, encoding="utf-8")
    first = read_table(path)
    assert first.sheets == ("Сводка", "Клиенты") and first.rows == [["Итого"]]
    table = read_table(path, "Клиенты")
    assert table.rows == [
        ["Выгрузка из 1С"] * 3,
        [],
        ["Полное наименование", "ИНН", "Телефон", "Дата создания"],
        ["ООО Ромашка", "7707083893", "89132097263", "2024-03-01"],
        ["ООО Ромашка", "", "+7 383 353-03-67", "2024-03-02 14:30"],
    ]
    assert [guess_field(h) for h in table.rows[2]][:3] == ["name", "inn", "phones"]
    named_xls = tmp_path / "1c.xls"
    named_xls.write_text(SPREADSHEET_2003, encoding="utf-8")
    assert read_table(named_xls, "Клиенты").rows == table.rows


def test_a_broken_xml_spreadsheet_is_damaged_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "1c.xls"
    path.write_text(SPREADSHEET_2003[:900], encoding="utf-8")
    with pytest.raises(UserError, match="damaged or not a spreadsheet"):
        read_table(path)


def test_an_entity_bomb_is_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
        + ']><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet>'
        "<Table><Row><Cell><Data>&i;</Data></Cell></Row></Table></Worksheet></Workbook>"
    )
    path = tmp_path / "bomb.xml"
    path.write_text(bomb, encoding="utf-8")
    with pytest.raises(UserError, match="damaged or not a spreadsheet"):
        read_table(path)


def test_tab_separated_text_saved_as_xls_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "выгрузка.xls"
    path.write_bytes("Наименование\tТелефон\r\nООО Ёлка\t83833530367\r\n".encode("utf-16"))
    table = read_table(path)
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert table.rows == [["Наименование", "Телефон"], ["ООО Ёлка", "83833530367"]]


def test_an_xml_spreadsheet_in_windows_1251_or_an_unknown_encoding(tmp_path: Path) -> None:
    head = '<?xml version="1.0" encoding="{}"?><Workbook xmlns="{}"><Worksheet><Table><Row>'
    body = "<Cell><Data>Привет</Data></Cell></Row></Table></Worksheet></Workbook>"
    path = tmp_path / "1c.xml"
    namespace = "urn:schemas-microsoft-com:office:spreadsheet"
    path.write_bytes((head.format("windows-1251", namespace) + body).encode("cp1251"))
    assert read_table(path).rows == [["Привет"]]
    path.write_bytes((head.format("x-unknown", namespace) + body).encode("cp1251"))
    with pytest.raises(UserError, match="damaged or not a spreadsheet"):
        read_table(path)
