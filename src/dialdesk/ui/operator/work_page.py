"""The screen an operator lives in: Next, the call card, the outcome on one key, callbacks.

Every database call runs in the background; an outcome that cannot reach the server is
kept in the on-disk journal and sent when the connection returns.
"""

import uuid
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from dialdesk import limits
from dialdesk.errors import DatabaseUnavailable
from dialdesk.services.floor.queue_status import QueueEmpty
from dialdesk.services.people.login import LoggedIn
from dialdesk.services.shift.callbacks import CallbackLine
from dialdesk.services.shift.card import (
    EDITABLE_FIELDS,
    Card,
    ContactLine,
    EditConflict,
    PhoneLine,
    list_contacts,
    save_company,
)
from dialdesk.services.shift.journal import OutcomeJournal
from dialdesk.services.shift.operator_state import PauseReason, log_state, pause_reasons
from dialdesk.services.shift.outcomes import (
    NextContact,
    OutcomeInput,
    SavedOutcome,
    record_outcome,
    save_and_claim_next,
)
from dialdesk.services.shift.queue import Claim, claim_next_entry, release_claim
from dialdesk.ui.common.error_text import plain_error
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.lines_edit import LinesEdit
from dialdesk.ui.common.notifications import NotificationThread
from dialdesk.ui.common.worker import Background
from dialdesk.ui.operator import card_view, client_time
from dialdesk.ui.operator.contact_dialog import ContactDialog
from dialdesk.ui.operator.opening import Opened, card_or_reason
from dialdesk.ui.operator.phone_dialog import PhoneDialog
from dialdesk.ui.operator.search_dialog import SearchDialog
from dialdesk.ui.operator.spoke_with import SpokeWith
from dialdesk.ui.operator.work_phones import PhonesMixin
from dialdesk.ui.operator.work_search import SearchMixin
from dialdesk.ui.operator.work_shift import ShiftMixin

JOURNAL_RETRY_MS = 30_000
SLOW_SAVE_MS = 5_000  # a save that takes longer goes to the journal and the work goes on
CALLBACKS_REFRESH_MS = 60_000


