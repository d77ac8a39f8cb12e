"""The customer's old base imported with its history: owners matched to people, groups mapped
to our codes, the last contact written as one imported call, former clients marked; the
names and labels that match nothing listed and mappable; undo takes the history away; and
the database refuses imported history written any other way."""

import json
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from dialdesk.cli.main import main
from dialdesk.importing.names import name_key
from dialdesk.services.lists.import_batches import undo_import
from dialdesk.services.lists.import_options import ImportOptions
from dialdesk.services.lists.imports import run_import
from dialdesk.services.shift.card import company_history
from tests.conftest import Logins

OLD_BASE = (
    "Наименование;Телефон;Ответственный;Группа;Дата звонка;Результат;Комментарий;Кто звонил;"
    "Клиент с;Последняя покупка;Сумма покупок\n"
    "ООО Ромашка;+7 383 353-03-67;Анна Петрова;Горячие;05.03.2024 11:20;;ждут КП;Ольга;;;\n"
    "ООО Лютик;+7 383 353-03-68;apetrova;тёплый;;перезвонить в мае;;Ольга;;;\n"
    "ООО Берёза;+7 383 353-03-69;Сидоров;Рынок X;;;не наш профиль;;01.02.2019;15.06.2023;"
    "1 250 000,50\n"
    "ООО Клён;+7 383 353-03-70;;не дозвонились;01.04.2024;;;;;;\n"
)


@pytest.fixture
def expert(logins: Logins) -> int:
    login, _ = logins.add("supervisor", "apetrova")
    with logins._admin.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.people SET full_name = 'Петрова Анна', is_expert = true "
                 "WHERE login = :l"), {"l": login},
        )  # fmt: skip
    return logins.person_id(login)


def _old_base(tmp_path: Path) -> Path:
    path = tmp_path / "старая база.csv"
    path.write_text(OLD_BASE, encoding="cp1251")
    return path


def _companies(db: Engine) -> dict[str, tuple[object, ...]]:
    with db.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT c.name, c.expert_id, o.code, c.is_former_client, c.client_since::text, "
                "c.last_purchase_on::text, c.total_bought::text, c.notes "
                "FROM dialdesk.companies c "
                "LEFT JOIN dialdesk.outcome_definitions o ON o.id = c.current_outcome_id"
            )
        ).all()
    return {r[0]: tuple(r[1:]) for r in rows}


def _imported_calls(db: Engine) -> list[tuple[object, ...]]:
    with db.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text(
                    "SELECT c.name, o.code, to_char(k.started_at AT TIME ZONE 'Europe/Moscow', "
                    "'YYYY-MM-DD HH24:MI'), k.comment, k.imported_who, k.operator_id "
                    "FROM dialdesk.calls k JOIN dialdesk.companies c ON c.id = k.company_id "
                    "JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id "
                    "WHERE k.import_batch_id IS NOT NULL ORDER BY c.name"
                )
            )
        ]


def test_the_old_base_comes_with_owners_groups_history_and_former_clients(
    db: Engine, marketer: Engine, expert: int, tmp_path: Path
) -> None:
    result = run_import(marketer, None, _old_base(tmp_path), ImportOptions("Старая база"))
    assert (result.companies_created, result.history_written, result.groups_set) == (4, 3, 3)
    assert result.experts_matched == 2 and result.former_clients == 1
    assert result.unknown_experts == {"Сидоров": 1}
    assert result.unknown_groups == {"перезвонить в мае": 1, "Рынок X": 1}
    assert _companies(db) == {
        "ООО Ромашка": (expert, "hot", False, None, None, None, None),
        "ООО Лютик": (expert, "warm", False, None, None, None, None),
        "ООО Берёза": (None, None, True, "2019-02-01", "2023-06-15", "1250000.50",
                       "не наш профиль"),
        "ООО Клён": (None, "no_contact", False, None, None, None, None),
    }  # fmt: skip
    # one imported call each, by nobody of ours; undated when the file gave no date
    assert _imported_calls(db) == [
        ("ООО Клён", "no_contact", "2024-04-01 12:00", None, None, None),
        ("ООО Лютик", "warm", None, None, "Ольга", None),
        ("ООО Ромашка", "hot", "2024-03-05 11:20", "ждут КП", "Ольга", None),
    ]
    with db.connect() as conn:  # the card's history says where the contact came from
        company = conn.execute(
            text("SELECT id FROM dialdesk.companies WHERE name = 'ООО Лютик'")
        ).scalar_one()
        history = company_history(conn, company)
    assert [(h.at, h.kind, h.who, h.outcome_code) for h in history] == [
        (None, "imported", "Ольга", "warm")
    ]


