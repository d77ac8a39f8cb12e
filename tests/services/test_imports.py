"""Importing a list into a real base: what is created, merged, flagged and refused; dry run,
cancel, undo, templates and the rights of each role."""

import gc
import json
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from dialdesk.cli.main import main
from dialdesk.errors import UserError
from dialdesk.importing.names import name_key
from dialdesk.importing.rows import Cancelled
from dialdesk.services.lists.do_not_call import load_do_not_call
from dialdesk.services.lists.import_batches import list_batches, undo_import
from dialdesk.services.lists.import_options import ImportOptions
from dialdesk.services.lists.import_templates import load_template, save_template
from dialdesk.services.lists.imports import run_import
from tests.conftest import Logins
from tests.importing.files import xlsx

ROWS: list[list[object]] = [
    ["ООО Ромашка", "7707083893", "8 (383) 353-03-67 доб. 12; +7 913 209-72-63", "Торговля",
     "Новосибирск", "Иванов Иван", "Директор"],
    ["Ромашка", None, 89132097263, None, "Новосибирск", "Петров Пётр", "Снабженец"],
    [None, None, "+7 495 123-45-67", None, "Москва"],
    ["ИП Сидоров", None, "353-03-67", None, "Казань"],
    [],
    ["ООО Берёза", None, "+7 (843) 222-33-44", "Стройка", "Казань", "=HYPERLINK(\"x\")"],
]  # fmt: skip


def _count(db: Engine, table: str, where: str = "true") -> int:
    with db.connect() as conn:
        return int(
            conn.execute(text(f"SELECT count(*) FROM dialdesk.{table} WHERE {where}")).scalar_one()
        )


def _existing(db: Engine, name: str, inn: str | None, phone: str, city: str) -> int:
    with db.begin() as conn:
        company = conn.execute(
            text(
                "INSERT INTO dialdesk.companies (name, name_key, inn, city, industry) "
                "VALUES (:n, :key, :inn, :city, 'Старая отрасль') RETURNING id"
            ),
            {"n": name, "key": name_key(name), "inn": inn, "city": city},
        ).scalar_one()
        conn.execute(
            text("INSERT INTO dialdesk.phones (company_id, e164) VALUES (:c, :p)"),
            {"c": company, "p": phone},
        )
    return int(company)


def test_a_list_becomes_clean_companies_in_one_import(
    db: Engine, marketer: Engine, tmp_path: Path
) -> None:
    path = xlsx(tmp_path / "выставка.xlsx", ROWS)
    result = run_import(marketer, None, path, ImportOptions("Выставка", source="Выставка 2026"))
    assert (result.rows_read, result.companies_created, result.companies_merged) == (5, 2, 0)
    assert (result.duplicates_in_file, result.rows_rejected) == (1, 2)
    assert (result.phones_valid, result.phones_invalid, result.entries_added) == (4, 1, 2)
    assert result.campaign_created and result.batch_id is not None
    with db.connect() as conn:
        phones = conn.execute(
            text(
                "SELECT p.e164, p.extension, p.time_zone FROM dialdesk.phones p "
                "JOIN dialdesk.companies c ON c.id = p.company_id "
                "WHERE c.inn = '7707083893' ORDER BY p.id"
            )
        ).all()
        assert [tuple(p) for p in phones] == [
            ("+73833530367", "12", "Asia/Novosibirsk"),
            ("+79132097263", None, "Europe/Moscow"),
        ]
        people = conn.execute(
            text("SELECT full_name FROM dialdesk.contact_persons ORDER BY id")
        ).scalars()
        assert list(people) == ["Иванов Иван", "Петров Пётр", '=HYPERLINK("x")']
        assert (
            conn.execute(text("SELECT DISTINCT source FROM dialdesk.companies")).scalar()
            == "Выставка 2026"
        )
    batch = list_batches(db)[0]
    assert (batch.rows_read, batch.companies_created, batch.rows_rejected) == (5, 2, 2)
    assert batch.campaign == "Выставка"


