"""``DialDesk --self-test``: proves an installed or frozen DialDesk has everything it needs.

On a throwaway built-in database it loads demo data, opens the main window offscreen in
Russian, logs in as the demo operator, claims a company, gives it back and quits. Exit
status 0 and one line on success; 1 and the reason otherwise. Nothing is left behind.
"""

import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from dialdesk import __version__
from dialdesk.db.dsn import DatabaseChoice
from dialdesk.db.engine import make_engine
from dialdesk.db.target import DatabaseTarget
from dialdesk.demo.base import load_demo
from dialdesk.services.people.login import log_in

_log = logging.getLogger(__name__)
_COMPANIES = 200
_WAIT_SECONDS = 60


class SelfTestFailed(Exception):
    """One step of the self-test did not do what it should."""


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    # Qt's own remarks (the offscreen screen cannot size windows...) go to the log
    qInstallMessageHandler(lambda _mode, _context, message: _log.info("Qt: %s", message))
    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
    folder = Path(tempfile.mkdtemp(prefix="dialdesk-self-test-"))
    target = DatabaseTarget(DatabaseChoice("embedded", None), embedded_folder=folder / "db")
    started = time.monotonic()
    try:
        company = _walk_through(target, folder)
    except Exception as exc:
        _say(f"DialDesk {__version__} self-test FAILED: {exc}", error=True)
        _say(traceback.format_exc(), error=True)
        return 1
    finally:
        target.stop()
        app.processEvents()
        shutil.rmtree(folder, ignore_errors=True)
    seconds = time.monotonic() - started
    _say(f"DialDesk {__version__} self-test passed in {seconds:.1f} s: claimed «{company}»")
    return 0


def _walk_through(target: DatabaseTarget, folder: Path) -> str:
    from dialdesk.ui.common.translations import install_translator
    from dialdesk.ui.main_window import MainWindow

    target.start()
    engine = make_engine(target.admin_dsn, pool_size=1)
    try:
        demo = load_demo(engine, _COMPANIES)
        with engine.begin() as conn:  # whatever the hour and day, something is dialable
            conn.execute(
                text(
                    "UPDATE dialdesk.campaigns SET calling_hours_start = '00:00', "
                    "calling_hours_end = '23:59:59', working_days_only = false"
                )
            )
    finally:
        engine.dispose()
    operator = next(login for login in demo.logins if login.role == "operator")
    install_translator("ru")
    session = log_in(target.login_dsn, operator.login, operator.password)
    window = MainWindow(session, "self-test", "ru", journal_dir=folder)
    try:
        window.show()
        window.refresh()
        work = window.work
        if work is None:
            raise SelfTestFailed("the operator's window has no Work tab")
        tabs = window.section_titles()
        if "Работа" not in tabs:
            raise SelfTestFailed(f"the Russian translation is missing (tabs: {tabs})")
        work.next_company()
        _wait_for(lambda: work.claim is not None, "no company was claimed")
        name = str(work.card.company.get("name") or "") if work.card else ""
        work.release()
        _wait_for(lambda: work.claim is None, "the company was not given back")
    finally:
        window.close()
        session.engine.dispose()
    return name


def _wait_for(condition: Callable[[], bool], failure: str) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + _WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise SelfTestFailed(failure)
        QApplication.processEvents()
        time.sleep(0.02)


def _say(line: str, *, error: bool = False) -> None:
    """Print when there is somewhere to print (a windowed Windows program has no console)."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(line, file=stream, flush=True)
