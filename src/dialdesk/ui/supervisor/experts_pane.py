"""The monitor's experts: each expert's day, and the hand-offs waiting for them (red once
they have waited longer than the admin allows), one of which can be moved to a colleague."""

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from dialdesk.services.floor.experts_floor import ExpertToday, WaitingHandoff
from dialdesk.services.floor.monitor import FloorNow
from dialdesk.ui.common.row_model import ROW_ROLE, Column, RowTableModel, show_sorted
from dialdesk.ui.operator.card_view import tr

LATE = QColor("#ffc9c9")  # the monitor's colour of what is late
RETURNED = QColor("#fff3c4")  # given back by the expert: the supervisor's to decide


class ExpertsPane:
    """The two tables of the monitor's experts box (``ui`` is the monitor's form)."""

    def __init__(self, ui: Any, parent: Any) -> None:
        self.ui = ui
        self.experts = RowTableModel[ExpertToday](
            [
                Column(tr("Expert"), lambda e: e.name),
                Column(tr("Waiting"), lambda e: e.waiting, numeric=True),
                Column(tr("Late"), lambda e: e.late, numeric=True),
                Column(tr("Planned today"), lambda e: e.planned, numeric=True),
                Column(tr("Done"), lambda e: e.done, numeric=True),
                Column(tr("Overdue"), lambda e: e.overdue, numeric=True),
                Column(tr("Contacts today"), lambda e: e.made, numeric=True),
            ],
            parent,
            background=lambda e: LATE if e.late or e.overdue else None,
        )
        self.handoffs = RowTableModel[WaitingHandoff](
            [
                Column(tr("Company"), lambda h: h.company),
                Column(tr("Expert"), lambda h: h.expert),
                Column(
                    tr("Handed"),
                    lambda h: h.handed_at.astimezone().strftime("%d.%m %H:%M"),
                    sort=lambda h: h.handed_at,
                ),
                Column(tr("Working hours waited"), lambda h: h.waited_hours, numeric=True),
                Column(tr("Returned because"), lambda h: h.returned_because or ""),
            ],
            parent,
            background=lambda h: LATE if h.late else RETURNED if h.returned_because else None,
        )
        tables: list[tuple[QTableView, RowTableModel[Any]]] = [
            (ui.experts_table, self.experts), (ui.handoffs_table, self.handoffs)
        ]  # fmt: skip
        for table, model in tables:
            show_sorted(table, model)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def show(self, floor: FloorNow) -> None:
        self.experts.update_rows(floor.experts)
        self.handoffs.update_rows(floor.handoffs)
        # a floor without experts needs no experts box
        self.ui.experts_box.setVisible(bool(floor.experts or floor.handoffs))

    def selected_handoff(self) -> WaitingHandoff | None:
        rows = self.ui.handoffs_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None
