"""An unexpected error shows the version, the traceback and the log tail."""

import logging
from pathlib import Path

from pytestqt.qtbot import QtBot

from dialdesk import __version__
from dialdesk.logs import setup_logging
from dialdesk.ui.common.crash_dialog import CrashDialog, crash_report


def test_report_has_version_traceback_and_log_tail(tmp_path: Path) -> None:
    log_path = setup_logging(tmp_path)
    logging.getLogger("dialdesk.test").info("claimed entry 42")
    for handler in logging.getLogger().handlers:
        handler.flush()
    try:
        raise ValueError("broken on purpose")
    except ValueError as exc:
        report = crash_report(exc, log_path)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == str(log_path):
            root.removeHandler(handler)
            handler.close()
    assert f"DialDesk {__version__}" in report
    assert "ValueError: broken on purpose" in report
    assert "claimed entry 42" in report


def test_dialog_shows_the_report(qtbot: QtBot) -> None:
    dialog = CrashDialog("DialDesk 0.1.0\nTraceback ...")
    qtbot.addWidget(dialog)
    assert dialog.ui.details_edit.toPlainText().startswith("DialDesk 0.1.0")
    dialog.ui.copy_button.click()
    from PySide6.QtWidgets import QApplication

    assert QApplication.clipboard().text().startswith("DialDesk 0.1.0")