class WorkPage(PhonesMixin, SearchMixin, ShiftMixin, QWidget):
    card_shown = Signal()
    callbacks_shown = Signal()
    contacts_changed = Signal()
    phones_changed = Signal()
    outcome_saved = Signal(str)  # the entry's new state
    message = Signal(str)

    def __init__(
        self,
        session: LoggedIn,
        language: str,
        journal_path: Path,
        parent=None,
        softphone_command: str = "",
    ) -> None:
        super().__init__(parent)
        self.ui = load_form("work_page", self)
        self.session = session
        self.language = language
        self.me = session.identity.person_id or 0
        self.softphone_command = softphone_command
        self.journal = OutcomeJournal(journal_path)
        self._background = Background(self)
        self._side = Background(self, serial=True)  # state log in order; never blocks "Next"
        self._sending = Background(self)  # the journal of unsent outcomes
        self._saver = Background(self)  # saving an outcome; a slow one goes to the journal
        self._saving: OutcomeInput | None = None  # the save under way, until it answers
        self.slow_save_ms = SLOW_SAVE_MS
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.timeout.connect(self._save_is_slow)
        self.claim: Claim | None = None
        self.card: Card | None = None
        self.client_id = uuid.uuid4()
        self.started_at = datetime.now(UTC)
        self.outcome_code: str | None = None
        self.outcome_buttons: dict[str, QPushButton] = {}
        self.state = "offline"
        self.next_reminder: CallbackLine | None = None
        self._reminded: set[int] = set()
        self._opened_at = datetime.now(UTC)
        self.reminder_box: QMessageBox | None = None
        self.contact_dialog: ContactDialog | None = None
        self.search_dialog: SearchDialog | None = None
        self.phone_dialog: PhoneDialog | None = None
        self.last_dead: PhoneLine | None = None  # for Ctrl+Z
        self.hotkeys: dict[str, str] = {}  # "F1" -> outcome code, from the outcome definitions
        self.field_edits: dict[str, QLineEdit | LinesEdit] = {}
        self.question_widgets: dict[int, QWidget] = {}
        self._build()
        self._show_pending()
        self._retry_timer = QTimer(self)
        self._retry_timer.timeout.connect(self.send_journal)
        self._retry_timer.start(JOURNAL_RETRY_MS)
        self._callbacks_timer = QTimer(self)
        self._callbacks_timer.timeout.connect(self.refresh_callbacks)
        self._callbacks_timer.start(CALLBACKS_REFRESH_MS)
        self._reminder = QTimer(self)
        self._reminder.setSingleShot(True)
        self._reminder.timeout.connect(self._remind)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.timeout.connect(self.refresh_callbacks)
        self.notifications: NotificationThread | None = None
        if session.dsn:
            self.notifications = NotificationThread(session.dsn, ("dialdesk_callbacks",), self)
            self.notifications.notified.connect(self._on_notification)
            self.notifications.reconnected.connect(self.refresh_callbacks)
            self.notifications.start()
        self._set_card_enabled(False)

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        ui = self.ui
        labels = card_view.field_labels()
        for name in EDITABLE_FIELDS:
            edit = LinesEdit(ui.company_box) if name == "notes" else QLineEdit(ui.company_box)
            edit.setMaxLength(limits.COMPANY[name])
            self.field_edits[name] = edit
            ui.company_layout.addRow(labels[name], edit)
        self.save_card_button = QPushButton(self.tr("Save card (Ctrl+S)"), ui.company_box)
        ui.company_layout.addRow("", self.save_card_button)
        self.phones = card_view.phones_model(self)
        self.contacts = card_view.contacts_model(self)
        self.history = card_view.history_model(self, self.language)
        self.callbacks = card_view.callbacks_model(self)
        for table, model in (
            (ui.phones_table, self.phones),
            (ui.contacts_table, self.contacts),
            (ui.history_table, self.history),
            (ui.callbacks_table, self.callbacks),
        ):
            table.setModel(model)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        ui.spoke_edit.setMaxLength(limits.CALL["spoke_with"])
        self.spoke_with = SpokeWith(ui.spoke_edit)
        ui.spoke_edit.textEdited.connect(lambda _t: ui.outcome_error_label.clear())
        ui.comment_edit.setMaxLength(limits.CALL["comment"])
        ui.kind_combo.addItem(self.tr("call"), "call")
        ui.kind_combo.addItem(self.tr("meeting"), "meeting")
        ui.kind_combo.addItem(self.tr("send offer"), "send_offer")
        ui.recipient_combo.addItem(self.tr("for me"), True)
        ui.recipient_combo.addItem(self.tr("for anyone"), False)
        ui.next_edit.setDateTime(card_view.default_next_contact())
        self.client_zone = client_time.MOSCOW  # the company's; a next contact is in its time
        self.client_time_label = QLabel(ui.outcome_box)
        self.client_time_label.setObjectName("client_time_label")
        ui.next_layout.insertWidget(1, self.client_time_label)
        ui.next_button.clicked.connect(self.next_company)
        self.find_button = QPushButton(self.tr("Find (Ctrl+F)"), self)
        self.find_button.clicked.connect(self.find_company)
        ui.top_layout.insertWidget(2, self.find_button)
        ui.pause_button.clicked.connect(self.toggle_pause)
        ui.release_button.clicked.connect(self.release)
        ui.save_button.clicked.connect(self.save_outcome)
        ui.save_next_button.clicked.connect(self.save_outcome_and_next)
        self.save_card_button.clicked.connect(self.save_card)
        ui.phones_table.activated.connect(lambda index: self.dial(index.row()))
        ui.contacts_table.activated.connect(lambda index: self.edit_contact(index.row()))
        ui.callbacks_table.activated.connect(lambda index: self._open_callback_row(index.row()))
        ui.callbacks_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        ui.callbacks_table.setToolTip(self.tr("Enter or double-click opens the callback."))
        self.reason_label = QLabel(ui.left_panel)
        self.reason_label.setObjectName("reason_label")
        self.reason_label.setWordWrap(True)
        self.reason_label.setStyleSheet(
            "QLabel { background: #fff4d6; border: 1px solid #e0b84f; padding: 4px; }"
        )
        self.reason_label.hide()
        ui.left_layout.insertWidget(0, self.reason_label)
        for keys, slot, what in (
            ("F9", self.next_company, self.tr("the next company")),
            ("Ctrl+P", ui.pause_button.click, self.tr("pause, and back to work")),
            ("Ctrl+R", self.release, self.tr("give the company back to the queue")),
            ("Ctrl+Return", self.save_outcome, self.tr("save the outcome")),
            ("Ctrl+Enter", self.save_outcome, self.tr("save the outcome")),
            ("Ctrl+Shift+Return", self.save_outcome_and_next,
             self.tr("save the outcome and take the next company")),
            ("Ctrl+Shift+Enter", self.save_outcome_and_next,
             self.tr("save the outcome and take the next company")),
            ("Ctrl+S", self.save_card, self.tr("save the company's card")),
            ("Ctrl+D", self.mark_selected_phone_dead,
             self.tr("mark the chosen number not working")),
            ("Ctrl+K", lambda: self.edit_contact(None), self.tr("add a contact person")),
            ("F7", lambda: ui.right_tabs.setCurrentWidget(ui.history_tab),
             self.tr("the company's history")),
            ("Ctrl+F", self.find_company, self.tr("find a company by name, INN or phone")),
        ):  # fmt: skip
            shortcut(keys, self, slot, what)
        for keys, slot, what in (
            ("Ins", lambda: self.edit_phone(None, adding=True), self.tr("phones: add a number")),
            ("Ctrl+E", lambda: self.edit_phone(self.selected_phone_row()),
             self.tr("phones: correct the chosen number")),
            ("Ctrl+Z", self.undo_dead_phone, self.tr("phones: the number works after all")),
        ):  # on the phones table only: elsewhere Ctrl+Z undoes typing  # fmt: skip
            shortcut(keys, ui.phones_table, slot, what, Qt.ShortcutContext.WidgetShortcut)
        for number in range(1, 9):  # outcome keys; what each means comes with the card
            key = f"F{number}"
            if key not in ("F7",):
                what = self.tr("the outcome on the button marked %1").replace("%1", key)
                shortcut(key, self, partial(self._outcome_key, key), what)

    def _set_card_enabled(self, enabled: bool) -> None:
        for widget in (self.ui.company_box, self.ui.outcome_box, self.ui.phones_table,
                       self.ui.release_button):  # fmt: skip
            widget.setEnabled(enabled)

    # -- state: waiting, on a card, paused ------------------------------------------------
    def start(self) -> None:
        """Begin the shift view: pause reasons, callbacks, and the state "waiting"."""
        engine = self.session.engine
        self._side.run(lambda: pause_reasons(engine), self._show_pause_reasons, self._failed)
        self._log("waiting")
        self.refresh_callbacks()
        self.send_journal()

    def _show_pause_reasons(self, reasons: list[PauseReason]) -> None:
        self.ui.pause_combo.clear()
        for reason in reasons:
            self.ui.pause_combo.addItem(
                reason.label_ru if self.language == "ru" else reason.label_en, reason.id
            )

    def _log(self, state: str, pause: int | None = None, entry: int | None = None) -> None:
        engine, me = self.session.engine, self.me
        self.state = state
        self._side.run(
            lambda: log_state(engine, me, state, pause_code_id=pause, entry_id=entry),
            lambda _r: None,
            lambda _e: None,  # losing one line of the state log must not stop the work
        )

    def toggle_pause(self) -> None:
        if self.ui.pause_button.isChecked():
            if self.claim is not None:
                self.ui.pause_button.setChecked(False)
                self._say(self.tr("Save an outcome or release this company first."))
                return
            self._log("paused", pause=self.ui.pause_combo.currentData())
            self.ui.next_button.setEnabled(False)
            self._say(
                self.tr("Paused: %1. Press Ctrl+P to go back to work.").replace(
                    "%1", self.ui.pause_combo.currentText()
                )
            )
        else:
            self._log("waiting")
            self.ui.next_button.setEnabled(True)
            self._say(self.tr("Back to work."))

    # -- the queue -----------------------------------------------------------------------
    def next_company(self) -> None:
        if self.state == "paused":
            self._say(self.tr("You are on a pause; press Ctrl+P to go back to work."))
            return
        if self._background.busy or self.claim is not None:
            if self.claim is not None:
                self._say(self.tr("Save an outcome or release this company first."))
            return
        self._say(self.tr("Looking for the next company…"))
        engine, me = self.session.engine, self.me

        def work() -> Opened:
            return card_or_reason(engine, me, claim_next_entry(engine, me))

        self._background.run(work, self._claimed, self._failed)

    def _claimed(self, result: Opened) -> None:
        claim, payload, promise = result
        if claim is None:
            assert isinstance(payload, QueueEmpty)
            self._say(self.describe_empty(payload))
            return
        assert isinstance(payload, Card)
        self.claim, self.card = claim, payload
        self.client_id = uuid.uuid4()
        self.started_at = datetime.now(UTC)
        self._fill(payload)
        self.reason_label.setText(card_view.promise_text(promise) if promise else "")
        self.reason_label.setVisible(promise is not None)
        self._set_card_enabled(True)
        self._log("on_card", entry=claim.entry_id)
        note = self.tr(" (promised callback)") if claim.callback_id else ""
        self._say(str(payload.company.get("name") or "") + note)
        self.card_shown.emit()

    def describe_empty(self, status: QueueEmpty) -> str:
        def at(moment: datetime) -> str:
            return moment.astimezone().strftime("%H:%M")

        if status.everything_done:
            return self.tr("Nothing left to call: every company of your campaigns is done.")
        parts = []
        if status.outside_hours_until is not None:
            parts.append(
                self.tr("all remaining companies are outside calling hours until %1").replace(
                    "%1", status.outside_hours_until.astimezone().strftime("%d.%m %H:%M")
                )
            )
        if status.callbacks_open_at is not None:
            parts.append(
                self.tr(
                    "%n due callback(s) wait for the clients' calling hours, the first from %1",
                    "",
                    status.callbacks_waiting,
                ).replace("%1", status.callbacks_open_at.astimezone().strftime("%d.%m %H:%M"))
            )
        if status.retry_at is not None:
            parts.append(self.tr("next retry at %1").replace("%1", at(status.retry_at)))
        if status.callback_at is not None:
            parts.append(self.tr("next callback at %1").replace("%1", at(status.callback_at)))
        if status.no_callable_phone:
            parts.append(
                self.tr(
                    "%n company(ies) have no number that may be called",
                    "",
                    status.no_callable_phone,
                )
            )
        if not parts:
            parts.append(self.tr("other operators are working the remaining companies"))
        return self.tr("Nothing to call right now: %1.").replace("%1", "; ".join(parts))

    def release(self) -> None:
        if self.claim is None or self._background.busy:
            return
        engine, me, entry = self.session.engine, self.me, self.claim.entry_id
        self._background.run(lambda: release_claim(engine, me, entry), self._released, self._failed)

    def _released(self, _done: object) -> None:
        self._clear()
        self._log("waiting")
        self._say(self.tr("Released; the company is back in the queue."))

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
        self.ui.expert_combo.addItem(self.tr("(no hand-off)"), None)
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
            self._say(self.tr("Nothing changed on the card."))
            return
        engine, company, version = self.session.engine, self.claim.company_id, self.card.row_version

        def saved(new_version: int) -> None:
            assert self.card is not None
            self.card.row_version = new_version
            self.card.company.update(changes)
            self._say(self.tr("Card saved."))

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
            self,
            self.tr("The card was changed by someone else"),
            self.tr(
                "Someone saved this company while you were editing it.\n\n"
                "Their value → yours:\n%1\n\nSave yours over theirs?"
            ).replace("%1", "\n".join(lines)),
        )
        self.card.row_version = error.version
        self.card.company.update(error.current)
        if answer == QMessageBox.StandardButton.Yes:
            self.save_card()
        else:
            for name, edit in self.field_edits.items():
                edit.setText(str(error.current.get(name) or ""))
            self._say(self.tr("Their version is on the card now."))

    # -- the outcome -----------------------------------------------------------------------
    def outcome_input(self) -> OutcomeInput | None:
        if self.claim is None or self.card is None:
            return None
        if self.outcome_code is None:
            self.ui.outcome_error_label.setText(self.tr("Choose an outcome (F1–F6)."))
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
                    self.tr(
                        "Answer \u201c%1\u201d first: it must be answered on a contact."
                    ).replace("%1", question.text)
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
        engine, me = self.session.engine, self.me
        self._begin_save(data)
        self._saver.run(
            lambda: record_outcome(engine, me, data),
            lambda saved: self._saved(saved.entry_state) if self._answered(data) else None,
            lambda error: self._save_error(data, error),
        )

    def _begin_save(self, data: OutcomeInput) -> None:
        self._saving = data
        self._set_save_enabled(False)
        self.ui.outcome_error_label.clear()  # an earlier attempt's error is no longer news
        self._say(self.tr("Saving…"))
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
        self.journal.add(data)
        self._set_save_enabled(True)
        self._clear()
        self._log("waiting")
        self._show_pending()
        self._say(
            self.tr(
                "The server is slow to answer: the outcome is kept on this computer and will "
                "be sent by itself. Go on with the next company."
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
        engine, me = self.session.engine, self.me

        def work() -> tuple[SavedOutcome, Opened]:
            saved, claim = save_and_claim_next(engine, me, data)
            return saved, card_or_reason(engine, me, claim)

        self._begin_save(data)
        self._saver.run(
            work,
            lambda result: self._saved_and_next(data, result),
            lambda error: self._save_error(data, error),
        )

    def _saved_and_next(self, data: OutcomeInput, result: tuple[SavedOutcome, Opened]) -> None:
        saved, opened = result
        if self._answered(data):
            self._saved(saved.entry_state)
            self._claimed(opened)
            return
        claim = opened[0]  # late: the journal took the outcome; the next company came too
        if claim is None:
            return
        if self.claim is None and not self._background.busy:
            self._claimed(opened)
        else:
            engine, me, entry = self.session.engine, self.me, claim.entry_id
            self._side.run(lambda: release_claim(engine, me, entry), lambda _r: None,
                           lambda _e: None)  # fmt: skip

    def _set_save_enabled(self, enabled: bool) -> None:
        self.ui.save_button.setEnabled(enabled)
        self.ui.save_next_button.setEnabled(enabled)

    def _saved(self, state: str) -> None:
        self._set_save_enabled(True)
        self._clear()
        self._log("waiting")
        self._say(self.tr("Outcome saved."))
        self.outcome_saved.emit(state)
        self.refresh_callbacks()

    def _save_failed(self, error: BaseException, data: OutcomeInput) -> None:
        self._set_save_enabled(True)
        if isinstance(error, DatabaseUnavailable):
            self.journal.add(data)
            self._clear()
            self._log("waiting")
            self._show_pending()
            self._say(
                self.tr(
                    "The server cannot be reached: the outcome is kept on this computer "
                    "and will be sent when the connection returns."
                )
            )
            return
        text = plain_error(error)
        if text is None:
            raise error
        self.ui.outcome_error_label.setText(text)

    def _clear(self) -> None:
        self.claim = None
        self.card = None
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

    def half_filled(self) -> bool:
        """An outcome started on the card and not saved: closing would lose it."""
        if self.claim is None:
            return False
        answered = any(card_view.question_value(w) for w in self.question_widgets.values())
        typed = self.ui.spoke_edit.text().strip() or self.ui.comment_edit.text().strip()
        return self.outcome_code is not None or bool(typed) or answered

    def company_name(self) -> str:
        return str(self.card.company.get("name") or "") if self.card else ""

    def shutdown(self) -> None:
        """Stop listening and timers, and give back the company on the card (a colleague
        may take it at once instead of after the lease); called when the window closes."""
        for timer in (self._retry_timer, self._callbacks_timer, self._reminder, self._debounce):
            timer.stop()
        self._background.settle()  # a claim or save under way ends first: it changes the card
        self._saver.settle()
        if self.claim is not None:
            engine, me, entry = self.session.engine, self.me, self.claim.entry_id
            self._side.run(
                lambda: release_claim(engine, me, entry),
                lambda _r: None,
                lambda _e: None,  # unreachable: the lease frees it in a few minutes
            )
            self._clear()
        if self.state != "offline":
            self._log("offline")
        self._side.wait()
        if self.notifications is not None:
            self.notifications.stop()
            self.notifications = None

    # -- messages ------------------------------------------------------------------------
    def _failed(self, error: BaseException) -> None:
        show_failure(error, self._say)

    def _say(self, text: str) -> None:
        self.ui.status_label.setText(text)
        self.message.emit(text)