def test_two_lists_imported_at_once_each_get_their_own_companies(
    db: Engine, marketer: Engine, tmp_path: Path
) -> None:
    # each staged company takes its id from the companies' sequence as it is staged: two
    # imports meeting never hand out one id twice, and the companies they match leave gaps
    lists = {
        name: xlsx(
            tmp_path / f"{name}.xlsx",
            [
                [f"ООО {name} {n}", None, f"+7 383 {first}{n:02}-00-00", None, "Новосибирск"]
                for n in range(60)
            ],
        )
        for name, first in (("Север", 2), ("Юг", 3))
    }
    results: dict[str, object] = {}
    start = threading.Barrier(2)

    def work(name: str) -> None:
        start.wait(5)
        try:
            results[name] = run_import(marketer, None, lists[name], ImportOptions(name))
        except Exception as error:  # told below, not lost
            results[name] = error

    threads = [threading.Thread(target=work, args=(name,)) for name in lists]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    created = {name: getattr(r, "companies_created", r) for name, r in results.items()}
    assert created == {"Север": 60, "Юг": 60}
    with db.connect() as conn:
        by_campaign = conn.execute(
            text(
                "SELECT k.name, count(*), count(DISTINCT c.id) FROM dialdesk.campaign_entries e "
                "JOIN dialdesk.campaigns k ON k.id = e.campaign_id "
                "JOIN dialdesk.companies c ON c.id = e.company_id "
                "WHERE c.name LIKE 'ООО ' || k.name || ' %' GROUP BY k.name ORDER BY k.name"
            )
        ).all()
    assert [tuple(r) for r in by_campaign] == [("Север", 60, 60), ("Юг", 60, 60)]
    # the list again: every row matches, nothing is created, the ids it staged are not used
    again = run_import(marketer, None, lists["Юг"], ImportOptions("Юг"))
    assert (again.companies_created, again.companies_merged) == (0, 60)
    assert _count(db, "companies") == 120


def test_an_import_hands_the_cycle_collector_back_as_it_found_it(
    marketer: Engine, tmp_path: Path
) -> None:
    path = xlsx(tmp_path / "list.xlsx", ROWS)
    assert gc.isenabled()
    during: set[bool] = set()
    run_import(
        marketer,
        None,
        path,
        ImportOptions("Выставка"),
        progress=lambda stage, done, total: during.add(gc.isenabled()),
    )
    assert during == {False}  # held off while the rows are read, cleaned and written
    assert gc.isenabled()
    with pytest.raises(UserError):
        run_import(marketer, None, tmp_path / "нет такого.xlsx", ImportOptions("Выставка"))
    assert gc.isenabled()


def test_the_rejected_rows_file_holds_each_row_its_number_and_reason(
    marketer: Engine, tmp_path: Path
) -> None:
    path = xlsx(tmp_path / "list.xlsx", [*ROWS, ["=cmd|' /C calc'!A0", None, "нет"]])
    result = run_import(marketer, None, path, ImportOptions("Выставка"))
    assert result.rejects_file == tmp_path / "list - rejected rows.xlsx"
    sheet = load_workbook(result.rejects_file).active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:5] == ["Row", "Imported", "Reason", "Наименование", "ИНН"]
    assert rows[1][:3] == [6, "no", "No company name."]
    assert rows[2][:4] == [
        7, "no", "No valid phone (353-03-67) and no e-mail or website.", "ИП Сидоров"
    ]  # fmt: skip
    assert rows[3][3] == "=cmd|' /C calc'!A0"
    assert sheet["D4"].data_type == "s"  # kept as text, never a formula
    assert sheet.freeze_panes == "A2"


def test_the_rejected_rows_file_speaks_the_readers_language(
    marketer: Engine, tmp_path: Path
) -> None:
    russian = {
        "Row": "Строка", "Reason": "Причина", "No company name.": "Нет названия компании.",
        "rejected rows": "отклонённые строки", "Rejected rows": "Отклонённые строки",
        "Imported": "Импортирована", "no": "нет",
    }  # fmt: skip
    options = ImportOptions("Выставка", translate=lambda t: russian.get(t, t))
    result = run_import(marketer, None, xlsx(tmp_path / "list.xlsx", ROWS), options)
    assert result.rejects_file == tmp_path / "list - отклонённые строки.xlsx"
    book = load_workbook(result.rejects_file)
    sheet = book.active
    assert sheet is not None and book.sheetnames == ["Отклонённые строки"]
    assert [sheet["A1"].value, sheet["B1"].value, sheet["C1"].value, sheet["C2"].value] == [
        "Строка", "Импортирована", "Причина", "Нет названия компании."
    ]  # fmt: skip


