"""Hand a won client to a client manager (another expert), with a note for them."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.page import filled


class HandClientDialog(QDialog):
    def __init__(self, people: list[tuple[int, str]], company: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.ui = load_form("hand_client_dialog", self)
        self.ui.company_label.setText(
            filled(self.tr("%1 goes to another person with its open deals and planned "
                           "contacts; the history keeps who handed it on."), company)
        )  # fmt: skip
        for person_id, name in people:
            self.ui.person_combo.addItem(name, person_id)
        ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Hand on"))
        ok.setEnabled(bool(people))
        if not people:
            self.ui.error_label.setText(self.tr("There is no other active expert to take it."))
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.person_combo.setFocus()

    def chosen(self) -> tuple[int, str, str]:
        """(person, their name, the note)."""
        ui = self.ui
        return (
            ui.person_combo.currentData(),
            ui.person_combo.currentText(),
            (ui.note_edit.toPlainText()),
        )
