"""The Qt binding keeps Python's own objects alive.

PySide6 6.12.0 on Python 3.11 dropped one reference to ``None`` on every call of a method
that returns nothing, and one to ``True`` on every signal sent: a few thousand calls later
the interpreter aborted ("deallocating None"), taking the window and the operator's work
with it (found by bench/soak.py).  The binding's version is pinned past it; this test
fails on any binding that does it again.
"""

import sys

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 200  # few enough that a binding that loses them fails here, not aborts


class _Sender(QObject):
    changed = Signal(bool)


def _references() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_calls_and_signals_keep_none_true_and_false_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    timer = QTimer()
    sender = _Sender()
    heard: list[bool] = []
    sender.changed.connect(heard.append)
    before = _references()
    for _ in range(CALLS):
        label.setText("Звонок")  # returns nothing
        timer.stop()
        sender.changed.emit(False)
    after = _references()
    assert len(heard) == CALLS
    lost = [b - a for a, b in zip(after, before, strict=True)]
    assert max(lost) < CALLS // 10, f"references lost (None, True, False): {lost}"
