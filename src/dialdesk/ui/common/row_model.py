"""A table model over plain row objects: each column is a header and a way to read a cell,
and a sorting view over it that sorts by the values themselves (dates as dates, numbers as
numbers), not by the text shown."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QTableView

Row = TypeVar("Row")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the plain row object behind a table line

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    value: Callable[[Row], Any]
    numeric: bool = False
    sort: Callable[[Row], Any] | None = None  # what the column sorts by, when not its text


class RowTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(
        self,
        columns: Sequence[Column[Row]],
        parent=None,
        *,
        background: Callable[[Row], Any] | None = None,  # a QColor for the whole line, or None
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = []
        self._background = background

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: Sequence[Row]) -> None:
        """New values for the same lines change in place (no flicker, selection kept);
        a different number of lines resets the table."""
        if len(rows) != len(self._rows):
            self.set_rows(rows)
            return
        self._rows = list(rows)
        self.redraw()

    def redraw(self) -> None:
        """Every cell again, e.g. a clock column moving on."""
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def sort_key(self, row: int, column: int) -> tuple[bool, int, Any]:
        """Empty cells last; numbers, dates and times by value; text without regard to case."""
        reader = self._columns[column]
        value = (reader.sort or reader.value)(self._rows[row])
        if value is None or value == "":
            return (True, 0, 0)
        if isinstance(value, bool | int | float | Decimal | date | datetime | time | timedelta):
            return (False, 0, value)
        return (False, 1, str(value).casefold())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            return self._background(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None


class SortedRows(QSortFilterProxyModel):
    """A click on a column header sorts the table by that column's values."""

    def __init__(self, rows: RowTableModel[Any], parent=None) -> None:
        super().__init__(parent)
        self._rows = rows
        self.setSourceModel(rows)

    def lessThan(self, left: Index, right: Index) -> bool:
        a = self._rows.sort_key(left.row(), left.column())
        b = self._rows.sort_key(right.row(), right.column())
        try:
            return a < b
        except TypeError:  # a date against a number in one column: by kind, then as text
            return (a[0], a[1], str(a[2])) < (b[0], b[1], str(b[2]))


def show_sorted(table: QTableView, rows: RowTableModel[Any]) -> SortedRows:
    """Put ``rows`` in ``table`` behind a sorting view; the lines keep the model's order
    until the person clicks a header."""
    view = SortedRows(rows, table)
    table.setModel(view)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    return view


def select_where(table: QTableView, wanted: Callable[[Any], bool]) -> bool:
    """Select the first line, in the order on screen, whose row ``wanted`` says yes to."""
    shown = table.model()
    for row in range(shown.rowCount()):
        if wanted(shown.index(row, 0).data(ROW_ROLE)):
            table.selectRow(row)
            return True
    return False
