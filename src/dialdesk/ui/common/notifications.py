"""Database notifications delivered to widgets by signal, from a thread of their own.

A dropped connection is reopened with a growing pause, and ``reconnected`` tells the
widgets to refresh, since what happened meanwhile was not announced to us.
"""

import logging

from PySide6.QtCore import QThread, Signal

from dialdesk.db.listener import NotificationListener

_log = logging.getLogger(__name__)


class NotificationThread(QThread):
    notified = Signal(str, dict)  # channel, payload
    reconnected = Signal()

    def __init__(self, dsn: str, channels: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self._listener = NotificationListener(dsn, channels)
        self._stopping = False
        self.is_listening = False  # True while subscribed (for status displays and tests)
        if parent is not None:
            # a window deleted without being closed must still not leave the thread running
            parent.destroyed.connect(lambda *_: self.stop())

    def stop(self) -> None:
        """Stop listening; returns once the thread has finished (at most about a second)."""
        self._stopping = True
        self.wait()

    def run(self) -> None:
        pause = 1.0
        first = True
        while not self._stopping:
            try:
                self._listener.connect()
                self.is_listening = True
                if not first:
                    _log.info("notifications: listening again")
                    self.reconnected.emit()
                first, pause = False, 1.0
                while not self._stopping:
                    for channel, payload in self._listener.wait(timeout=0.5):
                        self.notified.emit(channel, payload)
            except Exception as exc:  # connection lost: wait, then listen again
                self.is_listening = False
                _log.info("notifications interrupted: %s", exc)
                first = False
                for _ in range(int(pause * 10)):  # sleep in slices so stop() is prompt
                    if self._stopping:
                        break
                    self.msleep(100)
                pause = min(pause * 2, 30.0)
        self._listener.close()
