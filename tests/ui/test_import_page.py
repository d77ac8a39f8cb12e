"""The import wizard driven with the keyboard and its widgets, against a real database."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from dialdesk.services.lists.import_templates import save_template
from dialdesk.services.people.login import log_in
from dialdesk.ui.marketer.import_page import CAMPAIGN, COLUMNS, FILE, RUN, ImportPage
from tests.conftest import Logins
from tests.importing.files import xlsx

ROWS: list[list[object]] = [
    ["ООО Ромашка", "7707083893", "8 (383) 353-03-67 доб. 12", "Торговля", "Новосибирск"],
    ["ООО Лютик", None, 89132097263, None, "Томск", "Петров", "Директор"],
    ["ИП Сидоров", None, "353-03-67", None, "Казань"],
]


@pytest.fixture
def page(qtbot: QtBot, db_dsn: str, logins: Logins):
    login, password = logins.add("marketer")
    session = log_in(db_dsn, login, password)
    widget = ImportPage(session)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    yield widget
    widget._background.wait()
    widget._side.wait()
    session.engine.dispose()


def _choose(qtbot: QtBot, page: ImportPage, path: Path) -> None:
    page.ui.file_edit.setText(str(path))
    with qtbot.waitSignal(page.previewed, timeout=10000):
        page.ui.file_edit.editingFinished.emit()


def test_a_list_goes_through_the_four_steps(
    qtbot: QtBot, page: ImportPage, tmp_path: Path, db: Engine
) -> None:
    _choose(qtbot, page, xlsx(tmp_path / "list.xlsx", ROWS))
    assert page.ui.sheet_combo.currentText() == "Компании"
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.step() == COLUMNS
    assert page.mapping() == {
        0: "name", 1: "inn", 2: "phones", 3: "industry", 4: "city", 5: "contact_name",
        6: "contact_position",
    }  # fmt: skip
    assert page.ui.preview_table.item(0, 0).text() == "ООО Ромашка"
    assert page.ui.preview_table.item(1, 2).text() == "89132097263"  # a number, read whole
    page.set_field(3, None)  # the industry is not wanted this time
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.step() == CAMPAIGN
    page.ui.campaign_combo.setCurrentText("Выставка")
    page.ui.source_edit.setText("Выставка 2026")
    with qtbot.waitSignal(page.imported, timeout=20000) as done:
        qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    result = done.args[0]
    assert page.step() == RUN
    assert (result.companies_created, result.rows_rejected) == (2, 1)
    assert "companies created: 2" in page.ui.summary_label.text()
    assert page.ui.open_rejects_button.isVisible()
    qtbot.waitUntil(lambda: page.batches.rowCount() == 1, timeout=10000)
    with db.connect() as conn:
        industries = conn.execute(text("SELECT count(industry) FROM dialdesk.companies")).scalar()
    assert industries == 0


def test_a_mapping_without_the_company_name_is_stopped(
    qtbot: QtBot, page: ImportPage, tmp_path: Path
) -> None:
    _choose(qtbot, page, xlsx(tmp_path / "list.xlsx", ROWS))
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    page.set_field(0, None)
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.step() == COLUMNS
    assert "company name" in page.ui.error_label.text()
    page.set_field(0, "name")
    page.set_field(4, "name")
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.step() == COLUMNS and "one column only" in page.ui.error_label.text()


def test_a_damaged_file_gets_a_plain_message(
    qtbot: QtBot, page: ImportPage, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    page.ui.file_edit.setText(str(broken))
    page.ui.file_edit.editingFinished.emit()
    qtbot.waitUntil(lambda: "damaged" in page.ui.error_label.text(), timeout=10000)
    assert page.step() == FILE and page.preview is None


def test_cancel_writes_nothing_and_undo_takes_an_import_back(
    qtbot: QtBot, page: ImportPage, tmp_path: Path, db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    _choose(qtbot, page, xlsx(tmp_path / "list.xlsx", ROWS))
    page.forward()
    page.forward()
    page.ui.campaign_combo.setCurrentText("Осень")

    def press_cancel_while_reading(stage: str, _done: int, _total: int) -> None:
        if stage == "read":  # runs in the worker: as if Esc came while the file was read
            page._cancel.set()

    page._progress.changed.connect(press_cancel_while_reading, Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(page.imported, timeout=20000) as done:
        qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    page._progress.changed.disconnect(press_cancel_while_reading)
    assert done.args[0] is None and page.step() == CAMPAIGN
    assert "nothing was written" in page.ui.error_label.text()
    with db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.companies")).scalar() == 0
    with qtbot.waitSignal(page.imported, timeout=20000):
        page.start()
    qtbot.waitUntil(lambda: page.batches.rowCount() == 1, timeout=10000)
    page.ui.batches_table.selectRow(0)
    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        return lambda _parent, _title, question: asked.append(question) or reply

    # the Undo button asks first (its clicked() once answered "don't ask"): No keeps it all
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    page.ui.undo_button.click()
    assert len(asked) == 1
    with db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.companies")).scalar() == 2
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(page.batches_loaded, timeout=10000):
        page.ui.undo_button.click()
    with db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.companies")).scalar() == 0
    assert page.batches.row_at(0).undone_at is not None


def test_a_do_not_call_list_is_loaded_from_the_import_section(
    qtbot: QtBot, page: ImportPage, tmp_path: Path, db: Engine
) -> None:
    path = tmp_path / "stop.csv"
    path.write_text("Телефон\n+7 843 222-33-44\n", encoding="utf-8")
    with qtbot.waitSignal(page.do_not_call_loaded, timeout=10000) as loaded:
        page.load_do_not_call(path)
    assert loaded.args[0].numbers_added == 1
    with db.connect() as conn:
        assert conn.execute(text("SELECT e164 FROM dialdesk.do_not_call")).scalar() == (
            "+78432223344"
        )


def test_unknown_headers_are_mapped_by_a_saved_template(
    qtbot: QtBot, page: ImportPage, tmp_path: Path, db: Engine
) -> None:
    save_template(page._session.engine, "Справочник", ["Фирма", "Номер для связи", "Где"],
                  {0: "name", 1: "phones", 2: "city"})  # fmt: skip
    path = tmp_path / "odd.csv"
    path.write_text(
        "Выгрузка от 01.11\nФирма;Номер для связи;Где\nООО Ромашка;+7 383 353-03-67;Новосибирск\n",
        encoding="cp1251",
    )
    _choose(qtbot, page, path)
    assert page.mapping() == {} and "No column names were recognised" in page.ui.error_label.text()
    page.forward()
    assert page.step() == COLUMNS
    qtbot.waitUntil(lambda: page.ui.template_combo.count() == 1, timeout=10000)
    with qtbot.waitSignal(page.previewed, timeout=10000):
        page.apply_template()
    assert page.mapping() == {0: "name", 1: "phones", 2: "city"}
    page.forward()
    page.ui.campaign_combo.setCurrentText("Справочник")
    with qtbot.waitSignal(page.imported, timeout=20000) as done:
        page.start()
    assert (done.args[0].companies_created, done.args[0].rows_rejected) == (1, 0)


def test_after_a_trial_run_back_leads_to_the_real_import_without_mapping_again(
    qtbot: QtBot, page: ImportPage, tmp_path: Path, db: Engine
) -> None:
    with db.begin() as conn:
        conn.execute(text("INSERT INTO dialdesk.campaigns (name) VALUES ('Старая')"))
    _choose(qtbot, page, xlsx(tmp_path / "list.xlsx", ROWS))
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    page.set_field(3, None)
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.ui.campaign_combo.count() == 1, timeout=10000)
    assert page.ui.campaign_combo.currentText() == ""  # not chosen for the person
    page.ui.campaign_combo.setCurrentText("Выставка")
    page.ui.dry_run_check.setChecked(True)
    with qtbot.waitSignal(page.imported, timeout=20000):
        page.start()
    assert page.ui.back_button.isEnabled()
    qtbot.keyClick(page, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.step() == CAMPAIGN and not page.ui.dry_run_check.isChecked()
    assert page.ui.campaign_combo.currentText() == "Выставка"
    with qtbot.waitSignal(page.imported, timeout=20000) as done:
        page.start()
    assert done.args[0].companies_created == 2 and not done.args[0].dry_run
    with db.connect() as conn:
        assert conn.execute(text("SELECT count(industry) FROM dialdesk.companies")).scalar() == 0
    page.new_import()
    assert not page.ui.dry_run_check.isChecked() and page.ui.campaign_combo.currentText() == ""


def test_a_very_long_cell_keeps_the_mapping_controls_on_screen(
    qtbot: QtBot, page: ImportPage, tmp_path: Path
) -> None:
    rows = [[ROWS[0][0] + " " + "очень " * 5000, *ROWS[0][1:]], *ROWS[1:]]
    _choose(qtbot, page, xlsx(tmp_path / "list.xlsx", rows))
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    table = page.ui.mapping_table
    assert table.columnWidth(1) <= 320
    assert table.columnViewportPosition(2) + table.columnWidth(2) <= table.viewport().width()
    assert table.item(0, 1).toolTip().startswith("ООО Ромашка очень")


def test_the_wizard_says_which_encoding_and_delimiter_it_found(
    qtbot: QtBot, page: ImportPage, tmp_path: Path
) -> None:
    path = tmp_path / "база.txt"  # Excel's "Unicode text": UTF-16, tabs
    lines = ["Название\tТелефон", "ООО «Ёлка»\t+7 383 353-03-67", "ООО Лютик\t+7 382 255-01-02"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    _choose(qtbot, page, path)
    assert page.ui.encoding_combo.itemText(0) == "detect (found: UTF-16 (Excel's Unicode text))"
    assert page.ui.delimiter_combo.itemText(0) == "detect (found: tab)"
    assert page.preview is not None and page.preview.sample[0][0] == "ООО «Ёлка»"
    # a wrong guess is changed by hand: the preview follows
    page.ui.delimiter_combo.setCurrentIndex(page.ui.delimiter_combo.findData(";"))
    with qtbot.waitSignal(page.previewed, timeout=10000):
        page.ui.delimiter_combo.activated.emit(page.ui.delimiter_combo.currentIndex())
    assert page.ui.delimiter_combo.itemText(0) == "detect"


OLD_BASE = (
    "Наименование;Телефон;Ответственный;Статус;Дата звонка;Сфера деятельности\n"
    "ООО Ромашка;+7 383 353-03-67;Сидоров;Рынок X;05.03.2024;Торговля\n"
    "ООО Лютик;+7 383 353-03-68;;горячие;;Стройка\n"
)


def test_the_old_bases_unknown_names_and_groups_are_mapped_in_the_wizard(
    qtbot: QtBot, page: ImportPage, tmp_path: Path, db: Engine, logins: Logins
) -> None:
    logins.add("supervisor", "sidorov")
    with db.begin() as conn:  # a company of ours the list matches, with its own industry
        company = conn.execute(
            text("INSERT INTO dialdesk.companies (name, name_key, industry) "
                 "VALUES ('ООО Лютик', 'лютик', 'Старая') RETURNING id")
        ).scalar_one()  # fmt: skip
        conn.execute(
            text("INSERT INTO dialdesk.phones (company_id, e164) VALUES (:c, '+73833530368')"),
            {"c": company},
        )
    path = tmp_path / "база.csv"
    path.write_text(OLD_BASE, encoding="utf-8")
    _choose(qtbot, page, path)
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert set(page.mapping().values()) == {
        "name", "phones", "expert", "group", "last_contact_on", "industry"
    }  # fmt: skip
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    ui = page.ui
    assert ui.fill_radio.isChecked() and not ui.overwrite_list.isEnabled()
    labels = [ui.overwrite_list.item(i).text() for i in range(ui.overwrite_list.count())]
    assert labels == ["Company name", "Industry", "Responsible manager"]
    ui.overwrite_radio.setChecked(True)
    ui.overwrite_list.item(1).setCheckState(Qt.CheckState.Checked)
    ui.campaign_combo.setCurrentText("Старая база")
    ui.dry_run_check.setChecked(True)
    with qtbot.waitSignal(page.imported, timeout=20000) as done:
        qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    trial = done.args[0]
    assert trial.fields_updated == {"industry": 1}
    assert "companies in the base brought up to date: Industry 1" in ui.summary_label.text()
    qtbot.waitUntil(lambda: ui.unknown_table.rowCount() == 2, timeout=10000)
    assert [ui.unknown_table.item(r, 1).text() for r in range(2)] == ["Сидоров", "Рынок X"]
    person, group = ui.unknown_table.cellWidget(0, 3), ui.unknown_table.cellWidget(1, 3)
    person.setCurrentIndex(person.findData("sidorov"))
    group.setCurrentIndex(group.findData("competitor"))
    qtbot.keyClick(page, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert (
        page.step() == CAMPAIGN and ui.overwrite_list.item(1).checkState() == Qt.CheckState.Checked
    )
    with qtbot.waitSignal(page.imported, timeout=20000) as done:
        qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    result = done.args[0]
    assert (result.unknown_experts, result.unknown_groups) == ({}, {})
    assert (result.history_written, result.groups_set) == (1, 2)
    assert not ui.unknown_table.isVisible()
    with db.connect() as conn:
        rows = conn.execute(
            text("SELECT c.name, c.industry, o.code, p.login FROM dialdesk.companies c "
                 "LEFT JOIN dialdesk.outcome_definitions o ON o.id = c.current_outcome_id "
                 "LEFT JOIN dialdesk.people p ON p.id = c.expert_id ORDER BY c.name")
        ).all()  # fmt: skip
    assert [tuple(r) for r in rows] == [
        ("ООО Лютик", "Стройка", "hot", None),
        ("ООО Ромашка", "Торговля", "competitor", "sidorov"),
    ]


def test_a_rejects_file_that_cannot_be_written_is_said_beside_a_saved_import(
    qtbot: QtBot, page: ImportPage, tmp_path: Path, db: Engine
) -> None:
    path = xlsx(tmp_path / "list.xlsx", ROWS)
    (tmp_path / "list - rejected rows.xlsx").mkdir()  # a folder where the file would go
    _choose(qtbot, page, path)
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    page.ui.campaign_combo.setCurrentText("Выставка")
    with qtbot.waitSignal(page.imported, timeout=20000) as done:
        qtbot.keyClick(page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert done.args[0].companies_created == 2
    said = page.ui.summary_label.text()
    assert "could not be written to" in said and "a folder has that name" in said
    assert "The import itself is saved." in said
    assert not page.ui.open_rejects_button.isVisible()
    with db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.companies")).scalar() == 2
