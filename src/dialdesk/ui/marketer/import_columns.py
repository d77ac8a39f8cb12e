"""The import wizard's second step: which column holds what, and the saved templates."""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem

from dialdesk.importing.columns import FIELDS, SEVERAL
from dialdesk.services.lists.import_templates import save_template, template_names
from dialdesk.services.lists.imports import ListPreview
from dialdesk.ui.common.page import filled

FILE, COLUMNS, CAMPAIGN, RUN = range(4)  # the wizard's steps
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


class ColumnsMixin:
    """Part of ``ImportPage`` (which provides the attributes used here)."""

    if TYPE_CHECKING:  # the page's own attributes, for the type checker only

        def __getattr__(self, name: str) -> Any: ...

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
            combo.addItem(QCoreApplication.translate("ImportPage", "(not imported)"), None)
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
        twice = sorted(
            {self.field_names[f] for f in fields if fields.count(f) > 1 and f not in SEVERAL}
        )
        if twice:
            self.ui.error_label.setText(
                filled(
                    QCoreApplication.translate(
                        "ImportPage", "Each field may come from one column only: %1."
                    ),
                    ", ".join(twice),
                )
            )
            return False
        if "name" not in fields:
            self.ui.error_label.setText(
                QCoreApplication.translate(
                    "ImportPage", "Choose the column that holds the company name."
                )
            )
            return False
        if not {"phones", "email", "website"} & set(fields):
            self.ui.error_label.setText(
                QCoreApplication.translate(
                    "ImportPage", "Choose the column that holds the phone numbers."
                )
            )
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
            self.ui.error_label.setText(
                QCoreApplication.translate("ImportPage", "Give the template a name.")
            )
            self.ui.template_name_edit.setFocus()
            return
        engine, header, mapping = self._session.engine, self.preview.header, self.mapping()

        def saved(_none: object) -> None:
            self.message.emit(
                filled(
                    QCoreApplication.translate("ImportPage", "Template \u201c%1\u201d saved."), name
                )
            )
            self._show_columns()

        self._side.run(lambda: save_template(engine, name, header, mapping), saved, self.failed)
