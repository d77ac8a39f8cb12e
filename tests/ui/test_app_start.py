"""Start-up troubles are explained in the person's words, never shown as a crash."""

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
