"""The whole way through: start → log in → main window → log out → log in again → quit."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dialdesk.demo.base import DemoResult
from dialdesk.settings import Settings
from dialdesk.ui.app import AppController


@pytest.fixture
def controller(tmp_path: Path, db_dsn: str, monkeypatch: pytest.MonkeyPatch):
    settings_path = tmp_path / "settings.json"
    app = AppController(db_dsn, Settings(), "en", settings_path)
    quits: list[bool] = []
    monkeypatch.setattr(app, "quit", lambda: quits.append(True))
    app.quits = quits  # type: ignore[attr-defined]
    yield app
    if app.window is not None:
        app.window.close()
    app.shutdown()


def _log_in(qtbot: QtBot, controller: AppController, login: str, password: str) -> None:
    dialog = controller.login_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ui.login_edit.clear()
    qtbot.keyClicks(dialog.ui.login_edit, login)
    qtbot.keyClicks(dialog.ui.password_edit, password)
    qtbot.keyClick(dialog.ui.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10000)


def test_log_in_out_and_in_as_someone_else(
    qtbot: QtBot, controller: AppController, demo: DemoResult, tmp_path: Path
) -> None:
    by_role = {login.role: login for login in demo.logins}
    controller.start()
    _log_in(qtbot, controller, by_role["operator"].login, by_role["operator"].password)
    window = controller.window
    assert window is not None
    assert window.section_titles() == ["Work", "Overview"]
    assert Settings.load(tmp_path / "settings.json").last_login == by_role["operator"].login

    window.log_out()
    assert controller.session is None and controller.window is None
    assert controller.login_dialog is not None
    assert controller.login_dialog.ui.login_edit.text() == by_role["operator"].login
    _log_in(qtbot, controller, by_role["admin"].login, by_role["admin"].password)
    assert controller.window is not None
    assert controller.window.section_titles() == [
        "Monitor",
        "Overview",
        "Reports",
        "Segments",
        "Import",
        "Campaigns",
        "People",
        "Codes",
        "Sales",
        "Audit log",
        "Backups",
    ]
    assert controller.quits == []  # type: ignore[attr-defined]

    controller.window.close()
    assert controller.window is None
    assert controller.quits == [True]  # type: ignore[attr-defined]


def test_cancelling_the_login_quits(qtbot: QtBot, controller: AppController) -> None:
    controller.start()
    dialog = controller.login_dialog
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert controller.quits == [True]  # type: ignore[attr-defined]


def test_server_from_the_settings_file_is_used(
    qtbot: QtBot, tmp_path: Path, db_dsn: str, demo: DemoResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DIALDESK_DSN", raising=False)
    settings_path = tmp_path / "settings.json"
    Settings(server_dsn=db_dsn).save(settings_path)
    controller = AppController(None, Settings.load(settings_path), "en", settings_path)
    monkeypatch.setattr(controller, "quit", lambda: None)
    try:
        controller.start()
        assert controller.target is not None and controller.target.choice.source == "settings"
        marketer = next(login for login in demo.logins if login.role == "marketer")
        _log_in(qtbot, controller, marketer.login, marketer.password)
        assert controller.session is not None
        assert controller.session.identity.role == "marketer"
    finally:
        if controller.window is not None:
            controller.window.log_out()
        if controller.login_dialog is not None:
            controller.login_dialog.close()
        controller.shutdown()
