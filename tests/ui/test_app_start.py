"""Start-up troubles are explained in the person's words, never shown as a crash."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from dialdesk.db.server_trouble import EmbeddedServerError
from dialdesk.settings import Settings
from dialdesk.ui.app import AppController


def test_a_built_in_server_that_cannot_start_is_explained(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _p, title, text: shown.append((title, text))
    )
    controller = AppController(None, Settings(), "en")
    monkeypatch.setattr(controller, "quit", lambda: None)
    cause = 'initdb: error: invalid locale name "xx_YY.UTF-8"'
    controller._fatal(EmbeddedServerError("initialise", cause, folder="D:\\DialDesk"))
    assert shown == [(
        "DialDesk cannot start",
        "The built-in database could not be prepared in D:\\DialDesk. Its log says: "
        f"{cause}. The language settings (locale) the log names are missing on this computer: "
        "ask the administrator to install them, then start DialDesk again.",
    )]  # fmt: skip


def _built_in(monkeypatch: pytest.MonkeyPatch, tmp_path) -> tuple[AppController, Path]:
    """An app on a built-in base of its own, backing up into a "USB" folder."""
    monkeypatch.delenv("DIALDESK_DSN", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    usb = tmp_path / "USB"
    controller = AppController(None, Settings(backup_folder=str(usb)), "en",
                               settings_path=tmp_path / "settings.json")  # fmt: skip
    return controller, usb


def test_the_built_in_base_backs_itself_up_at_the_first_start_and_on_quit(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    controller, usb = _built_in(monkeypatch, tmp_path)
    try:
        controller.start()
        qtbot.waitUntil(lambda: len(list(usb.glob("dialdesk-*.dialdesk-backup"))) == 1,
                        timeout=60000)  # fmt: skip
        qtbot.waitUntil(lambda: controller._note is not None, timeout=10000)
        assert str(usb) in str(controller._note)
        (today,) = usb.glob("dialdesk-*.dialdesk-backup")
        # a day later, on quit: the newest copy is a day old, so another is written
        today.rename(usb / "dialdesk-2026-01-05-090000.dialdesk-backup")
    finally:
        controller.shutdown()
    names = sorted(p.name for p in usb.glob("dialdesk-*.dialdesk-backup"))
    assert len(names) == 2 and names[0] == "dialdesk-2026-01-05-090000.dialdesk-backup"
    assert not controller.target.is_running  # type: ignore[union-attr]


def test_the_admin_puts_a_backup_in_place_of_the_built_in_base(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path, db_dsn: str
) -> None:
    import psycopg

    from dialdesk.backup.make import make_backup

    with psycopg.connect(db_dsn, autocommit=True) as conn:
        conn.execute("INSERT INTO dialdesk.companies (name, name_key) VALUES ('Из копии', 'к')")
    backup = make_backup(db_dsn, tmp_path / "office.dialdesk-backup", "офис")
    controller, usb = _built_in(monkeypatch, tmp_path)
    try:
        controller.start()
        qtbot.waitUntil(
            lambda: getattr(controller, "first_run_dialog", None) is not None, timeout=60000
        )
        controller._backup_worker.wait()
        controller.restore_base(backup.path)
        qtbot.waitUntil(lambda: controller.login_dialog is not None, timeout=60000)
        assert controller._note is not None and "Restored the backup of" in controller._note
        assert controller.target is not None
        with psycopg.connect(controller.target.admin_dsn) as conn:
            names = [r[0] for r in conn.execute("SELECT name FROM dialdesk.companies")]
        assert names == ["Из копии"]
        assert len(list(usb.glob("before-restore-dialdesk-*.dialdesk-backup"))) == 1
    finally:
        controller.shutdown()
