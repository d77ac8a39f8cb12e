"""An operator's targets for today: calls and contacts."""

from PySide6.QtWidgets import QDialog

from dialdesk.ui.common.forms import load_form


class PlanDialog(QDialog):
    def __init__(self, operator: str, calls: int, contacts: int, parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("plan_dialog", self)
        self.ui.who_label.setText(operator)
        self.ui.calls_spin.setValue(calls)
        self.ui.contacts_spin.setValue(contacts)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.calls_spin.setFocus()

    def values(self) -> tuple[int, int]:
        return int(self.ui.calls_spin.value()), int(self.ui.contacts_spin.value())
