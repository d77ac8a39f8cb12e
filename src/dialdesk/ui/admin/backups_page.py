"""The admin's Backups tab: the backups the base recorded (when, size, where), and for the
built-in base its folder, how many daily copies it keeps and "back up now"; a central server
is backed up on the server by a scheduled ``dialdesk-cli backup`` (README)."""

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMessageBox, QWidget

from dialdesk.backup.log import BackupLine, is_overdue, recent_backups
from dialdesk.backup.make import Written, backup_name, make_backup
from dialdesk.services.login import LoggedIn
from dialdesk.settings import Settings, SettingsError, backup_folder, backups_kept
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.row_model import Column, RowTableModel
from dialdesk.ui.common.worker import Background


class BackupsPage(QWidget):
    message = Signal(str)
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
                    self.tr("Taken"), lambda b: b.taken_at.astimezone().strftime("%d.%m.%Y %H:%M")
                ),
                Column(
                    self.tr("Size, MB"),
                    lambda b: locale.toString(b.bytes / 2**20, "f", 1),
                    numeric=True,
                ),
                Column(self.tr("Written by"), lambda b: b.made_by),
                Column(self.tr("File"), lambda b: b.file),
            ],
            self,
        )
        table = self.ui.backups_table
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.ui.own_box.setVisible(own_dsn is not None)
        if own_dsn is not None:
            self.ui.how_label.setText(self.tr(
                "The built-in base backs itself up every day: at the first start of the day and "
                "on quit when the newest copy is a day old, into the folder below. A network "
                "share or a USB disk keeps the copies safe when this computer fails."
            ))  # fmt: skip
            settings = self._settings()
            self.ui.folder_edit.setText(str(backup_folder(settings)))
            self.ui.kept_spin.setValue(backups_kept(settings))
        else:
            self.ui.how_label.setText(self.tr(
                "The central base is backed up on the server: schedule "
                "\"dialdesk-cli backup --dsn …\" there every night with the database owner's "
                "address (the README shows how with Task Scheduler, systemd or cron). Every "
                "backup written is listed here."
            ))  # fmt: skip
        self.ui.choose_button.clicked.connect(self.choose_folder)
        self.ui.save_button.clicked.connect(self.save)
        self.ui.backup_button.clicked.connect(self.back_up_now)
        self.ui.restore_button.clicked.connect(lambda: self.restore())
        shortcut(QKeySequence.StandardKey.Refresh, self, self.refresh, self.tr("refresh"))
        if own_dsn is not None:
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
        self._background.run(lambda: recent_backups(engine), self._show, self._failed)

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
        return self.tr(
            "The newest backup of the base is %1 days old: see the Backups tab."
        ).replace("%1", str(days))

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
            self._say(self.tr("The settings could not be saved: %1").replace("%1", str(exc)))
            return
        self._say(self.tr("Saved: backups go to %1, the newest %2 are kept.")
                  .replace("%1", str(backup_folder(settings)))
                  .replace("%2", str(self.ui.kept_spin.value())))  # fmt: skip

    def back_up_now(self) -> None:
        if self._own_dsn is None or self._maker.busy:
            return
        dsn, label = self._own_dsn, self.tr("built-in database")
        folder = Path(self.ui.folder_edit.text().strip() or backup_folder(self._settings()))
        self.ui.backup_button.setEnabled(False)
        self.ui.status_label.setText(self.tr("Backing up…"))

        def work() -> Written:
            now = datetime.now(UTC)
            return make_backup(dsn, folder / backup_name(now), label)

        self._maker.run(work, self._made, self._make_failed)

    def restore(self, path: Path | None = None) -> None:
        """Ask, then hand the built-in base's replacement to the app (everyone logs out
        while it runs): the chosen line's file, or one picked from the disk."""
        if self._own_dsn is None:
            return
        if path is None:
            rows = self.ui.backups_table.selectionModel().selectedRows()
            chosen = Path(self.model.row_at(rows[0].row()).file) if rows else None
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
        answer = QMessageBox.warning(
            self,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace the whole built-in base with the backup %1? The base as it is now is "
                "backed up first. You are logged out while the backup is restored."
            ).replace("%1", path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(path)

    def _made(self, written: Written) -> None:
        self.ui.backup_button.setEnabled(True)
        self._say(self.tr("Backed up and checked: %1 (%2 MB).")
                  .replace("%1", str(written.path))
                  .replace("%2", QLocale().toString(written.size / 2**20, "f", 1)))  # fmt: skip
        self.backed_up.emit(written)
        self.refresh()

    def _make_failed(self, error: BaseException) -> None:
        self.ui.backup_button.setEnabled(True)
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        show_failure(error, self._say)

    def _say(self, said: str) -> None:
        self.ui.status_label.setText(said)
        self.message.emit(said)
