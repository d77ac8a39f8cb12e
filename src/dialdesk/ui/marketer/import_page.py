"""The import wizard (marketers and admins): file, columns, campaign, then the import itself
with progress and cancel, and the list of past imports with undo."""

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
)

from dialdesk import limits
from dialdesk.changes import Changed
from dialdesk.services.lists.import_batches import BatchLine
from dialdesk.services.lists.import_options import ImportResult
from dialdesk.services.lists.imports import ListPreview, campaign_names, preview_list
from dialdesk.services.people.login import LoggedIn
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import Page, filled
from dialdesk.ui.common.row_model import Column, RowTableModel, show_sorted
from dialdesk.ui.common.worker import Background
from dialdesk.ui.marketer.import_columns import CAMPAIGN, COLUMNS, FILE, RUN, ColumnsMixin
from dialdesk.ui.marketer.import_history import PastImportsMixin
from dialdesk.ui.marketer.import_old_base import OldBaseMixin
from dialdesk.ui.marketer.import_run import RunMixin


class _Progress(QObject):
    """Carries progress from the worker thread to the screen."""

    changed = Signal(str, int, int)


class ImportPage(ColumnsMixin, RunMixin, OldBaseMixin, PastImportsMixin, Page):
    SHOWS = Changed.CAMPAIGNS | Changed.COMPANIES | Changed.DO_NOT_CALL
    NOTE_LABEL = "error_label"
    previewed = Signal()
    imported = Signal(object)  # ImportResult, or None when cancelled
    batches_loaded = Signal()
    do_not_call_loaded = Signal(object)

    def __init__(self, session: LoggedIn, parent=None, language: str = "en") -> None:
        super().__init__(parent)
        self.ui = load_form("import_page", self)
        self._session = session
        self._language = language
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
            "kpp": self.tr("KPP"),
            "ogrn": self.tr("OGRN"),
            "okved": self.tr("OKVED code"),
            "listed_on": self.tr("In the customer's base since"),
            "expert": self.tr("Responsible manager"),
            "group": self.tr("Group in the old base"),
            "last_contact_on": self.tr("Last contact: date"),
            "last_contact_result": self.tr("Last contact: result"),
            "last_contact_comment": self.tr("Last contact: comment"),
            "last_contact_by": self.tr("Last contact: who"),
            "client_since": self.tr("Client since"),
            "last_purchase_on": self.tr("Last purchase"),
            "total_bought": self.tr("Total bought"),
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
        ui.encoding_combo.addItem(self.tr("UTF-16 (Excel's Unicode text)"), "utf-16")
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
        self._setup_old_base()
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
            self._fill_overwrite_list()
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
            self.tr(
                "Lists (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html *.xml);;All files (*)"
            ),
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
            # "detect" says what it found, so a wrong guess is seen and changed at once
            found = combo.findData("utf-8" if value == "utf-8-sig" else value)
            combo.setItemText(
                0,
                filled(self.tr("detect (found: %1)"), combo.itemText(found))
                if value is not None and found > 0 and combo.currentIndex() == 0
                else self.tr("detect"),
            )
        self._fill_mapping(preview)
        self._fill_sample(preview)
        self.message.emit(
            filled(
                self.tr("%1 rows under the header in row %2."),
                str(preview.data_rows),
                str(preview.header_row_number),
            )
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

    # -- messages --------------------------------------------------------------------------
