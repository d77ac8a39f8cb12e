"""Start-up and the login loop: database → (first run) → login → main window → log out."""

import logging
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from dialdesk.backup.daily import back_up_if_due
from dialdesk.backup.make import Written
from dialdesk.backup.replace import Replaced, replace_base
from dialdesk.db.engine import make_engine
from dialdesk.db.target import DatabaseTarget
from dialdesk.logs import setup_logging
from dialdesk.paths import shipped_dir
from dialdesk.services.people.login import LoggedIn, count_people
from dialdesk.settings import Settings, SettingsError, backup_folder, backups_kept
from dialdesk.ui.common.crash_dialog import install_crash_hook
from dialdesk.ui.common.error_text import plain_error
from dialdesk.ui.common.first_run_dialog import FirstRunDialog
from dialdesk.ui.common.login_dialog import LoginDialog
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.settings_dialog import SettingsDialog
from dialdesk.ui.common.single_instance import InstanceServer, send_to_running
from dialdesk.ui.common.translations import choose_language, install_translator
from dialdesk.ui.common.worker import Background
from dialdesk.ui.main_window import MainWindow

_log = logging.getLogger(__name__)


class AppController(QObject):
    """Walks a person from start-up to the main window and back to login on log-out."""

    def __init__(
        self,
        dsn_option: str | None,
        settings: Settings,
        language: str,
        settings_path: Path | None = None,
    ) -> None:
        super().__init__()
        self._dsn_option = dsn_option
        self._settings = settings
        self._settings_path = settings_path
        self.language = language
        self._background = Background(self)
        self.target: DatabaseTarget | None = None
        self.login_dialog: LoginDialog | None = None
        self.window: MainWindow | None = None
        self.session: LoggedIn | None = None
        self._progress: QProgressDialog | None = None
        self.caller: str | None = None  # a number the softphone gave before the window opened
        self._backup_worker = Background(self)
        self._note: str | None = None  # said on the main window once it opens

    # -- start-up --------------------------------------------------------------------------
    def start(self) -> None:
        self.target = DatabaseTarget.from_option(self._dsn_option, self._settings_path)
        target = self.target
        if not target.is_embedded:
            self.show_login()
            return
        self._progress = QProgressDialog(self.tr("Starting the built-in database…"), "", 0, 0)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._progress.setMinimumDuration(300)

        def start_and_count() -> int:
            target.start()
            engine = make_engine(target.admin_dsn, pool_size=1)
            try:
                return count_people(engine)
            finally:
                engine.dispose()

        self._background.run(start_and_count, self._embedded_ready, self._fatal)

    def _embedded_ready(self, people_count: int) -> None:
        self._close_progress()
        self._daily_backup()
        if people_count:
            self.show_login()
            return
        assert self.target is not None
        engine = make_engine(self.target.admin_dsn, pool_size=1)
        dialog = FirstRunDialog(engine)

        def finished(result: int) -> None:
            engine.dispose()
            if result:
                self._settings.last_login = dialog.suggested_login
                self.show_login()
            else:
                self.quit()

        dialog.finished.connect(finished)
        dialog.show()
        self.first_run_dialog = dialog

    def _daily_backup(self) -> None:
        """The built-in base's copy of the day, at the first start of the day; in the
        background, so nobody waits for it to log in."""
        assert self.target is not None
        dsn, folder, label = (
            self.target.admin_dsn,
            backup_folder(self._settings),
            self.database_text(),
        )
        kept = backups_kept(self._settings)

        def work() -> Written | None:
            return back_up_if_due(dsn, folder, datetime.now(UTC), quitting=False, label=label,
                                  keep=kept)  # fmt: skip

        def done(written: Written | None) -> None:
            if written is not None:
                said = self.tr("Today's backup of the base is in %1.")
                self._tell(filled(said, written.path))

        def failed(error: BaseException) -> None:
            _log.warning("the daily backup failed: %s", error)
            said = self.tr("Today's backup of the base could not be written: %1")
            self._tell(filled(said, plain_error(error) or str(error)))

        self._backup_worker.run(work, done, failed)

    def _tell(self, said: str) -> None:
        """A note for whoever works: on the main window, or kept until it opens."""
        if self.window is not None:
            self.window.show_message(said)
        else:
            self._note = said

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None

    def _fatal(self, error: BaseException) -> None:
        self._close_progress()
        text = plain_error(error)
        if text is None:
            raise error
        QMessageBox.critical(None, self.tr("DialDesk cannot start"), text)
        self.quit()

    def database_text(self) -> str:
        assert self.target is not None
        if self.target.is_embedded:
            return self.tr("built-in database on this computer")
        return self.target.describe()

    # -- login -------------------------------------------------------------------------------
    def show_login(self) -> None:
        assert self.target is not None
        dialog = LoginDialog(
            self.target.login_dsn,
            self.database_text(),
            self._settings.last_login,
            open_settings=self.open_settings,
        )
        dialog.finished.connect(lambda result: self._login_finished(dialog, result))
        self.login_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _login_finished(self, dialog: LoginDialog, result: int) -> None:
        if self.login_dialog is not dialog:
            return  # replaced after a settings change
        self.login_dialog = None
        if not result or dialog.session is None:
            self.quit()
            return
        self.session = dialog.session
        self._settings.last_login = self.session.identity.login
        self._save_settings()
        self._open_main_window()

    def _open_main_window(self) -> None:
        assert self.session is not None and self.target is not None
        window = MainWindow(
            self.session,
            self.database_text(),
            self.language,
            softphone_command=self._settings.softphone_command,
            own_dsn=self.target.admin_dsn if self.target.is_embedded else None,
            settings=self._settings,
            settings_path=self._settings_path,
        )
        window.logout_requested.connect(self.log_out)
        window.quit_requested.connect(self._main_window_closed)
        window.restore_requested.connect(self.restore_base)
        window.settings_requested.connect(lambda: self.open_settings(window))
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window = window
        window.show()
        window.raise_()
        window.activateWindow()  # keyboard straight to the work, without a click
        window.refresh()
        if self.caller is not None:
            self.incoming(self.caller)
        if self._note is not None:
            window.show_message(self._note)
            self._note = None

    # -- other starts: a second DialDesk, a softphone's incoming call -----------------------
    def bring_forward(self) -> None:
        """Another start of DialDesk: show this one instead."""
        front = self.window or self.login_dialog
        if front is None:
            return
        if front.isMinimized():
            front.showNormal()
        front.show()
        front.raise_()
        front.activateWindow()

    def incoming(self, number: str) -> None:
        """The softphone says ``number`` calls: find whose it is on the Work tab (after the
        login, if nobody is logged in yet)."""
        self.bring_forward()
        window = self.window
        if window is None or window.work is None:
            self.caller = number
            return
        self.caller = None
        window.show_work()
        window.work.show_caller(number)

    def _main_window_closed(self) -> None:
        self.window = None
        self.quit()

    def log_out(self) -> None:
        self.window = None
        self._dispose_session()
        self.show_login()

    def restore_base(self, path: Path) -> None:
        """The built-in base replaced by the backup ``path``, nobody logged in meanwhile;
        the base it replaces is backed up first and comes back if the restore fails."""
        self.window = None
        self._dispose_session()
        self._backup_worker.wait()  # the day's copy first: the restore drops the database
        assert self.target is not None
        dsn, label = self.target.admin_dsn, self.database_text()
        folder = backup_folder(self._settings)
        self._progress = QProgressDialog(self.tr("Restoring the base from the backup…"), "", 0, 0)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._progress.setMinimumDuration(0)

        def restored(replaced: Replaced) -> None:
            self._close_progress()
            tables = replaced.restored.counts
            taken = replaced.restored.manifest.created_at.astimezone().strftime("%d.%m.%Y %H:%M")
            said = self.tr(
                "Restored the backup of %1: %2 companies, %3 calls. The base it "
                "replaced is kept in %4."
            )
            companies, calls = tables.get("dialdesk.companies", 0), tables.get("dialdesk.calls", 0)
            self._note = filled(said, taken, companies, calls, replaced.kept.path)
            if replaced.restored.recreated_logins:  # the backup came from another server
                QMessageBox.information(None, self.tr("New passwords needed"), filled(self.tr(
                    "These logins were not on this computer and were made again, unable to "
                    "log in until they get a new password: %1. Give each one with "
                    "\"dialdesk-cli user password LOGIN\"."
                ), ", ".join(replaced.restored.recreated_logins)))  # fmt: skip
            self.show_login()

        def failed(error: BaseException) -> None:
            self._close_progress()
            QMessageBox.critical(
                None, self.tr("The backup was not restored"), plain_error(error) or str(error)
            )
            self.show_login()

        self._background.run(lambda: replace_base(dsn, path, folder, label), restored, failed)

    # -- settings ----------------------------------------------------------------------------
    def open_settings(self, parent=None) -> None:
        dialog = SettingsDialog(self._settings_path, parent or self.login_dialog)
        if not dialog.exec():
            return
        changed = dialog.settings.server_dsn != self._settings.server_dsn
        self._settings = dialog.settings
        if not changed or self.window is not None:
            return
        assert self.target is not None
        if self.target.choice.source in ("option", "environment"):
            QMessageBox.information(
                self.login_dialog,
                self.tr("Settings saved"),
                self.tr(
                    "This run uses the database given by --dsn or DIALDESK_DSN; "
                    "the saved server is used when neither is given."
                ),
            )
            return
        if self.login_dialog is not None:
            old, self.login_dialog = self.login_dialog, None
            old.close()
        self.target.stop()
        self.start()

    def _save_settings(self) -> None:
        try:
            self._settings.save(self._settings_path)
        except OSError as exc:
            _log.warning("cannot save settings: %s", exc)

    # -- shutting down ---------------------------------------------------------------------
    def _dispose_session(self) -> None:
        if self.session is not None:
            # let a query still running for the old window finish first: a connection
            # checked out during dispose() would never be closed properly
            self._background.wait()
            self.session.engine.dispose()
            self.session = None

    def quit(self) -> None:
        QApplication.quit()

    def shutdown(self) -> None:
        """Close the connection and stop the built-in server, whatever state we are in; the
        built-in base is backed up first when its newest copy is a day old."""
        self._background.wait()
        self._backup_worker.wait()
        self._dispose_session()
        if self.target is not None:
            if self.target.is_embedded and self.target.is_running:
                self._backup_on_quit()
            self.target.stop()

    def _backup_on_quit(self) -> None:
        assert self.target is not None
        try:
            back_up_if_due(self.target.admin_dsn, backup_folder(self._settings),
                           datetime.now(UTC), quitting=True, label=self.database_text(),
                           keep=backups_kept(self._settings))  # fmt: skip
        except Exception as exc:  # quitting goes on; the next start tries again
            _log.warning("the backup on quit failed: %s", exc)


def run_app(dsn_option: str | None, incoming: str | None = None) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    if send_to_running(f"incoming {incoming}" if incoming else "show"):
        return 0  # the DialDesk already running took it
    others = InstanceServer(app)
    others.listen()
    app.setApplicationName("DialDesk")
    app.setWindowIcon(QIcon(str(shipped_dir("resources") / "icons" / "dialdesk.png")))
    app.setQuitOnLastWindowClosed(False)
    log_path = setup_logging()
    install_crash_hook(log_path)
    try:
        settings = Settings.load()
    except SettingsError as exc:
        _log.warning("%s", exc)
        settings = Settings()
    language = choose_language(settings.language)
    install_translator(language)
    controller = AppController(dsn_option, settings, language)
    controller.caller = incoming
    others.shown.connect(controller.bring_forward)
    others.incoming.connect(controller.incoming)
    controller.start()
    try:
        return app.exec()
    finally:
        others.close()
        controller.shutdown()
