"""The screen an operator lives in: Next, the call card, the outcome on one key, callbacks.

Every database call runs in the background; an outcome that cannot reach the server is
kept in the on-disk journal and sent when the connection returns.
"""

import uuid
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

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
from dialdesk.services.people.login import LoggedIn
from dialdesk.services.shift.callbacks import CallbackLine
from dialdesk.services.shift.card import (
    EDITABLE_FIELDS,
    Card,
    PhoneLine,
)
from dialdesk.services.shift.journal import OutcomeJournal
from dialdesk.services.shift.operator_state import PauseReason, pause_reasons
from dialdesk.services.shift.outcomes import (
    OutcomeInput,
)
from dialdesk.services.shift.queue import Claim
from dialdesk.services.shift.shift import LEASE_REFRESH_SECONDS, Opened, Shift
from dialdesk.ui.common.error_text import plain_error
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.lines_edit import LinesEdit
from dialdesk.ui.common.notifications import NotificationThread
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.worker import Background
from dialdesk.ui.operator import card_view, client_time
from dialdesk.ui.operator.contact_dialog import ContactDialog
from dialdesk.ui.operator.phone_dialog import PhoneDialog
from dialdesk.ui.operator.search_dialog import SearchDialog
from dialdesk.ui.operator.spoke_with import SpokeWith
from dialdesk.ui.operator.work_card import CardMixin
from dialdesk.ui.operator.work_offer import OfferMixin
from dialdesk.ui.operator.work_outcome import OutcomeMixin
from dialdesk.ui.operator.work_phones import PhonesMixin
from dialdesk.ui.operator.work_search import SearchMixin
from dialdesk.ui.operator.work_shift import ShiftMixin

JOURNAL_RETRY_MS = 30_000
SLOW_SAVE_MS = 5_000  # a save that takes longer goes to the journal and the work goes on
CALLBACKS_REFRESH_MS = 60_000


class WorkPage(CardMixin, OutcomeMixin, OfferMixin, PhonesMixin, SearchMixin, ShiftMixin, QWidget):
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
        self._session = session
        self.language = language
        self.me = session.identity.person_id or 0
        self.softphone_command = softphone_command
        self._background = Background(self)
        self._side = Background(self, serial=True)  # state log in order; never blocks "Next"
        self.shift = Shift(
            session.engine,
            self.me,
            OutcomeJournal(journal_path),
            on_log_failed=self._state_not_logged,
            run_log=lambda job, failed: self._side.run(job, lambda _r: None, failed),
        )
        self._sending = Background(self)  # the journal of unsent outcomes
        self._saver = Background(self)  # saving an outcome; a slow one goes to the journal
        self._saving: OutcomeInput | None = None  # the save under way, until it answers
        self.slow_save_ms = SLOW_SAVE_MS
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.timeout.connect(self._save_is_slow)
        self.outcome_code: str | None = None
        self.outcome_buttons: dict[str, QPushButton] = {}
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
        self._lease_timer = QTimer(self)  # a long call keeps its company
        self._lease_timer.setInterval(LEASE_REFRESH_SECONDS * 1000)
        self._lease_timer.timeout.connect(self.keep_lease)

    # -- the shift behind the screen (services/shift/shift.py) ---------------------------
    @property
    def session(self) -> LoggedIn:
        return self._session

    @session.setter
    def session(self, session: LoggedIn) -> None:
        """A new connection (after a reconnect) serves the shift as well."""
        self._session = session
        self.shift.engine = session.engine

    @property
    def claim(self) -> Claim | None:
        return self.shift.claim

    @property
    def card(self) -> Card | None:
        return self.shift.card

    @property
    def state(self) -> str:
        return self.shift.state

    @property
    def client_id(self) -> uuid.UUID:
        return self.shift.client_id

    @property
    def started_at(self) -> datetime:
        return self.shift.started_at

    @property
    def journal(self) -> OutcomeJournal:
        return self.shift.journal

    def _state_not_logged(self, error: BaseException) -> None:
        text = plain_error(error) or type(error).__name__
        self._say(filled(self.tr("Your state could not be recorded: %1"), text))

    def keep_lease(self) -> None:
        def lost(kept: bool) -> None:
            if not kept and self.claim is not None:
                self._say(
                    self.tr(
                        "Your hold on this company has ended (a supervisor may have moved it); "
                        "saving the outcome may be refused."
                    )
                )

        self._side.run(self.shift.keep_lease, lost, self._failed)

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
        ui.offer_button.clicked.connect(self.send_offer)
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
            ("Ctrl+M", self.send_offer, self.tr("send the campaign's offer by e-mail")),
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
                what = filled(self.tr("the outcome on the button marked %1"), key)
                shortcut(key, self, partial(self._outcome_key, key), what)

    def _set_card_enabled(self, enabled: bool) -> None:
        for widget in (self.ui.company_box, self.ui.outcome_box, self.ui.phones_table,
                       self.ui.release_button, self.ui.offer_button):  # fmt: skip
            widget.setEnabled(enabled)

    # -- state: waiting, on a card, paused ------------------------------------------------
    def start(self) -> None:
        """Begin the shift view: pause reasons, callbacks, and the state "waiting"."""
        engine = self.session.engine
        self._side.run(lambda: pause_reasons(engine), self._show_pause_reasons, self._failed)
        self.shift.resume()
        self.refresh_callbacks()
        self.send_journal()

    def _show_pause_reasons(self, reasons: list[PauseReason]) -> None:
        self.ui.pause_combo.clear()
        for reason in reasons:
            self.ui.pause_combo.addItem(
                reason.label_ru if self.language == "ru" else reason.label_en, reason.id
            )

    def toggle_pause(self) -> None:
        if self.ui.pause_button.isChecked():
            if self.claim is not None:
                self.ui.pause_button.setChecked(False)
                self._say(self.tr("Save an outcome or release this company first."))
                return
            self.shift.pause(self.ui.pause_combo.currentData())
            self.ui.next_button.setEnabled(False)
            self._say(
                filled(
                    self.tr("Paused: %1. Press Ctrl+P to go back to work."),
                    self.ui.pause_combo.currentText(),
                )
            )
        else:
            self.shift.resume()
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
        self._background.run(self.shift.find_next, self._claimed, self._failed)

    def _claimed(self, opened: Opened) -> None:
        claim, payload, promise = opened.claim, opened.card, opened.promise
        if not self.shift.took(opened):
            assert opened.empty is not None
            self._say(self.describe_empty(opened.empty))
            return
        assert claim is not None and payload is not None
        self._lease_timer.start()
        self._fill(payload)
        self.reason_label.setText(card_view.promise_text(promise) if promise else "")
        self.reason_label.setVisible(promise is not None)
        self._set_card_enabled(True)
        note = self.tr(" (promised callback)") if claim.callback_id else ""
        self._say(str(payload.company.get("name") or "") + note)
        self.card_shown.emit()

    def release(self) -> None:
        if self.claim is None or self._background.busy:
            return
        entry = self.claim.entry_id
        self._background.run(lambda: self.shift.give_back(entry), self._released, self._failed)

    def _released(self, _done: object) -> None:
        self._clear()
        self._say(self.tr("Released; the company is back in the queue."))

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
        for timer in (self._retry_timer, self._callbacks_timer, self._reminder, self._debounce,
                      self._lease_timer):  # fmt: skip
            timer.stop()
        self._background.settle()  # a claim or save under way ends first: it changes the card
        self._saver.settle()
        self._side.wait()
        held = self.claim is not None
        self.shift.end()  # gives the company back at once and logs "offline"
        if held:
            self._clear_card()
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
