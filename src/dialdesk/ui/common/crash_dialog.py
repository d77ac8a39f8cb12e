"""One ``sys.excepthook`` for the app: log the error and show it with the version and log tail."""

import logging
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QDialog

from dialdesk import __version__
from dialdesk.logs import log_tail
from dialdesk.ui.common.forms import load_form

_log = logging.getLogger(__name__)


def crash_report(error: BaseException, log_path: Path | None) -> str:
    lines = [
        f"DialDesk {__version__}, Python {platform.python_version()}, {platform.platform()}",
        "",
        "".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip(),
    ]
    if log_path is not None:
        lines += ["", f"--- {log_path} (last lines) ---", log_tail(log_path)]
    return "\n".join(lines)


class CrashDialog(QDialog):
    def __init__(self, report: str, parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("crash_dialog", self)
        self.resize(760, 480)
        self.ui.details_edit.setPlainText(report)
        self.ui.copy_button.clicked.connect(
            lambda: QApplication.clipboard().setText(self.ui.details_edit.toPlainText())
        )
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.button_box.accepted.connect(self.accept)


def install_crash_hook(log_path: Path | None) -> None:
    showing = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        _log.critical("unexpected error", exc_info=(kind, error, tb))
        if showing or QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        showing = True
        try:
            CrashDialog(crash_report(error, log_path)).exec()
        finally:
            showing = False

    sys.excepthook = hook
