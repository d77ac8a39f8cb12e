""" "Spoke with": picked from the company's contact persons (Down opens the list), or typed
as the operator heard it."""

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit

from dialdesk.services.shift.card import ContactLine


def contact_text(contact: ContactLine) -> str:
    return f"{contact.full_name}, {contact.position}" if contact.position else contact.full_name


class SpokeWith(QObject):
    """Attaches the company's contact persons to the "spoke with" box."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._ids: dict[str, int] = {}
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(self.completer)
        edit.installEventFilter(self)

    def set_contacts(self, contacts: list[ContactLine]) -> None:
        self._ids = {contact_text(c): c.id for c in contacts}
        self._model.setStringList(list(self._ids))

    def contact_id(self) -> int | None:
        """The contact person chosen, when the box holds one of them as offered."""
        return self._ids.get(self._edit.text().strip())

    def show_all(self) -> None:
        if self._ids:
            self.completer.setCompletionPrefix(self._edit.text())
            if not self.completer.completionCount():
                self.completer.setCompletionPrefix("")
            self.completer.complete()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        popup = self.completer.popup()
        if (
            watched is self._edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and not (popup is not None and popup.isVisible())
        ):
            self.show_all()
            return True
        return False
