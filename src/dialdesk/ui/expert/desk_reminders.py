"""The reminder of the expert's desk: when a planned contact falls due, a window says so
and opens it in the Today list."""

from datetime import UTC, datetime
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from dialdesk.services.experts.desk import PlannedLine
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.row_model import select_where
from dialdesk.ui.operator import card_view


class RemindersMixin:
    """The reminders of ``ExpertPage`` (which provides these attributes)."""

    ui: Any
    today_model: Any
    _opened_at: datetime
    _reminded: set[int]
    reminder_box: QMessageBox | None
    _show_list: Any

    def _remind(self, planned: list[PlannedLine]) -> None:
        now = datetime.now(UTC)
        due = [p for p in planned
               if self._opened_at <= p.due_at <= now and p.id not in self._reminded]  # fmt: skip
        if not due:
            return
        self._reminded.update(p.id for p in due)
        first = due[0]
        kind = card_view.callback_kinds().get(first.kind, first.kind)
        title = QCoreApplication.translate("ExpertPage", "A planned contact is due")
        said = QCoreApplication.translate("ExpertPage", "%1 with %2 is due now (client's time %3).")
        buttons = QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close
        box = QMessageBox(
            QMessageBox.Icon.Information,
            title,
            filled(said, kind, first.company, first.client_time()),
            buttons,
            cast(QWidget, self),
        )
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.button(QMessageBox.StandardButton.Open).clicked.connect(
            lambda: self._open_planned(first.id)
        )
        box.show()
        self.reminder_box = box

    def _open_planned(self, callback: int) -> None:
        self._show_list(self.ui.today_tab)
        select_where(self.ui.today_table, lambda line: line.id == callback)
