"""Matched companies brought up to date: empty fields filled by default, chosen fields
overwritten, the trial run counting per field what would change, and every change in the
audit log."""

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from dialdesk.importing.names import name_key
from dialdesk.services.lists.import_options import ImportOptions
from dialdesk.services.lists.imports import run_import

LIST = (
    "Название компании;ИНН;КПП;Телефон;Сфера деятельности;Город;Кол-во сотрудников\n"
    "ООО Ромашка;7707083893;773601001;+7 383 353-03-67;Торговля;Новосибирск;50-100\n"
    "ООО Лютик;;;+7 383 353-03-68;Стройка;Казань;\n"
)


@pytest.fixture
def base(db: Engine) -> dict[str, int]:
    """Two companies of ours the list matches by phone: one knows its industry already."""
    made = {}
    with db.begin() as conn:
        for name, industry, phone in (
            ("ООО Ромашка", None, "+73833530367"),
            ("ООО Лютик", "Старая отрасль", "+73833530368"),
        ):
            made[name] = conn.execute(
                text("INSERT INTO dialdesk.companies (name, name_key, industry, city) "
                     "VALUES (:n, :k, :i, NULL) RETURNING id"),
                {"n": name, "k": name_key(name), "i": industry},
            ).scalar_one()  # fmt: skip
            conn.execute(
                text("INSERT INTO dialdesk.phones (company_id, e164) VALUES (:c, :p)"),
                {"c": made[name], "p": phone},
            )
    return made


def _fields(db: Engine) -> dict[str, tuple[object, ...]]:
    with db.connect() as conn:
        rows = conn.execute(
            text("SELECT name, inn, kpp, industry, city, staff_band FROM dialdesk.companies")
        ).all()
    return {r[0]: tuple(r[1:]) for r in rows}


def _list(tmp_path: Path) -> Path:
    path = tmp_path / "crm.csv"
    path.write_text(LIST, encoding="utf-8")
    return path


def test_empty_fields_of_matched_companies_are_filled_and_nothing_overwritten(
    db: Engine, marketer: Engine, base: dict[str, int], tmp_path: Path
) -> None:
    trial = run_import(marketer, None, _list(tmp_path), ImportOptions("CRM", dry_run=True))
    assert trial.companies_merged == 2 and trial.companies_created == 0
    assert trial.fields_updated == {
        "inn": 1, "industry": 1, "city": 2, "staff_band": 1, "kpp": 1
    }  # fmt: skip
    assert _fields(db)["ООО Ромашка"] == (None, None, None, None, None)  # the trial wrote nothing
    result = run_import(marketer, None, _list(tmp_path), ImportOptions("CRM"))
    assert result.fields_updated == trial.fields_updated
    assert _fields(db) == {
        "ООО Ромашка": ("7707083893", "773601001", "Торговля", "Новосибирск", "50-100"),
        "ООО Лютик": (None, None, "Старая отрасль", "Казань", None),
    }
    with db.connect() as conn:
        audited = conn.execute(
            text("SELECT old_row->>'industry', new_row->>'industry' FROM dialdesk.audit_log "
                 "WHERE table_name = 'companies' AND action = 'UPDATE' AND row_id = :id"),
            {"id": str(base["ООО Ромашка"])},
        ).all()  # fmt: skip
    assert [tuple(a) for a in audited] == [(None, "Торговля")]


def test_chosen_fields_are_overwritten_with_the_files_values(
    db: Engine, marketer: Engine, base: dict[str, int], tmp_path: Path
) -> None:
    options = ImportOptions("CRM", overwrite=frozenset({"industry"}), dry_run=True)
    trial = run_import(marketer, None, _list(tmp_path), options)
    assert trial.fields_updated["industry"] == 2
    run_import(marketer, None, _list(tmp_path), ImportOptions("CRM", overwrite=options.overwrite))
    assert _fields(db)["ООО Лютик"][2] == "Стройка"
    again = run_import(marketer, None, _list(tmp_path), ImportOptions("CRM", dry_run=True))
    assert again.fields_updated == {}  # up to date: nothing left to change


def test_a_row_whose_inn_another_company_holds_updates_that_one(
    db: Engine, marketer: Engine, base: dict[str, int], tmp_path: Path
) -> None:
    with db.begin() as conn:
        conn.execute(
            text("INSERT INTO dialdesk.companies (name, name_key, inn, city) "
                 "VALUES ('ООО Другая', 'другая', '7707083893', 'Омск')")
        )  # fmt: skip
    result = run_import(marketer, None, _list(tmp_path), ImportOptions("CRM"))
    assert "inn" not in result.fields_updated  # the INN matched: it is never given twice
    assert _fields(db)["ООО Ромашка"][0] is None
    assert _fields(db)["ООО Другая"] == ("7707083893", "773601001", "Торговля", "Омск", "50-100")
