"""First start of the built-in database: demo data or the administrator's login."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from dialdesk.services.people import accounts as people
from dialdesk.ui.common.first_run_dialog import FirstRunDialog


def test_create_the_administrator(qtbot: QtBot, db: Engine) -> None:
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.login_edit, "t_boss")
    dialog.ui.name_edit.setText("Главный Админ")  # QTest types ASCII only
    qtbot.keyClicks(dialog.ui.password_edit, "long-enough")
    qtbot.keyClicks(dialog.ui.repeat_edit, "long-enough")
    qtbot.mouseClick(dialog.ui.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.suggested_login == "t_boss", timeout=10000)
    assert [(p.login, p.role) for p in people.list_people(db)] == [("t_boss", "admin")]


def test_mismatched_passwords_create_nobody(qtbot: QtBot, db: Engine) -> None:
    dialog = FirstRunDialog(db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.login_edit, "t_boss")
    qtbot.keyClicks(dialog.ui.password_edit, "long-enough")
    qtbot.keyClicks(dialog.ui.repeat_edit, "different!")
    dialog.ui.create_button.click()
    assert dialog.ui.status_label.text() == "The two passwords differ."
    assert people.list_people(db) == []


def test_demo_data_shows_the_logins_once(
    qtbot: QtBot, russian: None, db: Engine, demo_prefix: str
) -> None:
    dialog = FirstRunDialog(db, login_prefix=demo_prefix)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.demo_button.click()
    qtbot.waitUntil(lambda: dialog.ui.logins_table.rowCount() == 7, timeout=30000)
    roles = {dialog.ui.logins_table.item(r, 1).text() for r in range(7)}
    assert roles == {"Оператор", "Супервайзер", "Маркетолог", "Эксперт", "Администратор"}
    assert dialog.suggested_login == f"{demo_prefix}operator"