def test_a_32000_character_name_is_cut_not_a_crash(marketer: Engine, tmp_path: Path) -> None:
    """Seen: one such cell beside a normal row opened the crash dialog and imported nothing."""
    long_name = "ООО " + "Торговый дом " * 2460
    rows = [ROWS[0], [long_name, None, "+7 495 765-43-21"], ["ООО Обычная", None, "+74957654322"]]
    result = run_import(
        marketer, None, xlsx(tmp_path / "list.xlsx", rows), ImportOptions("Длинные")
    )
    assert (result.companies_created, result.rows_rejected, result.rows_changed) == (3, 0, 1)
    with marketer.connect() as conn:
        names = conn.execute(text("SELECT name FROM dialdesk.companies ORDER BY id")).scalars()
        assert [len(n) <= 500 for n in names] == [True, True, True]
    assert result.rejects_file is not None
    sheet = load_workbook(result.rejects_file).active
    assert sheet is not None
    assert sheet["B2"].value == "yes" and "cut to its first 500" in sheet["C2"].value


def test_duplicates_merge_into_the_base_without_overwriting(
    db: Engine, marketer: Engine, tmp_path: Path
) -> None:
    by_inn = _existing(db, "Ромашка старая", "7707083893", "+74950000001", "Новосибирск")
    by_phone = _existing(db, "Берёза", None, "+78432223344", "Казань")
    by_name = _existing(db, "ООО Клён", None, "+74950000003", "Москва")
    rows = [
        ["ООО Ромашка", "7707083893", "+7 383 353-03-67", "Торговля", "Новосибирск"],
        ["ООО Берёза-Строй", None, "8 843 222 33 44; +7 843 222-33-55", None, "Казань"],
        ["ООО Клён", None, "+7 495 000-00-04", None, "Москва", "Клёнов К.К."],
        ["ООО Клён", None, "+7 495 000-00-05", None, "Тула"],
    ]
    result = run_import(marketer, None, xlsx(tmp_path / "l.xlsx", rows), ImportOptions("Осень"))
    assert (result.companies_merged, result.companies_created) == (3, 1)
    with db.connect() as conn:
        kept = conn.execute(
            text("SELECT name, industry FROM dialdesk.companies WHERE id = :c"), {"c": by_inn}
        ).one()
    assert tuple(kept) == ("Ромашка старая", "Старая отрасль")  # nothing overwritten
    assert _count(db, "phones", f"company_id = {by_inn}") == 2
    assert _count(db, "phones", f"company_id = {by_phone}") == 2  # one new number added
    assert _count(db, "contact_persons", f"company_id = {by_name}") == 1
    assert _count(db, "campaign_entries") == 4  # each company in the campaign once
    again = run_import(marketer, None, xlsx(tmp_path / "l.xlsx", rows), ImportOptions("Осень"))
    assert (again.companies_created, again.entries_added) == (0, 0)
    assert _count(db, "campaign_entries") == 4 and _count(db, "phones") == 7


def test_do_not_call_numbers_are_flagged(db: Engine, marketer: Engine, tmp_path: Path) -> None:
    with db.begin() as conn:
        conn.execute(text("INSERT INTO dialdesk.do_not_call (e164) VALUES ('+78432223344')"))
    result = run_import(marketer, None, xlsx(tmp_path / "l.xlsx", ROWS), ImportOptions("Осень"))
    assert result.phones_do_not_call == 1


def test_a_dry_run_reports_and_writes_nothing(db: Engine, marketer: Engine, tmp_path: Path) -> None:
    result = run_import(
        marketer, None, xlsx(tmp_path / "l.xlsx", ROWS), ImportOptions("Осень", dry_run=True)
    )
    assert (result.companies_created, result.rows_rejected, result.batch_id) == (2, 2, None)
    for table in ("companies", "phones", "campaigns", "import_batches", "campaign_entries"):
        assert _count(db, table) == 0, table


def test_cancel_leaves_the_database_untouched(db: Engine, marketer: Engine, tmp_path: Path) -> None:
    stages: list[str] = []

    def cancelled() -> bool:
        return "write" in stages

    def progress(stage: str, done: int, total: int) -> None:
        stages.append(stage)

    with pytest.raises(Cancelled):
        run_import(
            marketer,
            None,
            xlsx(tmp_path / "l.xlsx", ROWS),
            ImportOptions("Осень"),
            progress=progress,
            cancelled=cancelled,
        )
    for table in ("companies", "phones", "campaigns", "import_batches"):
        assert _count(db, table) == 0, table


