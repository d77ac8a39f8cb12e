"""The admin's Backups tab and the window's warning while the newest backup is too old."""

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from dialdesk.backup.make import make_backup
from dialdesk.settings import Settings
from dialdesk.ui.main_window import MainWindow

tmp_journal = Path(tempfile.mkdtemp(prefix="dialdesk-journal-"))


def _admin_window(qtbot: QtBot, session, **extra) -> MainWindow:
    window = MainWindow(session, "dialdesk @ test-server", "en", journal_dir=tmp_journal, **extra)
    qtbot.addWidget(window)
    window.show()
    assert window.backups is not None
    with qtbot.waitSignal(window.backups.loaded, timeout=10000):
        window.refresh()
    return window


def test_a_central_base_without_backups_warns_the_admin_until_one_is_made(
    qtbot: QtBot, session_as, db_dsn: str, tmp_path: Path
) -> None:
    window = _admin_window(qtbot, session_as("admin"))
    page = window.backups
    assert page is not None and "Backups" in window.section_titles()
    assert page.ui.kept_spin.isHidden()  # the server backs up nightly; the recipe says how
    assert "dialdesk-cli backup" in page.ui.how_label.text()
    assert window.backup_warning.isVisibleTo(window)
    assert "never been backed up" in window.backup_warning.text()
    written = make_backup(db_dsn, tmp_path / "nightly.dialdesk-backup", "server")  # the cron job
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    assert not window.backup_warning.isVisibleTo(window)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 3).data() == str(written.path)


def test_a_backup_three_days_old_is_named_in_the_warning(
    qtbot: QtBot, session_as, db: Engine
) -> None:
    with db.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.backups_made (taken_at, file, bytes, revision) "
                "VALUES (now() - interval '3 days 1 hour', '/mnt/usb/old.dialdesk-backup', "
                "1048576, '0021')"
            )
        )
    window = _admin_window(qtbot, session_as("admin"))
    assert "3 days old" in window.backup_warning.text()
    assert window.backups is not None and window.backups.model.index(0, 1).data() == "1.0"


def test_the_built_in_base_is_backed_up_now_into_the_chosen_folder(
    qtbot: QtBot, session_as, db_dsn: str, tmp_path: Path
) -> None:
    settings = Settings()
    window = _admin_window(
        qtbot, session_as("admin"), own_dsn=db_dsn, settings=settings,
        settings_path=tmp_path / "settings.json",
    )  # fmt: skip
    page = window.backups
    assert page is not None and not page.ui.own_box.isHidden()
    page.ui.folder_edit.setText(str(tmp_path / "USB"))
    page.ui.kept_spin.setValue(7)
    page.ui.save_button.click()
    assert Settings.load(tmp_path / "settings.json").backup_folder == str(tmp_path / "USB")
    assert settings.backups_kept == "7"  # the app's own settings, kept by its next save
    window.ui.sections_tabs.setCurrentWidget(page)
    page.ui.backups_table.setFocus()
    with qtbot.waitSignal(page.backed_up, timeout=30000) as made:
        qtbot.keyClick(page.ui.backups_table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert made.args[0].path.parent == tmp_path / "USB"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    assert "Backed up and checked" in page.ui.status_label.text()
    assert not window.backup_warning.isVisibleTo(window)


def test_restoring_on_the_built_in_base_asks_and_hands_the_file_to_the_app(
    qtbot: QtBot, session_as, db_dsn: str, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = _admin_window(qtbot, session_as("admin"), own_dsn=db_dsn, settings=Settings(),
                           settings_path=tmp_path / "s.json")  # fmt: skip
    page = window.backups
    assert page is not None
    written = make_backup(db_dsn, tmp_path / "office.dialdesk-backup", "офис")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    page.ui.backups_table.selectRow(0)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: next(answers))
    asked: list[object] = []
    window.restore_requested.connect(asked.append)
    page.ui.restore_button.click()  # No: nothing happens
    assert asked == [] and window.isVisible()
    page.ui.restore_button.click()  # Yes: the window closes and the app takes over
    assert asked == [written.path]
    assert not window.isVisible()


def _answer_owner_dialog(qtbot: QtBot, db_dsn: str, database: str = "") -> None:
    """Type the owner's login and password into the dialog once it opens, and press OK."""
    from psycopg.conninfo import conninfo_to_dict
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dialdesk.ui.admin.owner_dialog import OwnerDialog

    owner = conninfo_to_dict(db_dsn)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OwnerDialog):
            QTimer.singleShot(50, fill)
            return
        dialog.ui.login_edit.setText(str(owner["user"]))
        dialog.ui.password_edit.setText(str(owner.get("password") or ""))
        dialog.ui.database_edit.setText(database)
        dialog.accept()

    QTimer.singleShot(50, fill)


def test_a_central_base_is_backed_up_and_restored_from_the_tab_as_its_owner(
    qtbot: QtBot, session_as, db_dsn: str, pg_server: str, tmp_path: Path
) -> None:
    from tests.conftest import drop_database

    window = _admin_window(qtbot, session_as("admin"), settings=Settings(),
                           settings_path=tmp_path / "s.json")  # fmt: skip
    page = window.backups
    assert page is not None and page.ui.kept_spin.isHidden()  # daily copies: built-in only
    page.ui.folder_edit.setText(str(tmp_path / "share"))
    _answer_owner_dialog(qtbot, db_dsn)
    with qtbot.waitSignal(page.backed_up, timeout=30000) as made:
        page.ui.backup_button.click()
    assert made.args[0].path.parent == tmp_path / "share"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.ui.backups_table.selectRow(0)
    name = f"dialdesk_from_tab_{tmp_path.name[-6:].lower()}".replace("-", "_")
    _answer_owner_dialog(qtbot, db_dsn, database=name)
    try:
        with qtbot.waitSignal(page.message, timeout=60000) as said:
            page.ui.restore_button.click()
        assert said.args[0].startswith(f"Restored into the database {name}:")
    finally:
        from psycopg.conninfo import make_conninfo

        drop_database(pg_server, make_conninfo(pg_server, dbname=name))
