"""Long work off the UI thread: run a function in the thread pool, get the result by signal."""

import logging
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    QThread,
    QThreadPool,
    Signal,
)

_log = logging.getLogger(__name__)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # handed to the UI thread, which decides what to show
            _log.debug("background job failed", exc_info=exc)
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


class Background(QObject):
    """Runs jobs for one window; results arrive on the UI thread through the callbacks."""

    def __init__(self, parent: QObject | None = None, *, serial: bool = False) -> None:
        """``serial``: one job at a time, in the order given (a log whose order matters)."""
        super().__init__(parent)
        if serial:
            self._pool = QThreadPool(self)
            self._pool.setMaxThreadCount(1)
        else:
            self._pool = QThreadPool.globalInstance()
        self._running: set[_Job] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        job = _Job(work)
        job.setAutoDelete(False)
        self._running.add(job)

        # The window that asked may be gone by the time the answer comes (log-out, close):
        # then the answer is dropped instead of touching deleted widgets.
        def done(result: Any) -> None:
            if shiboken6.isValid(self):
                self._running.discard(job)
                on_done(result)

        def failed(error: BaseException) -> None:
            if shiboken6.isValid(self):
                self._running.discard(job)
                on_error(error)

        job.signals.finished.connect(done)
        job.signals.failed.connect(failed)
        self._pool.start(job)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)

    def settle(self, msecs: int = 30000) -> bool:
        """Wait until each job of this one has finished and its answer has been handled on
        this (the UI) thread; False when some are still running after ``msecs``."""
        deadline = time.monotonic() + msecs / 1000
        while self._running and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            QThread.msleep(5)
        return not self._running
