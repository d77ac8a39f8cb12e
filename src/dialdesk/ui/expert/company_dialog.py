"""The company's own fields changed by the expert who owns it (Ctrl+E on the desk), saved
only if nobody saved the company meanwhile, as on the operator's card."""

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget
from sqlalchemy import Engine

from dialdesk import limits
from dialdesk.services.shift.card import EDITABLE_FIELDS, EditConflict, save_company
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.fit import fit_message
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.worker import Background
from dialdesk.ui.operator.card_view import field_labels


class CompanyDialog(QDialog):
    def __init__(
        self, engine: Engine, company_id: int, values: dict[str, Any], version: int,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.ui = load_form("company_dialog", self)
        self._engine, self._company, self._version = engine, company_id, version
        self._values = values
        self._jobs = Background(self)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        labels = field_labels()
        for field in EDITABLE_FIELDS:
            edit: QLineEdit | QPlainTextEdit
            if field == "notes":
                edit = QPlainTextEdit(str(values.get(field) or ""), self)
                edit.setTabChangesFocus(True)
            else:
                edit = QLineEdit(str(values.get(field) or ""), self)
                edit.setMaxLength(limits.COMPANY[field])
            self.ui.fields_layout.addRow(labels[field] + ":", edit)
            self.edits[field] = edit
        self.ui.button_box.accepted.connect(self.save)
        self.ui.button_box.rejected.connect(self.reject)
        self.setMinimumWidth(520)
        self.edits["name"].setFocus()

    def changes(self) -> dict[str, str | None]:
        """The fields the person changed, an emptied one as None."""
        changed: dict[str, str | None] = {}
        for field, edit in self.edits.items():
            typed = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            if typed.strip() != str(self._values.get(field) or "").strip():
                changed[field] = typed.strip() or None
        return changed

    def save(self) -> None:
        engine, company, version, changes = (
            self._engine,
            self._company,
            self._version,
            self.changes(),
        )
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self._jobs.run(lambda: save_company(engine, company, version, changes),
                       lambda _v: self.accept(), self._failed)  # fmt: skip

    def _failed(self, error: BaseException) -> None:
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        if isinstance(error, EditConflict):  # take in what the colleague saved; keep mine
            mine = self.changes()
            for field, edit in self.edits.items():
                if field not in mine:
                    value = str(error.current.get(field) or "")
                    if isinstance(edit, QPlainTextEdit):
                        edit.setPlainText(value)
                    else:
                        edit.setText(value)
            self._values, self._version = error.current, error.version
        show_failure(error, self.ui.error_label.setText)
        fit_message(self, self.ui.error_label)
