"""The import wizard (marketers and admins): file, columns, campaign, then the import itself
with progress and cancel, and the list of past imports with undo."""

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
)

from dialdesk import limits
from dialdesk.changes import Changed
from dialdesk.importing.columns import FIELDS
from dialdesk.importing.rows import Cancelled
from dialdesk.services.lists.do_not_call import DoNotCallResult, load_do_not_call
from dialdesk.services.lists.import_batches import BatchLine, list_batches, undo_import
from dialdesk.services.lists.import_options import ImportOptions, ImportResult
from dialdesk.services.lists.import_templates import save_template, template_names
from dialdesk.services.lists.imports import ListPreview, campaign_names, preview_list, run_import
from dialdesk.services.people.login import LoggedIn
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import Page
from dialdesk.ui.common.row_model import ROW_ROLE, Column, RowTableModel, show_sorted
from dialdesk.ui.common.worker import Background

FILE, COLUMNS, CAMPAIGN, RUN = range(4)


class _Progress(QObject):
    """Carries progress from the worker thread to the screen."""

    changed = Signal(str, int, int)


CELL_SHOWN = 80  # characters of a cell shown; the whole cell is its tooltip
COLUMN_WIDTH = 320  # pixels at most, so a long cell never pushes the controls away


def _cell(value: str) -> QTableWidgetItem:
    shown = value if len(value) <= CELL_SHOWN else value[: CELL_SHOWN - 1] + "…"
    item = QTableWidgetItem(shown.replace("\n", " "))
    if shown != value:
        item.setToolTip(value[:2000])
    return item


def _fit_columns(table: QTableWidget) -> None:
    table.resizeColumnsToContents()
    for column in range(table.columnCount()):
        if table.columnWidth(column) > COLUMN_WIDTH:
            table.setColumnWidth(column, COLUMN_WIDTH)