def test_undo_takes_away_everything_the_import_added_that_nobody_called(
    db: Engine, marketer: Engine, tmp_path: Path
) -> None:
    old = _existing(db, "Берёза", None, "+78432223344", "Казань")
    rows = [*ROWS, ["Берёза", None, "+7 843 222-33-44, +7 843 999-99-99", None, "Казань"]]
    first = run_import(marketer, None, xlsx(tmp_path / "l.xlsx", rows), ImportOptions("Осень"))
    assert first.batch_id is not None
    undone = undo_import(marketer, first.batch_id)
    assert (undone.companies_removed, undone.phones_removed) == (1, 3)
    assert not undone.kept_anything
    assert _count(db, "companies") == 1 and _count(db, "phones") == 1  # the old one stays
    assert _count(db, "campaign_entries") == 0
    with pytest.raises(UserError, match="already been undone"):
        undo_import(marketer, first.batch_id)
    # the next import merges a row into the old company, which is then called: its new
    # company and the number it added still go; the old company's entry, with its call, stays
    second = run_import(marketer, None, xlsx(tmp_path / "l.xlsx", rows), ImportOptions("Осень"))
    assert second.batch_id is not None
    with db.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.calls (client_id, entry_id, company_id, operator_id, "
                "started_at, ended_at, outcome_id) SELECT gen_random_uuid(), e.id, :c, "
                "(SELECT min(id) FROM dialdesk.people), now(), now(), "
                "(SELECT min(id) FROM dialdesk.outcome_definitions) "
                "FROM dialdesk.campaign_entries e WHERE e.company_id = :c"
            ),
            {"c": old},
        )
    undone = undo_import(marketer, second.batch_id)
    assert (undone.companies_removed, undone.phones_removed, undone.entries_removed) == (1, 3, 1)
    assert (undone.companies_kept, undone.entries_kept) == (0, 1)
    assert _count(db, "companies") == 1 and _count(db, "phones") == 1
    assert _count(db, "calls") == 1 and _count(db, "campaign_entries") == 1


def test_nobody_deletes_companies_with_plain_sql(db: Engine, logins: Logins) -> None:
    _existing(db, "Берёза", None, "+78432223344", "Казань")
    for role in ("operator", "supervisor", "marketer", "admin"):
        engine = logins.as_role(role)
        for table in ("companies", "phones", "contact_persons"):
            with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
                conn.execute(text(f"DELETE FROM dialdesk.{table}"))
    assert _count(db, "companies") == 1 and _count(db, "phones") == 1


