"""Help → Keys: every shortcut of the screen the person is on, and the window's own."""

from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.row_model import Column, RowTableModel

KeyLine = tuple[str, str]


class KeysDialog(QDialog):
    def __init__(self, where: str, lines: list[KeyLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = load_form("keys_dialog", self)
        self.setWindowTitle(self.tr("Keys"))
        self.resize(560, 520)
        self.ui.where_label.setText(filled(self.tr("Keys of %1 and of the window:"), where))
        self.model = RowTableModel[KeyLine](
            [
                Column(self.tr("Keys"), lambda k: k[0]),
                Column(self.tr("What they do"), lambda k: k[1]),
            ],
            self,
        )
        self.model.set_rows(lines)
        table = self.ui.keys_table
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.ui.button_box.rejected.connect(self.reject)