class ImportPage(Page):
    SHOWS = Changed.CAMPAIGNS | Changed.COMPANIES | Changed.DO_NOT_CALL
    NOTE_LABEL = "error_label"
    previewed = Signal()
    imported = Signal(object)  # ImportResult, or None when cancelled
    batches_loaded = Signal()
    do_not_call_loaded = Signal(object)

    def __init__(self, session: LoggedIn, parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("import_page", self)
        self._session = session
        self.ui.source_edit.setMaxLength(limits.COMPANY["source"])
        if self.ui.campaign_combo.lineEdit() is not None:
            self.ui.campaign_combo.lineEdit().setMaxLength(limits.CAMPAIGN["name"])
        self._background = Background(self)
        self._side = Background(self)
        self._progress = _Progress(self)
        self._progress.changed.connect(self._show_progress)
        self._cancel = threading.Event()
        self.preview: ListPreview | None = None
        self.result: ImportResult | None = None
        self._read_path = ""
        self.field_names = {
            "name": self.tr("Company name"),
            "inn": self.tr("INN"),
            "phones": self.tr("Phones"),
            "industry": self.tr("Industry"),
            "city": self.tr("City"),
            "region": self.tr("Region"),
            "address": self.tr("Address"),
            "website": self.tr("Website"),
            "email": self.tr("E-mail"),
            "contact_name": self.tr("Contact person"),
            "contact_position": self.tr("Position"),
            "staff_band": self.tr("Staff"),
        }
        self.batches = RowTableModel[BatchLine](
            [
                Column(self.tr("No."), lambda b: b.id, numeric=True),
                Column(
                    self.tr("When"),
                    lambda b: b.created_at.astimezone().strftime("%d.%m.%Y %H:%M"),
                    sort=lambda b: b.created_at,
                ),
                Column(self.tr("File"), lambda b: b.file_name),
                Column(self.tr("Campaign"), lambda b: b.campaign or ""),
                Column(self.tr("Rows"), lambda b: b.rows_read, numeric=True),
                Column(self.tr("Created"), lambda b: b.companies_created, numeric=True),
                Column(self.tr("Merged"), lambda b: b.companies_merged, numeric=True),
                Column(self.tr("Rejected"), lambda b: b.rows_rejected, numeric=True),
                Column(
                    self.tr("Undone"), lambda b: self._when(b.undone_at), sort=lambda b: b.undone_at
                ),
            ],
            self,
        )
        self._build()

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        ui = self.ui
        ui.encoding_combo.addItem(self.tr("detect"), None)
        ui.encoding_combo.addItem("UTF-8", "utf-8")
        ui.encoding_combo.addItem(self.tr("Windows-1251 (Russian Excel)"), "cp1251")
        for label, value in (
            (self.tr("detect"), None),
            (self.tr("semicolon ;"), ";"),
            (self.tr("comma ,"), ","),
            (self.tr("tab"), "\t"),
            (self.tr("bar |"), "|"),
        ):
            ui.delimiter_combo.addItem(label, value)
        ui.mapping_table.setColumnCount(3)
        ui.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("First value"), self.tr("Holds")]
        )
        ui.mapping_table.verticalHeader().hide()
        ui.mapping_table.horizontalHeader().setStretchLastSection(True)
        ui.splitter.setStretchFactor(0, 4)  # the steps get the room; past imports below
        ui.splitter.setStretchFactor(1, 1)
        show_sorted(ui.batches_table, self.batches)
        ui.batches_table.verticalHeader().hide()
        ui.batches_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        ui.browse_button.clicked.connect(self.browse)
        ui.file_edit.editingFinished.connect(self._file_typed)
        ui.sheet_combo.activated.connect(lambda _i: self.load_preview())
        ui.encoding_combo.activated.connect(lambda _i: self.load_preview())
        ui.delimiter_combo.activated.connect(lambda _i: self.load_preview())
        ui.apply_template_button.clicked.connect(self.apply_template)
        ui.save_template_button.clicked.connect(self.save_mapping_as_template)
        ui.back_button.clicked.connect(self.back)
        ui.next_button.clicked.connect(self.forward)
        ui.start_button.clicked.connect(self.start)
        ui.cancel_button.clicked.connect(self.cancel)
        ui.open_rejects_button.clicked.connect(self.open_rejects)
        ui.new_import_button.clicked.connect(self.new_import)
        ui.undo_button.clicked.connect(lambda: self.undo_selected())  # not clicked(False)
        ui.dnc_button.clicked.connect(self.choose_do_not_call)
        for keys, slot, what in (
            ("Ctrl+O", self.browse, self.tr("choose the file")),
            ("Alt+Right", self.forward, self.tr("the next step")),
            ("Alt+Left", self.back, self.tr("the step before")),
            ("Ctrl+Return", self.start, self.tr("import")),
            ("Ctrl+Enter", self.start, self.tr("import")),
            ("Esc", self.cancel, self.tr("cancel the import under way")),
        ):
            shortcut(keys, self, slot, what)
        self._go(FILE)

    @staticmethod
    def _when(moment: Any) -> str:
        return moment.astimezone().strftime("%d.%m.%Y %H:%M") if moment else ""

    # -- steps ---------------------------------------------------------------------------
    def _go(self, step: int) -> None:
        ui = self.ui
        ui.steps.setCurrentIndex(step)
        ui.error_label.clear()
        titles = [
            self.tr("Step 1 of 4: the file"),
            self.tr("Step 2 of 4: the columns"),
            self.tr("Step 3 of 4: the campaign"),
            self.tr("Step 4 of 4: the import"),
        ]
        ui.step_label.setText(titles[step])
        trial_done = step == RUN and self.result is not None and self.result.dry_run
        ui.back_button.setEnabled(step in (COLUMNS, CAMPAIGN) or trial_done)
        ui.next_button.setVisible(step in (FILE, COLUMNS))
        ui.start_button.setVisible(step == CAMPAIGN)
        running = step == RUN and self.result is None
        ui.cancel_button.setVisible(running)
        ui.open_rejects_button.setVisible(
            step == RUN and self.result is not None and self.result.rejects_file is not None
        )
        ui.new_import_button.setVisible(step == RUN and not running)

    def step(self) -> int:
        return int(self.ui.steps.currentIndex())

    def forward(self) -> None:
        if self._background.busy:
            return
        if self.step() == FILE:
            if self.preview is None:
                self.load_preview(then_next=True)
            else:
                self._show_columns()
        elif self.step() == COLUMNS and self._check_mapping():
            self._go(CAMPAIGN)
            self._load_campaigns()

    def back(self) -> None:
        if self._background.busy:
            return
        if self.step() in (COLUMNS, CAMPAIGN):
            self._go(self.step() - 1)
        elif self.step() == RUN and self.result is not None and self.result.dry_run:
            # the trial run is done: the same file, columns and campaign, for real now
            self.ui.dry_run_check.setChecked(False)
            self._go(CAMPAIGN)
            self.ui.error_label.setText(
                self.tr("The trial run wrote nothing. Press Import (Ctrl+Enter) to import.")
            )
            self.ui.start_button.setFocus()

    # -- step 1: the file ------------------------------------------------------------------
    def browse(self) -> None:
        if self.step() != FILE:
            return
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a list"),
            str(Path(self.ui.file_edit.text()).parent) if self.ui.file_edit.text() else "",
            self.tr("Lists (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"),
        )
        if name:
            self.ui.file_edit.setText(name)
            self._file_typed()

    def _file_typed(self) -> None:
        """A new path (typed, pasted or chosen): read it; leaving the field unchanged does not."""
        typed = self.ui.file_edit.text().strip()
        if typed == self._read_path:
            return
        self._read_path = typed
        self.preview = None
        self.ui.sheet_combo.clear()
        if typed:
            self.load_preview()

    def path(self) -> Path:
        return Path(self.ui.file_edit.text().strip())

    def load_preview(self, template: str | None = None, then_next: bool = False) -> None:
        if not self.ui.file_edit.text().strip():
            self.ui.error_label.setText(self.tr("Choose a file first (Ctrl+O)."))
            return
        engine, path = self._session.engine, self.path()
        sheet = self.ui.sheet_combo.currentText() or None
        encoding = self.ui.encoding_combo.currentData()
        delimiter = self.ui.delimiter_combo.currentData()
        self.ui.error_label.setText(self.tr("Reading the file…"))

        def done(preview: ListPreview) -> None:
            self._previewed(preview)
            if then_next:
                self._show_columns()

        self._background.run(
            lambda: preview_list(
                engine, path, sheet=sheet, encoding=encoding, delimiter=delimiter,
                template=template,
            ),
            done,
            self.failed,
        )  # fmt: skip

    def _previewed(self, preview: ListPreview) -> None:
        self.preview = preview
        ui = self.ui
        ui.error_label.clear()
        ui.sheet_combo.blockSignals(True)
        ui.sheet_combo.clear()
        ui.sheet_combo.addItems(preview.sheets)
        ui.sheet_combo.setCurrentText(preview.sheet)
        ui.sheet_combo.blockSignals(False)
        for combo, value in ((ui.encoding_combo, preview.encoding),
                             (ui.delimiter_combo, preview.delimiter)):  # fmt: skip
            combo.setEnabled(value is not None)
        self._fill_mapping(preview)
        self._fill_sample(preview)
        self.message.emit(
            self.tr("%1 rows under the header in row %2.")
            .replace("%1", str(preview.data_rows))
            .replace("%2", str(preview.header_row_number))
        )
        self._explain_header()
        self.previewed.emit()

    def _explain_header(self) -> None:
        if self.preview is not None and not self.preview.header_recognised:
            self.ui.error_label.setText(
                self.tr(
                    "No column names were recognised: the first row is taken as the header. "
                    "Choose what each column holds, or apply a template."
                )
            )

    # -- step 2: the columns ---------------------------------------------------------------
    def _show_columns(self) -> None:
        self._go(COLUMNS)
        self._explain_header()
        engine = self._session.engine
        self._side.run(lambda: template_names(engine), self._show_templates, self.failed)

    def _show_templates(self, names: list[str]) -> None:
        self.ui.template_combo.clear()
        self.ui.template_combo.addItems(names)
        self.ui.apply_template_button.setEnabled(bool(names))

    def _fill_mapping(self, preview: ListPreview) -> None:
        table = self.ui.mapping_table
        table.setRowCount(len(preview.header))
        first = preview.sample[0] if preview.sample else []
        for row, name in enumerate(preview.header):
            table.setItem(row, 0, _cell(name))
            table.setItem(row, 1, _cell(first[row] if row < len(first) else ""))
            combo = QComboBox(table)
            combo.addItem(self.tr("(not imported)"), None)
            for field in FIELDS:
                combo.addItem(self.field_names[field], field)
            combo.setCurrentIndex(max(0, combo.findData(preview.mapping.get(row))))
            table.setCellWidget(row, 2, combo)
        _fit_columns(table)

    def _fill_sample(self, preview: ListPreview) -> None:
        table = self.ui.preview_table
        table.clear()
        table.setColumnCount(len(preview.header))
        table.setHorizontalHeaderLabels(preview.header)
        table.setRowCount(len(preview.sample))
        for r, row in enumerate(preview.sample):
            for c, value in enumerate(row[: len(preview.header)]):
                table.setItem(r, c, _cell(value))
        _fit_columns(table)

    def mapping(self) -> dict[int, str]:
        table = self.ui.mapping_table
        chosen: dict[int, str] = {}
        for row in range(table.rowCount()):
            field = table.cellWidget(row, 2).currentData()
            if field is not None:
                chosen[row] = field
        return chosen

    def set_field(self, column: int, field: str | None) -> None:
        combo = self.ui.mapping_table.cellWidget(column, 2)
        combo.setCurrentIndex(combo.findData(field))

    def _check_mapping(self) -> bool:
        fields = list(self.mapping().values())
        twice = sorted({self.field_names[f] for f in fields if fields.count(f) > 1})
        if twice:
            self.ui.error_label.setText(
                self.tr("Each field may come from one column only: %1.").replace(
                    "%1", ", ".join(twice)
                )
            )
            return False
        if "name" not in fields:
            self.ui.error_label.setText(self.tr("Choose the column that holds the company name."))
            return False
        if not {"phones", "email", "website"} & set(fields):
            self.ui.error_label.setText(self.tr("Choose the column that holds the phone numbers."))
            return False
        return True

    def apply_template(self) -> None:
        name = self.ui.template_combo.currentText()
        if name:
            self.load_preview(template=name)

    def save_mapping_as_template(self) -> None:
        name = self.ui.template_name_edit.text().strip()
        if self.preview is None:
            return
        if not name:
            self.ui.error_label.setText(self.tr("Give the template a name."))
            self.ui.template_name_edit.setFocus()
            return
        engine, header, mapping = self._session.engine, self.preview.header, self.mapping()

        def saved(_none: object) -> None:
            self.message.emit(self.tr("Template \u201c%1\u201d saved.").replace("%1", name))
            self._show_columns()

        self._side.run(lambda: save_template(engine, name, header, mapping), saved, self.failed)

    # -- step 3: the campaign --------------------------------------------------------------
    def _load_campaigns(self) -> None:
        engine = self._session.engine
        self._side.run(lambda: campaign_names(engine), self._show_campaigns, self.failed)

    def _show_campaigns(self, names: list[str]) -> None:
        combo = self.ui.campaign_combo
        typed = combo.currentText()
        combo.clear()
        combo.addItems(names)
        combo.setCurrentIndex(-1)  # the person chooses: no campaign is taken for them
        combo.setCurrentText(typed)
        combo.setFocus()

    # -- step 4: the import ----------------------------------------------------------------
    def start(self) -> None:
        if self.step() != CAMPAIGN or self._background.busy or self.preview is None:
            return
        campaign = self.ui.campaign_combo.currentText().strip()
        if not campaign:
            self.ui.error_label.setText(self.tr("Choose the campaign the companies go to."))
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
            "read": self.tr("Reading the file…"),
            "clean": self.tr("Checking the rows…"),
            "write": self.tr("Writing to the database…"),
            "done": self.tr("Done."),
        }
        self.ui.stage_label.setText(stages.get(stage, stage))
        weights = {"read": (0, 10), "clean": (10, 50), "write": (60, 40), "done": (100, 0)}
        start, span = weights.get(stage, (0, 0))
        self.ui.progress_bar.setValue(start + (span * done // total if total else 0))

    def cancel(self) -> None:
        if self.step() == RUN and self._background.busy:
            self._cancel.set()
            self.ui.stage_label.setText(self.tr("Cancelling…"))

    def _done(self, result: ImportResult) -> None:
        self.result = result
        self.ui.progress_bar.setValue(100)
        head = (
            self.tr("Trial run, nothing was written:")
            if result.dry_run
            else self.tr("Import %1 done:").replace("%1", str(result.batch_id))
        )
        lines = [
            head,
            self.tr("rows read: %1").replace("%1", str(result.rows_read)),
            self.tr("companies created: %1").replace("%1", str(result.companies_created)),
            self.tr("merged into companies already in the base: %1").replace(
                "%1", str(result.companies_merged)
            ),
            self.tr("duplicate rows in the file joined: %1").replace(
                "%1", str(result.duplicates_in_file)
            ),
            self.tr("phones: %1 valid, %2 invalid, %3 on the do-not-call list")
            .replace("%1", str(result.phones_valid))
            .replace("%2", str(result.phones_invalid))
            .replace("%3", str(result.phones_do_not_call)),
            self.tr("rows rejected: %1").replace("%1", str(result.rows_rejected)),
            self.tr("rows imported with a value cut or left out: %1").replace(
                "%1", str(result.rows_changed)
            ),
            self.tr("time: %1 s").replace("%1", QLocale().toString(result.seconds, "f", 1)),
        ]
        if result.archived_not_queued:
            lines.insert(3, self.tr("archived companies updated but not put in the queue: %1")
                         .replace("%1", str(result.archived_not_queued)))  # fmt: skip
        if result.rejects_file is not None:
            lines.append(
                self.tr("Rejected and changed rows, with the reasons: %1").replace(
                    "%1", str(result.rejects_file)
                )
            )
        self.ui.summary_label.setText("\n".join(lines))
        self._go(RUN)
        self.refresh()
        self.imported.emit(result)
        if not result.dry_run:
            self.changed.emit(Changed.COMPANIES | Changed.CAMPAIGNS)

    def _import_failed(self, error: BaseException) -> None:
        self.result = None
        if isinstance(error, Cancelled):
            self.ui.stage_label.setText(self.tr("Import cancelled; nothing was written."))
            self.ui.progress_bar.setValue(0)
            self._go(CAMPAIGN)
            self.ui.error_label.setText(self.tr("Import cancelled; nothing was written."))
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
        self._go(FILE)
        self.ui.file_edit.setFocus()

    # -- past imports ----------------------------------------------------------------------
    def refresh(self) -> None:
        engine = self._session.engine
        self._side.run(lambda: list_batches(engine), self._show_batches, self.failed)
        if self.step() == CAMPAIGN and not self._background.busy:
            self._load_campaigns()

    def _show_batches(self, rows: list[BatchLine]) -> None:
        self.batches.set_rows(rows)
        self.batches_loaded.emit()

    def selected_batch(self) -> BatchLine | None:
        rows = self.ui.batches_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def undo_selected(self, confirm: bool = True) -> None:
        batch = self.selected_batch()
        if batch is None:
            self.message.emit(self.tr("Select an import first."))
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Undo the import"),
                self.tr(
                    "Remove the %1 companies import %2 created, and the phones, contact "
                    "persons and campaign entries it added? What has been called since stays."
                )
                .replace("%1", str(batch.companies_created))
                .replace("%2", str(batch.id)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        engine = self._session.engine

        def undone(result: Any) -> None:
            said = (
                self.tr("Import %1 undone: %2 companies removed.")
                .replace("%1", str(batch.id))
                .replace("%2", str(result.companies_removed))
            )
            if result.kept_anything:
                said += " " + (
                    self.tr(
                        "Kept, because calls were made on them: %1 companies, %2 phones, "
                        "%3 contact persons, %4 campaign entries."
                    )
                    .replace("%1", str(result.companies_kept))
                    .replace("%2", str(result.phones_kept))
                    .replace("%3", str(result.contact_persons_kept))
                    .replace("%4", str(result.entries_kept))
                )
            self.message.emit(said)
            self.refresh()
            self.changed.emit(Changed.COMPANIES)

        self._side.run(lambda: undo_import(engine, batch.id), undone, self.failed)

    # -- the do-not-call list ----------------------------------------------------------------
    def choose_do_not_call(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a do-not-call list"),
            "",
            self.tr("Lists (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"),
        )
        if name:
            self.load_do_not_call(Path(name))

    def load_do_not_call(self, path: Path) -> None:
        engine, me = self._session.engine, self._session.identity.person_id

        def loaded(result: DoNotCallResult) -> None:
            self.message.emit(
                self.tr(
                    "Do-not-call list: %1 numbers read, %2 new on the list; "
                    "%3 companies in the base have one of them."
                )
                .replace("%1", str(result.numbers_found))
                .replace("%2", str(result.numbers_added))
                .replace("%3", str(result.companies_affected))
            )
            self.do_not_call_loaded.emit(result)
            self.changed.emit(Changed.DO_NOT_CALL)

        self._side.run(lambda: load_do_not_call(engine, me, path), loaded, self.failed)

    # -- messages --------------------------------------------------------------------------