def test_a_saved_template_maps_unusual_headers(
    db: Engine, marketer: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(
        "Фирма;Номер для связи;Где\nООО Ромашка;+7 383 353-03-67;Новосибирск\n", encoding="utf-8"
    )
    save_template(
        marketer, "2ГИС", ["Фирма", "Номер для связи", "Где"], {0: "name", 1: "phones", 2: "city"}
    )
    assert load_template(marketer, "2ГИС") == {
        "Фирма": "name", "Номер для связи": "phones", "Где": "city"
    }  # fmt: skip
    result = run_import(marketer, None, path, ImportOptions("Осень", template="2ГИС"))
    assert (result.companies_created, result.rows_rejected) == (1, 0)
    with pytest.raises(UserError, match="no import template"):
        run_import(marketer, None, path, ImportOptions("Осень", template="нет такого"))


def test_operators_may_not_import(logins: Logins, db: Engine, tmp_path: Path) -> None:
    operator = logins.as_role("operator")
    with pytest.raises(UserError, match="refused"):
        run_import(operator, None, xlsx(tmp_path / "l.xlsx", ROWS), ImportOptions("Осень"))
    assert _count(db, "companies") == 0


def test_command_line_import_prints_one_json_object(
    db_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = xlsx(tmp_path / "l.xlsx", ROWS)
    code = main(["import", str(path), "--campaign", "Осень", "--json", "--dsn", db_dsn])
    out, _ = capsys.readouterr()
    assert code == 0
    report = json.loads(out)
    for key in ("rows_read", "companies_created", "companies_merged", "phones_valid",
                "phones_invalid", "rows_rejected", "rejects_file", "seconds"):  # fmt: skip
        assert key in report
    assert (report["companies_created"], report["rows_rejected"]) == (2, 2)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    code = main(["import", str(empty), "--campaign", "Осень", "--dsn", db_dsn])
    _, err = capsys.readouterr()
    assert code == 1 and "is empty" in err


def test_a_do_not_call_list_is_loaded_from_its_phone_column(
    db: Engine, marketer: Engine, tmp_path: Path
) -> None:
    _existing(db, "Берёза", None, "+78432223344", "Казань")
    path = tmp_path / "stop.csv"
    path.write_text(
        "Отказники;Телефон\nООО Берёза;8 (843) 222-33-44\nИП Петров;+7 913 209-72-63, 12-34\n"
        "ИП Иванов;89132097263\n",
        encoding="cp1251",
    )
    result = load_do_not_call(marketer, None, path, "просили не звонить")
    assert (result.numbers_found, result.numbers_added, result.invalid) == (2, 2, 0)
    assert result.companies_affected == 1
    again = load_do_not_call(marketer, None, path)
    assert again.numbers_added == 0
    assert _count(db, "do_not_call") == 2
    empty = tmp_path / "words.csv"
    empty.write_text("Имя\nПётр\n", encoding="utf-8")
    with pytest.raises(UserError, match="No phone numbers found"):
        load_do_not_call(marketer, None, empty)


def test_command_line_do_not_call(
    db_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stop.csv"
    path.write_text("Телефон\n+7 843 222-33-44\n", encoding="utf-8")
    code = main(["do-not-call", str(path), "--json", "--dsn", db_dsn])
    out, _ = capsys.readouterr()
    assert code == 0 and json.loads(out)["numbers_added"] == 1


def test_a_header_only_file_writes_nothing(marketer: Engine, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "empty.xlsx", [])
    with pytest.raises(UserError, match="no rows under its header"):
        run_import(marketer, None, path, ImportOptions("Пустая"))
    with marketer.connect() as conn:
        batches = conn.execute(text("SELECT count(*) FROM dialdesk.import_batches")).scalar()
        campaigns = conn.execute(
            text("SELECT count(*) FROM dialdesk.campaigns WHERE name = 'Пустая'")
        ).scalar()
    assert (batches, campaigns) == (0, 0)


def test_three_phone_columns_give_three_phones(
    db: Engine, marketer: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "crm.csv"
    path.write_text(
        "Название компании;Телефон;Мобильный;Телефон\n"
        "ООО Ромашка;+7 383 353-03-67;+7 913 209-72-63;+7 383 353-03-68\n",
        encoding="utf-8",
    )
    result = run_import(marketer, None, path, ImportOptions("CRM"))
    assert (result.companies_created, result.phones_valid) == (1, 3)
    with db.connect() as conn:
        phones = conn.execute(text("SELECT e164, kind FROM dialdesk.phones ORDER BY e164")).all()
    assert [tuple(p) for p in phones] == [
        ("+73833530367", "work"), ("+73833530368", "work"), ("+79132097263", "mobile")
    ]  # fmt: skip


def test_a_crm_export_saved_as_html_imports_in_the_service_and_the_command(
    db: Engine, db_dsn: str, marketer: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "export.xls"
    page.write_bytes(
        '<html><head><meta charset="windows-1251"></head><body><table>'
        "<tr><th>Название компании</th><th>Рабочий телефон</th><th>Мобильный телефон</th></tr>"
        "<tr><td>ООО &laquo;Ёлка&raquo;</td><td>+7 383 353-03-67</td><td>8 913 209 72 63</td>"
        "</tr></table></body></html>".encode("cp1251")
    )
    result = run_import(marketer, None, page, ImportOptions("CRM"))
    assert (result.companies_created, result.phones_valid) == (1, 2)
    with db.connect() as conn:
        assert conn.execute(text("SELECT name FROM dialdesk.companies")).scalar() == "ООО «Ёлка»"
    sheet = tmp_path / "1c.xml"
    sheet.write_text(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"'
        ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Лист1">'
        '<Table><Row><Cell><Data ss:Type="String">Наименование</Data></Cell>'
        '<Cell><Data ss:Type="String">Телефон</Data></Cell></Row>'
        '<Row><Cell><Data ss:Type="String">ИП Берёзкин</Data></Cell>'
        '<Cell><Data ss:Type="Number">84952223344</Data></Cell></Row></Table></Worksheet>'
        "</Workbook>",
        encoding="utf-8",
    )
    code = main(["import", str(sheet), "--campaign", "1С", "--json", "--dsn", db_dsn])
    out, _ = capsys.readouterr()
    assert code == 0 and json.loads(out)["companies_created"] == 1
