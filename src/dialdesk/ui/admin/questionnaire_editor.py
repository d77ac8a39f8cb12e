"""The questionnaire tab of the campaign editor: a list of questions and the chosen one's
text, kind, choices and whether it must be answered.  Nothing is written until the campaign
is saved; a removed question comes back with Ctrl+Z."""

from dataclasses import replace
from types import SimpleNamespace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QListWidgetItem

from dialdesk.services.campaigns.questionnaires import QuestionDraft
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import filled
from dialdesk.vocabulary import QUESTION_KINDS


class QuestionnaireEditor(QObject):
    """Drives the questionnaire widgets of the campaigns form (``ui``)."""

    message = Signal(str)

    def __init__(self, ui: SimpleNamespace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.drafts: list[QuestionDraft] = []
        self._removed: list[tuple[int, QuestionDraft]] = []  # for undo
        self._filling = False
        kinds = {
            "yes_no": self.tr("yes / no"),
            "choice": self.tr("choice from a list"),
            "number": self.tr("number"),
            "text": self.tr("text"),
        }
        for kind in QUESTION_KINDS:
            ui.kind_combo.addItem(kinds[kind], kind)
        self.kind_labels = kinds
        ui.questions_list.currentRowChanged.connect(self._show_current)
        ui.question_text_edit.textChanged.connect(lambda _t: self._store())
        ui.kind_combo.currentIndexChanged.connect(lambda _i: self._store())
        ui.choices_edit.textChanged.connect(self._store)
        ui.required_check.toggled.connect(lambda _b: self._store())
        ui.add_question_button.clicked.connect(self.add)
        ui.remove_question_button.clicked.connect(self.remove)
        ui.up_button.clicked.connect(lambda: self.shift(-1))
        ui.down_button.clicked.connect(lambda: self.shift(1))
        shortcuts = (
            (QKeySequence.StandardKey.Delete, self.remove, self.tr("questions: remove the chosen")),
            (QKeySequence.StandardKey.Undo, self.undo_remove,
             self.tr("questions: bring back the one removed")),
            ("Ctrl+Up", lambda: self.shift(-1), self.tr("questions: move up")),
            ("Ctrl+Down", lambda: self.shift(1), self.tr("questions: move down")),
        )  # fmt: skip
        for keys, action, what in shortcuts:
            shortcut(keys, ui.questions_list, action, what)
        self.set_questions([])

    # -- the list --------------------------------------------------------------------------
    def set_questions(self, drafts: list[QuestionDraft]) -> None:
        self.drafts = list(drafts)
        self._removed.clear()
        self._redraw(0 if drafts else -1)

    def _redraw(self, current: int) -> None:
        widget = self.ui.questions_list
        widget.blockSignals(True)
        widget.clear()
        for number, draft in enumerate(self.drafts, start=1):
            QListWidgetItem(self._line(number, draft), widget)
        widget.blockSignals(False)
        widget.setCurrentRow(current)
        self._show_current(current)

    def _line(self, number: int, draft: QuestionDraft) -> str:
        wording = draft.text or self.tr("(new question)")
        star = " *" if draft.required else ""
        return f"{number}. {wording}{star} \u2014 {self.kind_labels[draft.kind]}"

    def add(self) -> None:
        self.drafts.append(QuestionDraft(""))
        self._redraw(len(self.drafts) - 1)
        self.ui.question_text_edit.setFocus()

    def remove(self) -> None:
        row = self.ui.questions_list.currentRow()
        if not 0 <= row < len(self.drafts):
            return
        draft = self.drafts.pop(row)
        self._removed.append((row, draft))
        self._redraw(min(row, len(self.drafts) - 1))
        if draft.answered:
            said = self.tr(
                "Removed. It was answered %1 times: on saving it leaves the card but its "
                "answers stay in the reports. Ctrl+Z brings it back."
            )
        else:
            said = self.tr("Removed. Ctrl+Z brings it back.")
        self.message.emit(filled(said, str(draft.answered)))

    def undo_remove(self) -> None:
        if not self._removed:
            return
        row, draft = self._removed.pop()
        row = min(row, len(self.drafts))
        self.drafts.insert(row, draft)
        self._redraw(row)

    def shift(self, step: int) -> None:
        row = self.ui.questions_list.currentRow()
        target = row + step
        if not (0 <= row < len(self.drafts) and 0 <= target < len(self.drafts)):
            return
        self.drafts[row], self.drafts[target] = self.drafts[target], self.drafts[row]
        self._redraw(target)

    # -- the chosen question ---------------------------------------------------------------
    def _show_current(self, row: int) -> None:
        ui = self.ui
        chosen = 0 <= row < len(self.drafts)
        draft = self.drafts[row] if chosen else QuestionDraft("")
        self._filling = True
        ui.question_text_edit.setText(draft.text)
        ui.kind_combo.setCurrentIndex(ui.kind_combo.findData(draft.kind))
        ui.choices_edit.setPlainText("\n".join(draft.choices))
        ui.required_check.setChecked(draft.required)
        self._filling = False
        ui.question_editor.setEnabled(chosen)
        for button in (ui.remove_question_button, ui.up_button, ui.down_button):
            button.setEnabled(chosen)
        # answers already given fix the kind (the reports count them by it)
        ui.kind_combo.setEnabled(not draft.answered)
        ui.choices_edit.setEnabled(draft.kind == "choice")
        if not draft.answered:
            said = ""
        elif draft.kind == "choice":
            said = self.tr(
                "Answered %n time(s): its kind is fixed, and answered choices stay.",
                "",
                draft.answered,
            )
        else:
            said = self.tr("Answered %n time(s): its kind is fixed.", "", draft.answered)
        ui.answered_label.setText(said)

    def _store(self) -> None:
        row = self.ui.questions_list.currentRow()
        if self._filling or not 0 <= row < len(self.drafts):
            return
        ui = self.ui
        kind = ui.kind_combo.currentData()
        lines = ui.choices_edit.toPlainText().splitlines()
        draft = replace(
            self.drafts[row],
            text=ui.question_text_edit.text(),
            kind=kind,
            choices=tuple(line.strip() for line in lines if line.strip()),
            required=ui.required_check.isChecked(),
        )
        self.drafts[row] = draft
        ui.choices_edit.setEnabled(kind == "choice")
        ui.questions_list.item(row).setText(self._line(row + 1, draft))