def test_names_and_labels_that_match_nothing_are_mapped_by_the_person(
    db: Engine, marketer: Engine, expert: int, tmp_path: Path
) -> None:
    options = ImportOptions(
        "Старая база",
        experts={"Сидоров": "apetrova"},
        groups={"Рынок X": "competitor", "перезвонить в мае": ""},
    )
    result = run_import(marketer, None, _old_base(tmp_path), options)
    assert result.unknown_experts == {} and result.unknown_groups == {}
    assert _companies(db)["ООО Берёза"][:2] == (expert, "competitor")


def test_undo_takes_the_imported_history_and_the_group_it_gave(
    db: Engine, marketer: Engine, expert: int, tmp_path: Path
) -> None:
    with db.begin() as conn:  # a company of ours the old base also knows, with no group yet
        company = conn.execute(
            text("INSERT INTO dialdesk.companies (name, name_key) VALUES ('ООО Клён', :k) "
                 "RETURNING id"), {"k": name_key("ООО Клён")},
        ).scalar_one()  # fmt: skip
        conn.execute(
            text("INSERT INTO dialdesk.phones (company_id, e164) VALUES (:c, '+73833530370')"),
            {"c": company},
        )
    result = run_import(marketer, None, _old_base(tmp_path), ImportOptions("Старая база"))
    assert result.companies_merged == 1 and result.history_written == 3
    assert _companies(db)["ООО Клён"][1] == "no_contact"
    assert result.batch_id is not None
    undo_import(marketer, result.batch_id)
    assert _imported_calls(db) == []
    assert _companies(db) == {"ООО Клён": (None, None, False, None, None, None, None)}


def test_the_command_line_counts_the_history_in_its_json(
    db_dsn: str, expert: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["import", str(_old_base(tmp_path)), "--campaign", "Старая база", "--json",
                 "--expert", "Сидоров=apetrova", "--group", "Рынок X=competitor",
                 "--dsn", db_dsn])  # fmt: skip
    out, _ = capsys.readouterr()
    assert code == 0
    report = json.loads(out)
    assert (report["history_written"], report["groups_set"], report["experts_matched"]) == (
        3, 4, 3
    )  # fmt: skip
    assert report["unknown_experts"] == {}
    assert report["unknown_groups"] == {"перезвонить в мае": 1}
    assert report["former_clients"] == 1


def _refused(engine: Engine, statement: str, params: dict[str, object]) -> str:
    with engine.connect() as conn, pytest.raises(DBAPIError) as caught:
        conn.execute(text(statement), params)
    assert isinstance(caught.value.orig, psycopg.Error)
    return str(caught.value.orig)


HISTORY = (
    "SELECT dialdesk.import_history(:b, ARRAY[:c]::integer[], ARRAY[1]::integer[], "
    "ARRAY[now()]::timestamptz[], ARRAY['']::text[], ARRAY['']::text[], ARRAY[1]::integer[])"
)


def test_the_database_refuses_imported_history_written_any_other_way(
    db: Engine, logins: Logins, marketer: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Наименование;Телефон\nООО Ромашка;+7 383 353-03-67\n", encoding="utf-8")
    mine = run_import(marketer, None, path, ImportOptions("Осень")).batch_id
    with db.begin() as conn:
        stranger = conn.execute(
            text("INSERT INTO dialdesk.companies (name, name_key) VALUES ('Чужая', 'чужая') "
                 "RETURNING id")
        ).scalar_one()  # fmt: skip
        own = conn.execute(
            text("SELECT id FROM dialdesk.companies WHERE import_batch_id = :b"), {"b": mine}
        ).scalar_one()
    other = logins.as_role("marketer")
    assert "history_not_your_import" in _refused(other, HISTORY, {"b": mine, "c": own})
    assert "history_not_this_import" in _refused(marketer, HISTORY, {"b": mine, "c": stranger})
    operator = logins.as_role("operator")
    assert "permission denied" in _refused(operator, HISTORY, {"b": mine, "c": own})
    assert "permission denied" in _refused(
        marketer,
        "INSERT INTO dialdesk.calls (client_id, company_id, outcome_id, import_batch_id) "
        "VALUES (gen_random_uuid(), :c, 1, :b)",
        {"b": mine, "c": own},
    )
    assert mine is not None
    undo_import(marketer, mine)
    assert "history_not_your_import" in _refused(marketer, HISTORY, {"b": mine, "c": own})
