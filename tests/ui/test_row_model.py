"""The table model sorts by the values themselves, without any widget."""

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt

from dialdesk.ui.common.row_model import ROW_ROLE, Column, RowTableModel, SortedRows


@dataclass(frozen=True)
class Line:
    name: str
    calls: int | None
    due: datetime


LINES = [
    Line("ООО Ромашка", 9, datetime(2026, 12, 1, 9, 0)),
    Line("ао Берёза", 10, datetime(2026, 11, 30, 17, 0)),
    Line("ИП Астра", None, datetime(2026, 12, 2, 8, 0)),
]


def _sorted(column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> list[str]:
    model = RowTableModel[Line](
        [
            Column("Name", lambda line: line.name),
            Column("Calls", lambda line: line.calls, numeric=True),
            # shown day first, so the text alone would sort 30.11 after 02.12
            Column("Due", lambda line: line.due.strftime("%d.%m %H:%M"), sort=lambda x: x.due),
        ]
    )
    model.set_rows(LINES)
    view = SortedRows(model)
    view.sort(column, order)
    return [view.index(r, 0).data(ROW_ROLE).name for r in range(view.rowCount())]


def test_unsorted_the_lines_keep_the_models_order() -> None:
    assert _sorted(-1) == ["ООО Ромашка", "ао Берёза", "ИП Астра"]


def test_text_sorts_without_regard_to_case() -> None:
    assert _sorted(0) == ["ао Берёза", "ИП Астра", "ООО Ромашка"]


def test_numbers_sort_as_numbers_and_empty_cells_go_last() -> None:
    assert _sorted(1) == ["ООО Ромашка", "ао Берёза", "ИП Астра"]
    assert _sorted(1, Qt.SortOrder.DescendingOrder)[1:] == ["ао Берёза", "ООО Ромашка"]


def test_a_column_sorts_by_its_sort_value_not_its_text() -> None:
    assert _sorted(2) == ["ао Берёза", "ООО Ромашка", "ИП Астра"]
