"""A list of things to tick (QListWidget with check boxes), each carrying its value."""

from collections.abc import Callable, Container, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

VALUE = Qt.ItemDataRole.UserRole


def fill_check_list(widget: QListWidget, items: Iterable[tuple[Any, str]]) -> None:
    """Replace the list with (value, label) items, none ticked."""
    widget.clear()
    for value, label in items:
        item = QListWidgetItem(label, widget)
        item.setData(VALUE, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)


def tick(widget: QListWidget, wanted: Container[Any] | Callable[[Any], bool]) -> None:
    """Tick the items whose value is in ``wanted`` (or for which it says yes), untick the rest."""
    for row in range(widget.count()):
        item = widget.item(row)
        value = item.data(VALUE)
        ticked = wanted(value) if callable(wanted) else value in wanted
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)


def ticked_values(widget: QListWidget) -> list[Any]:
    """The values of the ticked items, in the list's order."""
    return [
        widget.item(row).data(VALUE)
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]
