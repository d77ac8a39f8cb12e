"""Asking before work not saved yet is dropped."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def may_discard(parent: QWidget, what: str) -> bool:
    """True when the person agrees to lose their changes to ``what``."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Unsaved", "Unsaved changes"),
        QCoreApplication.translate("Unsaved", "Discard your changes to \u201c%1\u201d?").replace(
            "%1", what
        ),
    )
    return answer == QMessageBox.StandardButton.Yes
