"""A text box of several lines that a form can treat like a one-line box (``text``,
``setText``, ``setMaxLength``): the company's notes on the card."""

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class LinesEdit(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None, lines: int = 3) -> None:
        super().__init__(parent)
        self._max_length = 0
        self.setTabChangesFocus(True)  # Tab goes on to the next field, as in the others
        height = self.fontMetrics().lineSpacing() * lines
        self.setFixedHeight(height + 2 * int(self.document().documentMargin()) + 6)
        self.textChanged.connect(self._keep_to_limit)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def setMaxLength(self, length: int) -> None:
        self._max_length = length

    def maxLength(self) -> int:
        return self._max_length

    def _keep_to_limit(self) -> None:
        text = self.toPlainText()
        if self._max_length and len(text) > self._max_length:
            self.blockSignals(True)
            self.setPlainText(text[: self._max_length])
            self.moveCursor(QTextCursor.MoveOperation.End)
            self.blockSignals(False)
