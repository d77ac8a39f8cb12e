"""A dialog grown to show the whole of a wrapped message: Qt sizes a dialog from its
widgets' size hints, which for a word-wrapped label do not follow the lines it wraps to."""

from PySide6.QtWidgets import QDialog, QLabel


def fit_message(dialog: QDialog, label: QLabel) -> None:
    """Make ``label`` as tall as its text needs at its width, and ``dialog`` fit it."""
    label.setMinimumHeight(label.heightForWidth(max(label.width(), 1)))
    dialog.adjustSize()
