"""Saving the outcome from ``WorkPage``: what the card says, the save (alone or with the
next company), a slow or unreachable server's save kept in the journal, and the empty card
after it."""

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from dialdesk.errors import DatabaseUnavailable
from dialdesk.services.shift.outcomes import (
    NextContact,
    OutcomeInput,
    SavedOutcome,
)
from dialdesk.services.shift.shift import Opened
from dialdesk.ui.common.error_text import plain_error
from dialdesk.ui.common.page import filled
from dialdesk.ui.operator import card_view
from dialdesk.ui.operator.work_parts import WorkParts


class OutcomeMixin(WorkParts):
    """The outcome parts of ``WorkPage`` (which provides the attributes named here)."""

    _lease_timer: Any
    _saver: Any
    _saving: Any
    _set_card_enabled: Any
    _show_pending: Any
    _slow: Any
    outcome_saved: Any
    reason_label: Any
    refresh_callbacks: Any
    slow_save_ms: Any
    spoke_with: Any
    client_id: Any
    started_at: Any
    selected_phone_id: Any

    # -- the outcome -----------------------------------------------------------------------
    def outcome_input(self) -> OutcomeInput | None:
        if self.claim is None or self.card is None:
            return None
        if self.outcome_code is None:
            self.ui.outcome_error_label.setText(
                QCoreApplication.translate("WorkPage", "Choose an outcome (F1–F6).")
            )
            return None
        if not self._required_answered():
            return None
        next_contact = None
        if self.ui.next_check.isChecked():
            # typed on the client's clock
            due = self.ui.next_edit.dateTime().toPython().replace(tzinfo=self.client_zone)
            next_contact = NextContact(
                due, self.ui.kind_combo.currentData(), self.ui.recipient_combo.currentData()
            )
        return OutcomeInput(
            client_id=self.client_id,
            entry_id=self.claim.entry_id,
            outcome_code=self.outcome_code,
            started_at=self.started_at,
            ended_at=datetime.now(UTC),
            phone_id=self.selected_phone_id(),
            comment=self.ui.comment_edit.text(),
            spoke_with=self.ui.spoke_edit.text(),
            contact_person_id=self.spoke_with.contact_id(),
            answers={qid: card_view.question_value(w) for qid, w in self.question_widgets.items()},
            next_contact=next_contact,
            expert_id=self.ui.expert_combo.currentData(),
            callback_id=self.claim.callback_id,
        )

    def _required_answered(self) -> bool:
        """On a contact, the questions marked required must have an answer."""
        assert self.card is not None
        chosen = next((o for o in self.card.outcomes if o.code == self.outcome_code), None)
        if chosen is None or not chosen.is_contact:
            return True
        for question in self.card.questions:
            widget = self.question_widgets.get(question.id)
            if question.required and widget is not None and not card_view.question_value(widget):
                self.ui.outcome_error_label.setText(
                    filled(
                        QCoreApplication.translate(
                            "WorkPage",
                            "Answer \u201c%1\u201d first: it must be answered on a contact.",
                        ),
                        question.text,
                    )
                )
                self.ui.right_tabs.setCurrentWidget(self.ui.script_tab)
                widget.setFocus()
                return False
        return True

    def save_outcome(self) -> None:
        if self._background.busy or self._saving is not None:
            return
        data = self.outcome_input()
        if data is None:
            return
        self._begin_save(data)
        self._saver.run(
            lambda: self.shift.save(data),
            lambda saved: self._saved(saved.entry_state) if self._answered(data) else None,
            lambda error: self._save_error(data, error),
        )

    def _begin_save(self, data: OutcomeInput) -> None:
        self._saving = data
        self._set_save_enabled(False)
        self.ui.outcome_error_label.clear()  # an earlier attempt's error is no longer news
        self._say(QCoreApplication.translate("WorkPage", "Saving…"))
        self._slow.start(self.slow_save_ms)

    def _answered(self, data: OutcomeInput) -> bool:
        """The server answered the save of ``data``: True when the screen still waits for
        it, False when it was slow and the journal took the outcome over meanwhile."""
        if self._saving is None or self._saving.client_id != data.client_id:
            return False
        self._saving = None
        self._slow.stop()
        return True

    def _save_error(self, data: OutcomeInput, error: BaseException) -> None:
        if self._answered(data):
            self._save_failed(error, data)
        # else the journal has it: it sends it again, and says a refusal itself

    def _save_is_slow(self) -> None:
        """The server has not answered for a few seconds: keep the outcome in the journal
        (sent by itself, once) and let the operator go on."""
        data, self._saving = self._saving, None
        if data is None:
            return
        self._set_save_enabled(True)
        self._clear(data)
        self._show_pending()
        self._say(
            QCoreApplication.translate(
                "WorkPage",
                "The server is slow to answer: the outcome is kept on this computer and will "
                "be sent by itself. Go on with the next company.",
            )
        )

    def save_outcome_and_next(self) -> None:
        """Save and take the next company in one go (Ctrl+Shift+Enter); on a pause, save only."""
        if self.state == "paused":
            self.save_outcome()
            return
        if self._background.busy or self._saving is not None:
            return
        data = self.outcome_input()
        if data is None:
            return
        self._begin_save(data)
        self._saver.run(
            lambda: self.shift.save_and_find_next(data),
            lambda result: self._saved_and_next(data, result),
            lambda error: self._save_error(data, error),
        )

    def _saved_and_next(self, data: OutcomeInput, result: tuple[SavedOutcome, Opened]) -> None:
        saved, opened = result
        if self._answered(data):
            self._saved(saved.entry_state)
            self._claimed(opened)
            return
        claim = opened.claim  # late: the journal took the outcome; the next company came too
        if claim is None:
            return
        if self.claim is None and not self._background.busy:
            self._claimed(opened)
        else:
            entry = claim.entry_id
            self._side.run(lambda: self.shift.give_back(entry), lambda _r: None,
                           lambda _e: None)  # fmt: skip

    def _set_save_enabled(self, enabled: bool) -> None:
        self.ui.save_button.setEnabled(enabled)
        self.ui.save_next_button.setEnabled(enabled)

    def _saved(self, state: str) -> None:
        self._set_save_enabled(True)
        self._clear()
        self._say(QCoreApplication.translate("WorkPage", "Outcome saved."))
        self.outcome_saved.emit(state)
        self.refresh_callbacks()

    def _save_failed(self, error: BaseException, data: OutcomeInput) -> None:
        self._set_save_enabled(True)
        if isinstance(error, DatabaseUnavailable):
            self._clear(data)
            self._show_pending()
            self._say(
                QCoreApplication.translate(
                    "WorkPage",
                    "The server cannot be reached: the outcome is kept on this computer "
                    "and will be sent when the connection returns.",
                )
            )
            return
        text = plain_error(error)
        if text is None:
            raise error
        self.ui.outcome_error_label.setText(text)

    def _clear(self, kept: OutcomeInput | None = None) -> None:
        """An empty card: the company saved, given back, or its outcome ``kept`` in the
        journal; the operator waits."""
        if kept is not None:
            self.shift.kept(kept)
        else:
            self.shift.dropped()
        self._clear_card()

    def _clear_card(self) -> None:
        self._lease_timer.stop()
        self.reason_label.clear()
        self.reason_label.hide()
        self.outcome_code = None
        for edit in self.field_edits.values():
            edit.clear()
        for model in (self.phones, self.contacts, self.history):
            model.set_rows([])
        self.ui.script_view.clear()
        self._set_card_enabled(False)
        self.ui.next_button.setFocus()
