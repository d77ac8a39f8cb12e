"""The login dialog, driven from the keyboard against a real database."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from dialdesk.demo.base import DemoResult
from dialdesk.services.people import accounts as people
from dialdesk.ui.common.login_dialog import LoginDialog


def _dialog(qtbot: QtBot, dsn: str, last_login: str = "") -> LoginDialog:
    dialog = LoginDialog(dsn, "dialdesk @ test", last_login)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_keyboard_login_opens_a_session_with_the_database_role(
    qtbot: QtBot, db_dsn: str, demo: DemoResult
) -> None:
    supervisor = next(item for item in demo.logins if item.role == "supervisor")
    dialog = _dialog(qtbot, db_dsn)
    qtbot.keyClicks(dialog.ui.login_edit, supervisor.login)
    qtbot.keyClick(dialog.ui.login_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.ui.password_edit, supervisor.password)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.keyClick(dialog.ui.password_edit, Qt.Key.Key_Return)
    assert dialog.session is not None
    assert dialog.session.identity.role == "supervisor"
    dialog.session.engine.dispose()


def test_unknown_login_is_told_plainly_and_the_dialog_stays(
    qtbot: QtBot, db_dsn: str, demo: DemoResult
) -> None:
    dialog = _dialog(qtbot, db_dsn, last_login="nobody_here")
    qtbot.keyClicks(dialog.ui.password_edit, "whatever")
    qtbot.keyClick(dialog.ui.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: dialog.ui.error_label.text() == "Wrong login or password.", timeout=10000
    )
    assert dialog.isVisible() and dialog.session is None
    assert dialog.ui.password_edit.hasFocus()


def test_disabled_login_is_named(qtbot: QtBot, db: Engine, db_dsn: str, demo: DemoResult) -> None:
    operator = next(item for item in demo.logins if item.role == "operator")
    people.set_active(db, operator.login, False)
    dialog = _dialog(qtbot, db_dsn, last_login=operator.login)
    qtbot.keyClicks(dialog.ui.password_edit, operator.password)
    qtbot.keyClick(dialog.ui.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "disabled" in dialog.ui.error_label.text(), timeout=10000)


def test_empty_login_is_asked_for(qtbot: QtBot, db_dsn: str) -> None:
    dialog = _dialog(qtbot, db_dsn)
    qtbot.keyClick(dialog.ui.login_edit, Qt.Key.Key_Return)
    assert dialog.ui.error_label.text() == "Enter your login."


def test_russian_login_window(qtbot: QtBot, db_dsn: str, russian: None) -> None:
    dialog = _dialog(qtbot, db_dsn)
    assert dialog.windowTitle() == "DialDesk: вход"
    assert dialog.ui.login_label.text() == "&Логин:"
    buttons = {b.text() for b in dialog.ui.button_box.buttons()}
    assert "" not in buttons and "Отмена" in buttons  # Qt's own strings still translated
    qtbot.keyClick(dialog.ui.login_edit, Qt.Key.Key_Return)
    assert dialog.ui.error_label.text() == "Введите свой логин."


def test_the_file_dialog_speaks_russian_to_its_last_label(qtbot: QtBot, russian: None) -> None:
    from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

    dialog = QFileDialog(None, "Список", "", "Списки (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    widgets = [*dialog.findChildren(QLabel), *dialog.findChildren(QAbstractButton)]
    texts = [w.text() for w in widgets if w.text()]
    english = [t for t in texts if t.isascii() and any(c.isalpha() for c in t)]
    assert english == []
    assert "&Папка:" in texts
