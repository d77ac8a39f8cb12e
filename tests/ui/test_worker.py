"""Background work reports back on the UI thread, and never to a window that is gone."""

import threading

import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from dialdesk.ui.common.worker import Background


def test_result_arrives_on_the_ui_thread(qtbot: QtBot) -> None:
    background = Background()
    seen: list[tuple[int, bool]] = []
    main = threading.current_thread()
    background.run(
        lambda: 6 * 7, lambda r: seen.append((r, threading.current_thread() is main)), seen.append
    )
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(42, True)] and not background.busy


def test_errors_are_handed_over(qtbot: QtBot) -> None:
    background = Background()
    errors: list[BaseException] = []
    background.run(lambda: 1 / 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)


def test_answer_for_a_closed_window_is_dropped(qtbot: QtBot) -> None:
    owner = QObject()
    background = Background(owner)
    release = threading.Event()
    answers: list[object] = []
    background.run(lambda: release.wait(5), answers.append, answers.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(background))
    release.set()
    background._pool.waitForDone(5000)
    qtbot.wait(50)
    assert answers == []


def test_serial_jobs_run_in_the_order_given(qtbot: QtBot) -> None:
    background = Background(serial=True)
    order: list[int] = []
    for n in range(20):
        background.run(lambda n=n: order.append(n), lambda _r: None, lambda _e: None)
    background.wait()
    assert order == list(range(20))
