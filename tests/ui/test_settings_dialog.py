"""The settings dialog stores the central server's address and the language."""

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dialdesk.db.dsn import choose_database
from dialdesk.settings import Settings
from dialdesk.ui.common.settings_dialog import SettingsDialog


def test_central_server_is_saved_and_then_chosen(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("DIALDESK_DSN", raising=False)
    path = tmp_path / "settings.json"
    dialog = SettingsDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.builtin_radio.isChecked() and not dialog.ui.host_edit.isEnabled()
    dialog.ui.server_radio.setChecked(True)
    qtbot.keyClicks(dialog.ui.host_edit, "crm-server")
    dialog.ui.port_spin.setValue(6543)
    dialog.ui.language_combo.setCurrentIndex(dialog.ui.language_combo.findData("ru"))
    qtbot.keyClick(dialog.ui.host_edit, Qt.Key.Key_Return)
    saved = Settings.load(path)
    assert saved.language == "ru"
    choice = choose_database(None, path)
    assert choice.source == "settings"
    assert "host=crm-server" in (choice.dsn or "") and "port=6543" in (choice.dsn or "")

    again = SettingsDialog(path)
    qtbot.addWidget(again)
    assert again.ui.server_radio.isChecked() and again.ui.host_edit.text() == "crm-server"
    assert again.ui.port_spin.value() == 6543


def test_server_without_address_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    dialog = SettingsDialog(path)
    qtbot.addWidget(dialog)
    dialog.ui.server_radio.setChecked(True)
    dialog.save()
    assert dialog.ui.error_label.text() == "Enter the server address."
    assert not path.exists()


def test_back_to_the_built_in_database(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings(server_dsn="host=old port=5432 dbname=dialdesk").save(path)
    dialog = SettingsDialog(path)
    qtbot.addWidget(dialog)
    dialog.ui.builtin_radio.setChecked(True)
    dialog.save()
    assert Settings.load(path).server_dsn == ""


def test_softphone_command_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    dialog = SettingsDialog(path)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.softphone_edit, "microsip.exe {number}")
    dialog.save()
    assert Settings.load(path).softphone_command == "microsip.exe {number}"
