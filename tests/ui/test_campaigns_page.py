"""Campaign settings edited from the keyboard, with the script previewed as it is typed."""

from datetime import time

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from dialdesk.services.people.login import log_in
from dialdesk.ui.admin.campaigns_page import CampaignsPage
from tests.conftest import Logins


@pytest.fixture
def page(qtbot: QtBot, db_dsn: str, logins: Logins):
    login, password = logins.add("marketer")
    session = log_in(db_dsn, login, password)
    widget = CampaignsPage(session)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    yield widget
    widget._background.wait()
    session.engine.dispose()


def test_a_new_campaign_is_typed_previewed_and_saved(
    qtbot: QtBot, page: CampaignsPage, db: Engine
) -> None:
    qtbot.keyClick(page, Qt.Key.Key_Insert)
    assert page.current is None
    page.ui.name_edit.setText("Осень")
    page.ui.script_edit.setPlainText("Добрый день, {person}! Это {operator} по поводу {company}.")
    assert "Ivan Petrov" in page.ui.preview_view.toPlainText()
    assert "{person}" not in page.ui.preview_view.toPlainText()
    page.ui.start_edit.setTime(QTime(10, 0))
    page.ui.attempts_spin.setValue(4)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.keyClick(page.ui.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.current is not None and page.model.rowCount() == 1
    with db.connect() as conn:
        row = conn.execute(
            text("SELECT calling_hours_start, max_attempts FROM dialdesk.campaigns")
        ).one()
    assert tuple(row) == (time(10), 4)


def test_a_typo_in_a_merge_field_is_named(qtbot: QtBot, page: CampaignsPage) -> None:
    page.ui.name_edit.setText("Осень")
    page.ui.script_edit.setPlainText("Здравствуйте, {compnay}!")
    page.save()
    qtbot.waitUntil(lambda: "{compnay}" in page.ui.error_label.text(), timeout=10000)
    assert page.current is None


def test_choosing_a_campaign_shows_its_settings(
    qtbot: QtBot, page: CampaignsPage, db: Engine
) -> None:
    with db.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.campaigns (name, script, max_attempts) VALUES "
                "('Весна', 'Привет, {person}!', 7), ('Зима', '', 2)"
            )
        )
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    page.ui.campaigns_table.selectRow(1)
    assert page.ui.name_edit.text() == page.model.row_at(1).settings.name
    page.ui.campaigns_table.selectRow(0)
    assert (page.ui.name_edit.text(), page.ui.attempts_spin.value()) == ("Весна", 7)
    assert page.ui.preview_view.toPlainText() == "Привет, Ivan Petrov!"


def test_the_codes_a_campaign_offers_are_ticked_and_kept(
    qtbot: QtBot, page: CampaignsPage, db: Engine
) -> None:
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    assert not page.ui.operators_list.isEnabled()  # a marketer does not choose operators
    page.new_campaign()
    page.ui.name_edit.setText("Только горячие")
    codes = page.ui.outcomes_list
    assert codes.count() == 6
    codes.item(0).setCheckState(Qt.CheckState.Checked)  # the first by order: hot
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.save()
    with db.connect() as conn:
        offered = conn.execute(
            text(
                "SELECT o.code FROM dialdesk.campaign_outcomes x "
                "JOIN dialdesk.outcome_definitions o ON o.id = x.outcome_id"
            )
        ).scalars()
        assert list(offered) == ["hot"]
    qtbot.waitUntil(lambda: codes.item(0).checkState() == Qt.CheckState.Checked, timeout=10000)
    assert codes.item(1).checkState() == Qt.CheckState.Unchecked


