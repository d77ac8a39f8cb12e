"""One way for a tab of the main window to talk to the person and to the other tabs."""

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from dialdesk.changes import Changed
from dialdesk.ui.common.failure import show_failure


def filled(text: str, *values: object) -> str:
    """A translated sentence with ``%1``, ``%2``… filled in, highest number first so that
    ``%1`` never eats the start of ``%10``."""
    for number in range(len(values), 0, -1):
        text = text.replace(f"%{number}", str(values[number - 1]))
    return text


class Page(QWidget):
    """A tab: says things in the status bar, reports failures in plain words (a bug goes to
    the crash dialog), announces what it wrote and reads again what others wrote."""

    message = Signal(str)  # a sentence for the status bar
    changed = Signal(object)  # Changed: what this page has just written

    SHOWS: ClassVar[Changed] = Changed.NOTHING  # what the page shows, read again on a change
    NOTE_LABEL: ClassVar[str | None] = None  # the form's label for what the page says, if any

    def refresh(self) -> None:
        """Read what the page shows again."""

    def say(self, text: str) -> None:
        """Tell the person; a page with a line of its own for this shows it there too."""
        if self.NOTE_LABEL is not None:
            getattr(self.ui, self.NOTE_LABEL).setText(text)  # type: ignore[attr-defined]
        self.message.emit(text)

    def failed(self, error: BaseException) -> None:
        show_failure(error, self.say)
