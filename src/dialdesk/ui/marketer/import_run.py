"""The import wizard's last step: the import itself, with progress and cancel, and its summary."""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QUrl
from PySide6.QtGui import QDesktopServices

from dialdesk.changes import Changed
from dialdesk.importing.rows import Cancelled
from dialdesk.services.lists.import_options import ImportOptions, ImportResult
from dialdesk.services.lists.imports import ListPreview, run_import
from dialdesk.ui.common.page import filled
from dialdesk.ui.marketer.import_columns import CAMPAIGN, FILE, RUN


class RunMixin:
    """Part of ``ImportPage`` (which provides the attributes used here)."""

    preview: ListPreview | None
    result: ImportResult | None

    if TYPE_CHECKING:  # the page's own attributes, for the type checker only

        def __getattr__(self, name: str) -> Any: ...

    # -- step 4: the import ----------------------------------------------------------------
    def start(self) -> None:
        if self.step() != CAMPAIGN or self._background.busy or self.preview is None:
            return
        campaign = self.ui.campaign_combo.currentText().strip()
        if not campaign:
            self.ui.error_label.setText(
                QCoreApplication.translate("ImportPage", "Choose the campaign the companies go to.")
            )
            return
        options = ImportOptions(
            campaign=campaign,
            source=self.ui.source_edit.text().strip() or None,
            sheet=self.preview.sheet,
            mapping=self.mapping(),
            encoding=self.preview.encoding,
            delimiter=self.preview.delimiter,
            dry_run=self.ui.dry_run_check.isChecked(),
            header_row=self.preview.header_row_number - 1,
            translate=lambda template: QCoreApplication.translate("Messages", template),
            experts=self.chosen_experts(),
            groups=self.chosen_groups(),
            overwrite=self.overwrite(),
        )
        engine, me, path = self._session.engine, self._session.identity.person_id, self.path()
        self._cancel.clear()
        self.result = None
        self.ui.progress_bar.setValue(0)
        self.ui.summary_label.clear()
        self._go(RUN)
        progress, cancelled = self._progress.changed.emit, self._cancel.is_set
        self._background.run(
            lambda: run_import(engine, me, path, options, progress=progress, cancelled=cancelled),
            self._done,
            self._import_failed,
        )

    def _show_progress(self, stage: str, done: int, total: int) -> None:
        stages = {
            "read": QCoreApplication.translate("ImportPage", "Reading the file…"),
            "clean": QCoreApplication.translate("ImportPage", "Checking the rows…"),
            "write": QCoreApplication.translate("ImportPage", "Writing to the database…"),
            "done": QCoreApplication.translate("ImportPage", "Done."),
        }
        self.ui.stage_label.setText(stages.get(stage, stage))
        weights = {"read": (0, 10), "clean": (10, 50), "write": (60, 40), "done": (100, 0)}
        start, span = weights.get(stage, (0, 0))
        self.ui.progress_bar.setValue(start + (span * done // total if total else 0))

    def cancel(self) -> None:
        if self.step() == RUN and self._background.busy:
            self._cancel.set()
            self.ui.stage_label.setText(QCoreApplication.translate("ImportPage", "Cancelling…"))

    def _done(self, result: ImportResult) -> None:
        self.result = result
        self.ui.progress_bar.setValue(100)
        head = (
            QCoreApplication.translate("ImportPage", "Trial run, nothing was written:")
            if result.dry_run
            else filled(
                QCoreApplication.translate("ImportPage", "Import %1 done:"), str(result.batch_id)
            )
        )
        lines = [
            head,
            filled(
                QCoreApplication.translate("ImportPage", "rows read: %1"), str(result.rows_read)
            ),
            filled(
                QCoreApplication.translate("ImportPage", "companies created: %1"),
                str(result.companies_created),
            ),
            filled(
                QCoreApplication.translate(
                    "ImportPage", "merged into companies already in the base: %1"
                ),
                str(result.companies_merged),
            ),
            filled(
                QCoreApplication.translate("ImportPage", "duplicate rows in the file joined: %1"),
                str(result.duplicates_in_file),
            ),
            filled(
                QCoreApplication.translate(
                    "ImportPage", "phones: %1 valid, %2 invalid, %3 on the do-not-call list"
                ),
                str(result.phones_valid),
                str(result.phones_invalid),
                str(result.phones_do_not_call),
            ),
            filled(
                QCoreApplication.translate("ImportPage", "rows rejected: %1"),
                str(result.rows_rejected),
            ),
            filled(
                QCoreApplication.translate(
                    "ImportPage", "rows imported with a value cut or left out: %1"
                ),
                str(result.rows_changed),
            ),
            filled(
                QCoreApplication.translate("ImportPage", "time: %1 s"),
                QLocale().toString(result.seconds, "f", 1),
            ),
        ]
        if result.archived_not_queued:
            archived = QCoreApplication.translate(
                "ImportPage", "archived companies updated but not put in the queue: %1"
            )
            lines.insert(3, filled(archived, str(result.archived_not_queued)))
        lines[-1:-1] = self._old_base_lines(result)
        if result.rejects_file is not None:
            lines.append(
                filled(
                    QCoreApplication.translate(
                        "ImportPage", "Rejected and changed rows, with the reasons: %1"
                    ),
                    str(result.rejects_file),
                )
            )
        if result.rejects_error is not None:
            lines.append(
                filled(
                    QCoreApplication.translate(
                        "ImportPage",
                        "The file of rejected and changed rows could not be written to %1: %2. "
                        "The import itself is saved.",
                    ),
                    str(result.rejects_unwritten),
                    QCoreApplication.translate("Messages", result.rejects_error),
                )
            )
        self.ui.summary_label.setText("\n".join(lines))
        self._show_unknown(result)
        self._go(RUN)
        self.refresh()
        self.imported.emit(result)
        if not result.dry_run:
            self.changed.emit(Changed.COMPANIES | Changed.CAMPAIGNS)

    def _import_failed(self, error: BaseException) -> None:
        self.result = None
        if isinstance(error, Cancelled):
            self.ui.stage_label.setText(
                QCoreApplication.translate("ImportPage", "Import cancelled; nothing was written.")
            )
            self.ui.progress_bar.setValue(0)
            self._go(CAMPAIGN)
            self.ui.error_label.setText(
                QCoreApplication.translate("ImportPage", "Import cancelled; nothing was written.")
            )
            self.imported.emit(None)
            return
        self._go(CAMPAIGN)
        self.failed(error)

    def open_rejects(self) -> None:
        if self.result is not None and self.result.rejects_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.rejects_file)))

    def new_import(self) -> None:
        if self._background.busy:
            return
        self.preview = None
        self.result = None
        self._read_path = ""
        self.ui.file_edit.clear()
        self.ui.dry_run_check.setChecked(False)  # a new import is for real unless asked
        self.ui.campaign_combo.setCurrentIndex(-1)
        self.ui.campaign_combo.setCurrentText("")
        self.ui.source_edit.clear()
        self.ui.sheet_combo.clear()
        self.ui.mapping_table.setRowCount(0)
        self.ui.preview_table.clear()
        self.ui.fill_radio.setChecked(True)
        self._clear_unknown()
        self._go(FILE)
        self.ui.file_edit.setFocus()
