"""The admin's Backups tab: the backups the base recorded (when, size, where), "back up now"
into a folder and "restore from a backup"; for the built-in base also how many daily copies
it keeps.  A central server is backed up nightly on the server by a scheduled
``dialdesk-cli backup`` (README); from here, with the owner's password asked each time."""

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMessageBox

from dialdesk.backup.log import BackupLine, is_overdue, recent_backups
from dialdesk.backup.make import Written, backup_name, make_backup
from dialdesk.backup.restore import Restored, restore_into_new_database
from dialdesk.changes import Changed
from dialdesk.db.dsn import describe, with_credentials
from dialdesk.services.people.login import LoggedIn
from dialdesk.settings import Settings, SettingsError, backup_folder, backups_kept
from dialdesk.ui.admin.owner_dialog import OwnerDialog
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import Page, filled
from dialdesk.ui.common.row_model import ROW_ROLE, Column, RowTableModel, show_sorted
from dialdesk.ui.common.worker import Background


class BackupsPage(Page):
    SHOWS = Changed.NOTHING
    NOTE_LABEL = "status_label"
    loaded = Signal()
    backed_up = Signal(object)  # Written
    restore_requested = Signal(object)  # Path: the built-in base is to be replaced by it

    def __init__(
        self,
        session: LoggedIn,
        own_dsn: str | None,
        settings: Settings | None = None,
        settings_path: Path | None = None,
        parent=None,
    ) -> None:
        """``own_dsn``: the built-in base's owner DSN (it backs up here); None: a central
        server, backed up on the server.  ``settings`` is the app's own (changed in place
        and saved, so the app's next save keeps the change)."""
        super().__init__(parent)
        self.ui = load_form("backups_page", self)
        self._session = session
        self._own_dsn = own_dsn
        self._settings_path = settings_path
        self._app_settings = settings
        self._background = Background(self)
        self._maker = Background(self)
        self.newest: BackupLine | None = None
        locale = QLocale()
        self.model = RowTableModel[BackupLine](
            [
                Column(
                    self.tr("Taken"),
                    lambda b: b.taken_at.astimezone().strftime("%d.%m.%Y %H:%M"),
                    sort=lambda b: b.taken_at,
                ),
                Column(
                    self.tr("Size, MB"),
                    lambda b: locale.toString(b.bytes / 2**20, "f", 1),
                    numeric=True,
                    sort=lambda b: b.bytes,
                ),
                Column(self.tr("Written by"), lambda b: b.made_by),
                Column(self.tr("File"), lambda b: b.file),
            ],
            self,
        )
        table = self.ui.backups_table
        show_sorted(table, self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        for widget in (self.ui.kept_label, self.ui.kept_spin):
            widget.setVisible(own_dsn is not None)  # daily copies: the built-in base's
        settings = self._settings()
        self.ui.folder_edit.setText(str(backup_folder(settings)))
        self.ui.kept_spin.setValue(backups_kept(settings))
        if own_dsn is not None:
            self.ui.how_label.setText(self.tr(
                "The built-in base backs itself up every day: at the first start of the day and "
                "on quit when the newest copy is a day old, into the folder below. A network "
                "share or a USB disk keeps the copies safe when this computer fails."
            ))  # fmt: skip
        else:
            self.ui.how_label.setText(self.tr(
                "The central base is backed up on the server: schedule "
                "\"dialdesk-cli backup --dsn …\" there every night with the database owner's "
                "address (the README shows how with Task Scheduler, systemd or cron). Every "
                "backup written is listed here. \"Back up now\" writes one into the folder "
                "below with the owner's password, asked each time and never kept."
            ))  # fmt: skip
        self.ui.choose_button.clicked.connect(self.choose_folder)
        self.ui.save_button.clicked.connect(self.save)
        self.ui.backup_button.clicked.connect(self.back_up_now)
        self.ui.restore_button.clicked.connect(lambda: self.restore())
        shortcut(QKeySequence.StandardKey.Refresh, self, self.refresh, self.tr("refresh"))
        shortcut(QKeySequence("Ctrl+B"), self, self.back_up_now, self.tr("back up now"))

    def _settings(self) -> Settings:
        if self._app_settings is None:
            try:
                self._app_settings = Settings.load(self._settings_path)
            except SettingsError:
                self._app_settings = Settings()
        return self._app_settings

    def refresh(self) -> None:
        engine = self._session.engine
        self._background.run(lambda: recent_backups(engine), self._show, self.failed)

    def _show(self, lines: list[BackupLine]) -> None:
        self.model.set_rows(lines)
        self.newest = lines[0] if lines else None
        if not lines:
            self.ui.status_label.setText(self.tr("The base has not been backed up yet."))
        self.loaded.emit()

    def overdue_warning(self, now: datetime) -> str | None:
        """What the admin's window says while the newest backup is over two days old."""
        if not is_overdue(self.newest, now):
            return None
        if self.newest is None:
            return self.tr("The base has never been backed up: see the Backups tab.")
        days = (now - self.newest.taken_at).days
        return filled(
            self.tr("The newest backup of the base is %1 days old: see the Backups tab."), str(days)
        )

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for backups"), self.ui.folder_edit.text()
        )
        if chosen:
            self.ui.folder_edit.setText(chosen)

    def save(self) -> None:
        settings = self._settings()
        settings.backup_folder = self.ui.folder_edit.text().strip()
        settings.backups_kept = str(self.ui.kept_spin.value())
        try:
            settings.save(self._settings_path)
        except OSError as exc:
            self.say(filled(self.tr("The settings could not be saved: %1"), str(exc)))
            return
        folder, kept = str(backup_folder(settings)), str(self.ui.kept_spin.value())
        self.say(filled(self.tr("Saved: backups go to %1, the newest %2 are kept."), folder, kept))

    def _owner_dsn(self, why: str, new_database: bool = False) -> tuple[str, str] | None:
        """The central base as its owner, asked now (and the new database's name)."""
        dialog = OwnerDialog(why, new_database=new_database, parent=self)
        if not dialog.exec():
            return None
        return with_credentials(self._session.dsn, dialog.login(), dialog.password()), (
            dialog.database()
        )

    def back_up_now(self) -> None:
        if self._maker.busy:
            return
        if self._own_dsn is not None:
            dsn, label = self._own_dsn, self.tr("built-in database")
        else:
            asked = self._owner_dsn(self.tr(
                "A backup reads every row of the base, which only the database's owner may "
                "do. Its password is used for this backup only and is not kept."
            ))  # fmt: skip
            if asked is None:
                return
            dsn, label = asked[0], describe(self._session.dsn)
        folder = Path(self.ui.folder_edit.text().strip() or backup_folder(self._settings()))
        self.ui.backup_button.setEnabled(False)
        self.ui.status_label.setText(self.tr("Backing up…"))

        def work() -> Written:
            now = datetime.now(UTC)
            return make_backup(dsn, folder / backup_name(now), label)

        self._maker.run(work, self._made, self._make_failed)

    def restore(self, path: Path | None = None) -> None:
        """The chosen line's file, or one picked from the disk: on the built-in base, asked
        and handed to the app (everyone logs out while it runs); on a central server,
        restored into a new database as the owner."""
        if path is None:
            rows = self.ui.backups_table.selectionModel().selectedRows()
            chosen = Path(rows[0].data(ROW_ROLE).file) if rows else None
            if chosen is None or not chosen.is_file():
                picked, _ = QFileDialog.getOpenFileName(
                    self,
                    self.tr("Restore from a backup"),
                    self.ui.folder_edit.text(),
                    self.tr("DialDesk backups (*.dialdesk-backup)"),
                )
                if not picked:
                    return
                chosen = Path(picked)
            path = chosen
        if self._own_dsn is None:
            self._restore_central(path)
            return
        answer = QMessageBox.warning(
            self,
            self.tr("Restore from a backup"),
            filled(
                self.tr(
                    "Replace the whole built-in base with the backup %1? The base as it is now is "
                    "backed up first. You are logged out while the backup is restored."
                ),
                path.name,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(path)

    def _restore_central(self, path: Path) -> None:
        asked = self._owner_dsn(
            filled(
                self.tr(
                    "The backup %1 is restored into a new, empty database on this server, as the "
                    "database's owner (its password is not kept); the base in use stays as it "
                    "is. Then point the workstations at the new database in Settings."
                ),
                path.name,
            ),
            new_database=True,
        )
        if asked is None or self._maker.busy:
            return
        dsn, database = asked
        self.ui.restore_button.setEnabled(False)
        self.ui.status_label.setText(self.tr("Restoring…"))

        def done(restored: Restored) -> None:
            self.ui.restore_button.setEnabled(True)
            tables = restored.counts
            said = self.tr(
                "Restored into the database %1: %2 companies, %3 calls. Point the "
                "workstations at it in Settings."
            )
            companies = tables.get("dialdesk.companies", 0)
            self.say(filled(said, database, companies, tables.get("dialdesk.calls", 0)))

        def failed(error: BaseException) -> None:
            self.ui.restore_button.setEnabled(True)
            self.failed(error)

        self._maker.run(lambda: restore_into_new_database(dsn, database, path), done, failed)

    def _made(self, written: Written) -> None:
        self.ui.backup_button.setEnabled(True)
        size = QLocale().toString(written.size / 2**20, "f", 1)
        self.say(filled(self.tr("Backed up and checked: %1 (%2 MB)."), written.path, size))
        self.backed_up.emit(written)
        self.refresh()

    def _make_failed(self, error: BaseException) -> None:
        self.ui.backup_button.setEnabled(True)
        self.failed(error)