def test_a_questionnaire_is_written_ordered_and_saved_from_the_keyboard(
    qtbot: QtBot, page: CampaignsPage, db: Engine
) -> None:
    ui = page.ui
    qtbot.keyClick(page, Qt.Key.Key_Insert)
    ui.name_edit.setText("Осень")
    ui.editor_tabs.setCurrentWidget(ui.questions_tab)
    assert not ui.question_editor.isEnabled()  # nothing to edit yet
    qtbot.mouseClick(ui.add_question_button, Qt.MouseButton.LeftButton)
    ui.question_text_edit.setText("Есть ли автопарк?")
    ui.required_check.setChecked(True)
    assert not ui.choices_edit.isEnabled()  # yes / no needs no list
    qtbot.mouseClick(ui.add_question_button, Qt.MouseButton.LeftButton)
    ui.question_text_edit.setText("Поставщик масел")
    ui.kind_combo.setCurrentIndex(ui.kind_combo.findData("choice"))
    assert ui.choices_edit.isEnabled()
    ui.choices_edit.setPlainText("Лукойл\n\nРоснефть\n")
    assert ui.questions_list.item(0).text() == "1. Есть ли автопарк? * — yes / no"
    assert ui.questions_list.item(1).text() == "2. Поставщик масел — choice from a list"
    # the choice question first; Del removes one and Ctrl+Z brings it back in place
    qtbot.keyClick(ui.questions_list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [d.text for d in page.questionnaire.drafts] == ["Поставщик масел", "Есть ли автопарк?"]
    ui.questions_list.setCurrentRow(1)
    qtbot.keyClick(ui.questions_list, Qt.Key.Key_Delete)
    assert len(page.questionnaire.drafts) == 1
    qtbot.keyClick(ui.questions_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ui.questions_list.item(1).text().startswith("2. Есть ли автопарк?")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.keyClick(ui.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with db.connect() as conn:
        rows = conn.execute(
            text("SELECT position, kind, text, choices, required FROM dialdesk.questions "
                 "ORDER BY position")
        ).all()  # fmt: skip
    assert [tuple(r) for r in rows] == [
        (1, "choice", "Поставщик масел", ["Лукойл", "Роснефть"], False),
        (2, "yes_no", "Есть ли автопарк?", None, True),
    ]
    assert all(d.id is not None for d in page.questionnaire.drafts)


def test_a_faulty_question_stops_the_save_and_is_named(
    qtbot: QtBot, page: CampaignsPage, db: Engine
) -> None:
    qtbot.keyClick(page, Qt.Key.Key_Insert)
    page.ui.name_edit.setText("Осень")
    page.questionnaire.add()
    page.questionnaire.add()
    page.ui.question_text_edit.setText("")  # the second has no text
    page.ui.questions_list.setCurrentRow(0)
    page.ui.question_text_edit.setText("Сколько машин?")
    page.save()
    qtbot.waitUntil(lambda: page.ui.error_label.text() != "", timeout=10000)
    assert page.ui.error_label.text() == "Question 2 has no text."
    with db.connect() as conn:  # not even the campaign was written
        assert conn.execute(text("SELECT count(*) FROM dialdesk.campaigns")).scalar() == 0


def test_leaving_a_campaign_with_unsaved_changes_asks_first(
    qtbot: QtBot, page: CampaignsPage, db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.begin() as conn:
        conn.execute(text("INSERT INTO dialdesk.campaigns (name) VALUES ('Весна'), ('Зима')"))
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    with qtbot.waitSignal(page.links_shown, timeout=10000):
        page.ui.campaigns_table.selectRow(0)
    spring = page.current
    assert not page.is_dirty()
    page.questionnaire.add()  # an unsaved question
    page.ui.question_text_edit.setText("Сколько машин?")
    assert page.is_dirty()
    asked: list[str] = []

    def answer(result: QMessageBox.StandardButton):
        def ask(_parent, _title, question):
            asked.append(question)
            return result

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    page.ui.campaigns_table.selectRow(1)  # "no": stay, with the question kept
    assert asked == ["Discard your changes to “Весна”?"]
    assert page.current == spring and len(page.questionnaire.drafts) == 1
    assert page.ui.campaigns_table.selectionModel().selectedRows()[0].row() == 0
    qtbot.keyClick(page, Qt.Key.Key_Insert)  # a new campaign asks too
    assert len(asked) == 2 and page.current == spring
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(page.links_shown, timeout=10000):
        page.ui.campaigns_table.selectRow(1)
    assert page.current != spring and page.questionnaire.drafts == []
    assert not page.is_dirty()


def test_saving_only_new_calling_hours_keeps_everyone_on_the_campaign(
    qtbot: QtBot, db_dsn: str, logins: Logins, db: Engine
) -> None:
    """Seen: changing only the calling hours took the supervisor off the campaign."""
    admin = log_in(db_dsn, *logins.add("admin"))
    supervisor = logins.person_id(logins.add("supervisor")[0])
    operator = logins.person_id(logins.add("operator")[0])
    gone_operator = logins.person_id(logins.add("operator")[0])
    with db.begin() as conn:
        campaign = conn.execute(
            text("INSERT INTO dialdesk.campaigns (name) VALUES ('Весна') RETURNING id")
        ).scalar_one()
        conn.execute(
            text("INSERT INTO dialdesk.campaign_operators (campaign_id, person_id) "
                 "SELECT :k, unnest(CAST(:p AS integer[]))"),
            {"k": campaign, "p": [supervisor, operator, gone_operator]},
        )  # fmt: skip
        conn.execute(  # no longer active: not on the form's list
            text("UPDATE dialdesk.people SET active = false WHERE id = :p"), {"p": gone_operator}
        )
    page = CampaignsPage(admin)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    with qtbot.waitSignal(page.links_shown, timeout=10000):
        page.ui.campaigns_table.selectRow(0)
    page.ui.end_edit.setTime(QTime(20, 0))
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.save()
    with db.connect() as conn:
        people = set(
            conn.execute(
                text("SELECT person_id FROM dialdesk.campaign_operators WHERE campaign_id = :k"),
                {"k": campaign},
            ).scalars()
        )
        end = conn.execute(
            text("SELECT calling_hours_end FROM dialdesk.campaigns WHERE id = :k"),
            {"k": campaign},
        ).scalar()
        removals = conn.execute(
            text("SELECT count(*) FROM dialdesk.audit_log WHERE table_name = 'campaign_operators' "
                 "AND action = 'DELETE'")
        ).scalar()  # fmt: skip
    assert people == {supervisor, operator, gone_operator}
    assert end == time(20) and removals == 0
    page._background.wait()
    admin.engine.dispose()
