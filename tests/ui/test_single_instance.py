"""One DialDesk per person: a second start and a softphone's `dialdesk --incoming NUMBER`
reach the running one over a real local socket."""

import os
import secrets
import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from dialdesk.settings import Settings
from dialdesk.ui.app import AppController
from dialdesk.ui.common.single_instance import InstanceServer, send_to_running
from tests.ui.test_main_window import _window


@pytest.fixture
def server(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DIALDESK_INSTANCE", f"dialdesk-test-{secrets.token_hex(4)}")
    running = InstanceServer()
    assert running.listen()
    yield running
    running.close()


def test_a_softphone_hands_the_callers_number_to_the_running_dialdesk(
    qtbot: QtBot, server: InstanceServer
) -> None:
    command = [sys.executable, "-m", "dialdesk.cli.main", "--incoming", "+7 913 209-72-63"]
    with qtbot.waitSignal(server.incoming, timeout=20000) as received:
        started = subprocess.Popen(command, env=os.environ.copy())
    assert started.wait(timeout=30) == 0  # delivered: no second window opened
    assert received.args == ["+7 913 209-72-63"]


def test_a_second_start_brings_the_first_forward(qtbot: QtBot, server: InstanceServer) -> None:
    with qtbot.waitSignal(server.shown, timeout=5000):
        assert send_to_running("show")


def test_with_none_running_the_message_is_not_delivered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIALDESK_INSTANCE", f"dialdesk-test-{secrets.token_hex(4)}")
    assert not send_to_running("show")


def test_the_caller_is_looked_up_on_the_work_tab_even_before_the_login(
    qtbot: QtBot, session_as
) -> None:
    controller = AppController(None, Settings(), "en")
    controller.incoming("+7 913 209-72-63")  # nobody logged in yet: kept for later
    assert controller.caller == "+7 913 209-72-63"
    window = _window(qtbot, session_as("operator"))
    controller.window = window
    controller.incoming(controller.caller)
    work = window.work
    assert work is not None and work.search_dialog is not None
    assert work.search_dialog.ui.query_edit.text() == "+7 913 209-72-63"
    assert window.ui.sections_tabs.currentWidget() is work and controller.caller is None
