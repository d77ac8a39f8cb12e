"""The call card of ``WorkPage``: the company's fields, contacts, questionnaire and the
outcome buttons, filled from a claim, and the card's own save (with its edit conflict)."""

from datetime import UTC, datetime
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QMessageBox,
    QPushButton,
    QWidget,
)

from dialdesk.services.shift.card import (
    Card,
    ContactLine,
    EditConflict,
    list_contacts,
    save_company,
)
from dialdesk.ui.common.page import filled
from dialdesk.ui.operator import card_view, client_time
from dialdesk.ui.operator.contact_dialog import ContactDialog
from dialdesk.ui.operator.work_parts import WorkParts


class CardMixin(WorkParts):
    """The card parts of ``WorkPage`` (which provides the attributes named here)."""

    _failed: Any
    client_time_label: Any
    contact_dialog: Any
    contacts_changed: Any
    hotkeys: Any
    language: Any
    spoke_with: Any

    # -- the card ------------------------------------------------------------------------
    def _fill(self, card: Card) -> None:
        for name, edit in self.field_edits.items():
            edit.setText(str(card.company.get(name) or ""))
        self.phones.set_rows(card.phones)
        self.contacts.set_rows(card.contacts)
        self.spoke_with.set_contacts(card.contacts)
        self.history.set_rows(card.history)
        self.ui.script_view.setPlainText(
            card_view.fill_script(card, self.session.identity.full_name)
        )
        self._build_questions(card)
        self._build_outcome_buttons(card)
        self.ui.expert_combo.clear()
        self.ui.expert_combo.addItem(QCoreApplication.translate("WorkPage", "(no hand-off)"), None)
        for expert_id, name in card.experts:
            self.ui.expert_combo.addItem(name, expert_id)
        self.ui.spoke_edit.clear()
        self.ui.comment_edit.clear()
        self.ui.next_check.setChecked(False)
        now = datetime.now(UTC)
        self.client_zone = client_time.client_zone(card)
        self.ui.next_edit.setDateTime(client_time.default_due(self.client_zone, now))
        self.client_time_label.setText(
            client_time.whose_time(self.client_zone, card.company.get("city"), now)
        )
        self.ui.outcome_error_label.clear()
        callable_rows = [
            i for i, p in enumerate(card.phones) if not p.is_dead and not p.do_not_call
        ]
        if callable_rows:
            self.ui.phones_table.selectRow(callable_rows[0])
        self.ui.spoke_edit.setFocus()

    def _build_questions(self, card: Card) -> None:
        layout = self.ui.questions_layout
        while layout.rowCount():
            layout.removeRow(0)
        self.question_widgets = {}
        for question in card.questions:
            widget = card_view.question_widget(
                question.kind, question.choices, self.ui.questions_box
            )
            self.question_widgets[question.id] = widget
            layout.addRow(f"{question.text} *" if question.required else question.text, widget)

    def _build_outcome_buttons(self, card: Card) -> None:
        layout = self.ui.outcome_buttons_layout
        while layout.count():
            item = layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.outcome_buttons = {}
        self.outcome_code = None
        self.hotkeys = {}
        for outcome in card.outcomes:
            label = outcome.label_ru if self.language == "ru" else outcome.label_en
            button = QPushButton(f"{label} ({outcome.hotkey})" if outcome.hotkey else label)
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.clicked.connect(lambda _=False, code=outcome.code: self.choose_outcome(code))
            if outcome.hotkey:
                self.hotkeys[outcome.hotkey] = outcome.code
            layout.addWidget(button)
            self.outcome_buttons[outcome.code] = button

    def _outcome_key(self, key: str) -> None:
        code = self.hotkeys.get(key)
        if code is not None:
            self.choose_outcome(code)

    def choose_outcome(self, code: str) -> None:
        if self.card is None or code not in self.outcome_buttons:
            return
        self.outcome_code = code
        self.outcome_buttons[code].setChecked(True)
        self.ui.outcome_error_label.clear()  # "choose an outcome" is answered
        outcome = next(o for o in self.card.outcomes if o.code == code)
        if outcome.needs_callback:
            self.ui.next_check.setChecked(True)
        if outcome.hands_to_expert and self.ui.expert_combo.count() > 1:
            self.ui.expert_combo.setCurrentIndex(1)
        target = (
            self.ui.spoke_edit
            if outcome.is_contact and not self.ui.spoke_edit.text()
            else self.ui.comment_edit
        )
        target.setFocus()

    def edit_contact(self, row: int | None) -> None:
        """Add a contact person (row None) or change the one in ``row``; Ctrl+K / Enter."""
        if self.claim is None:
            return
        contact = self.contacts.row_at(row) if row is not None else None
        dialog = ContactDialog(self.session, self.claim.company_id, contact, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._reload_contacts)
        self.contact_dialog = dialog
        dialog.open()

    def _reload_contacts(self) -> None:
        if self.claim is None:
            return
        engine, company = self.session.engine, self.claim.company_id
        self._side.run(lambda: list_contacts(engine, company), self._show_contacts, self._failed)

    def _show_contacts(self, contacts: list[ContactLine]) -> None:
        self.contacts.set_rows(contacts)
        self.spoke_with.set_contacts(contacts)
        self.contacts_changed.emit()

    def save_card(self) -> None:
        if self.card is None or self.claim is None or self._background.busy:
            return
        changes = {
            name: (edit.text().strip() or None)
            for name, edit in self.field_edits.items()
            if (edit.text().strip() or None) != (self.card.company.get(name) or None)
        }
        if not changes:
            self._say(QCoreApplication.translate("WorkPage", "Nothing changed on the card."))
            return
        engine, company, version = self.session.engine, self.claim.company_id, self.card.row_version

        def saved(new_version: int) -> None:
            assert self.card is not None
            self.card.row_version = new_version
            self.card.company.update(changes)
            self._say(QCoreApplication.translate("WorkPage", "Card saved."))

        self._background.run(
            lambda: save_company(engine, company, version, changes),
            saved,
            lambda error: self._card_conflict(error, changes),
        )

    def _card_conflict(self, error: BaseException, mine: dict[str, Any]) -> None:
        if not isinstance(error, EditConflict) or self.card is None:
            self._failed(error)
            return
        labels = card_view.field_labels()
        lines = [
            f"{labels[name]}: {error.current.get(name) or '—'} → {mine[name] or '—'}"
            for name in mine
        ]
        answer = QMessageBox.question(
            cast(QWidget, self),
            QCoreApplication.translate("WorkPage", "The card was changed by someone else"),
            filled(
                QCoreApplication.translate(
                    "WorkPage",
                    "Someone saved this company while you were editing it.\n\n"
                    "Their value → yours:\n%1\n\nSave yours over theirs?",
                ),
                "\n".join(lines),
            ),
        )
        self.card.row_version = error.version
        self.card.company.update(error.current)
        if answer == QMessageBox.StandardButton.Yes:
            self.save_card()
        else:
            for name, edit in self.field_edits.items():
                edit.setText(str(error.current.get(name) or ""))
            self._say(QCoreApplication.translate("WorkPage", "Their version is on the card now."))
