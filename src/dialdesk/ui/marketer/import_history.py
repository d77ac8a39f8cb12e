"""The import page's lower half: past imports with their undo, and the do-not-call list."""

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QWidget,
)

from dialdesk.changes import Changed
from dialdesk.services.lists.do_not_call import DoNotCallResult, load_do_not_call
from dialdesk.services.lists.import_batches import BatchLine, list_batches, undo_import
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.row_model import ROW_ROLE
from dialdesk.ui.marketer.import_columns import CAMPAIGN


class PastImportsMixin:
    """Part of ``ImportPage`` (which provides the attributes used here)."""

    if TYPE_CHECKING:  # the page's own attributes, for the type checker only

        def __getattr__(self, name: str) -> Any: ...

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
            self.message.emit(QCoreApplication.translate("ImportPage", "Select an import first."))
            return
        if confirm:
            answer = QMessageBox.question(
                cast(QWidget, self),
                QCoreApplication.translate("ImportPage", "Undo the import"),
                filled(
                    QCoreApplication.translate(
                        "ImportPage",
                        "Remove the %1 companies import %2 created, and the phones, contact "
                        "persons and campaign entries it added? What has been called since stays.",
                    ),
                    str(batch.companies_created),
                    str(batch.id),
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        engine = self._session.engine

        def undone(result: Any) -> None:
            said = filled(
                QCoreApplication.translate("ImportPage", "Import %1 undone: %2 companies removed."),
                str(batch.id),
                str(result.companies_removed),
            )
            if result.kept_anything:
                said += " " + (
                    filled(
                        QCoreApplication.translate(
                            "ImportPage",
                            "Kept, because calls were made on them: %1 companies, %2 phones, "
                            "%3 contact persons, %4 campaign entries.",
                        ),
                        str(result.companies_kept),
                        str(result.phones_kept),
                        str(result.contact_persons_kept),
                        str(result.entries_kept),
                    )
                )
            self.message.emit(said)
            self.refresh()
            self.changed.emit(Changed.COMPANIES)

        self._side.run(lambda: undo_import(engine, batch.id), undone, self.failed)

    # -- the do-not-call list ----------------------------------------------------------------
    def choose_do_not_call(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            cast(QWidget, self),
            QCoreApplication.translate("ImportPage", "Choose a do-not-call list"),
            "",
            QCoreApplication.translate(
                "ImportPage",
                "Lists (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html *.xml);;All files (*)",
            ),
        )
        if name:
            self.load_do_not_call(Path(name))

    def load_do_not_call(self, path: Path) -> None:
        engine, me = self._session.engine, self._session.identity.person_id

        def loaded(result: DoNotCallResult) -> None:
            self.message.emit(
                filled(
                    QCoreApplication.translate(
                        "ImportPage",
                        "Do-not-call list: %1 numbers read, %2 new on the list; "
                        "%3 companies in the base have one of them.",
                    ),
                    str(result.numbers_found),
                    str(result.numbers_added),
                    str(result.companies_affected),
                )
            )
            self.do_not_call_loaded.emit(result)
            self.changed.emit(Changed.DO_NOT_CALL)

        self._side.run(lambda: load_do_not_call(engine, me, path), loaded, self.failed)
