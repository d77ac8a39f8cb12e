"""What runs beside the card through the shift: the journal of outcomes not sent yet, the
callbacks panel following the database, and the reminder when a callback falls due."""

from datetime import UTC, datetime
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from dialdesk.services.floor.queue_status import QueueEmpty
from dialdesk.services.shift.callbacks import CallbackLine, my_callbacks
from dialdesk.services.shift.journal import SendResult
from dialdesk.services.shift.shift import Shift
from dialdesk.ui.common.error_text import plain_error
from dialdesk.ui.common.page import filled
from dialdesk.ui.operator.card_view import tr
from dialdesk.ui.operator.empty_queue import EmptyQueue


class ShiftMixin:
    """The journal, callbacks and reminders of ``WorkPage`` (which provides the attributes
    named here)."""

    ui: Any
    session: Any
    me: int
    claim: Any
    state: Any
    journal: Any
    shift: Shift
    callbacks: Any
    next_reminder: CallbackLine | None
    reminder_box: QMessageBox | None
    _reminded: set[int]
    _opened_at: datetime
    _background: Any
    _sending: Any
    _side: Any
    _reminder: Any
    _debounce: Any
    callbacks_shown: Any
    _say: Any
    _failed: Any
    _claimed: Any
    toggle_pause: Any

    def describe_empty(self, status: QueueEmpty) -> str:
        return EmptyQueue().describe(status)

    def open_callback(self, callback_id: int) -> None:
        """Open the company of one chosen callback now (its reminder, or Enter in the list)."""
        if self._background.busy:
            return
        if self.claim is not None:
            if self.claim.callback_id != callback_id:
                self._say(tr("Save an outcome or release this company first."))
            return
        if self.state == "paused":  # asking for a callback ends the pause
            self.ui.pause_button.setChecked(False)
            self.toggle_pause()
        self._say(tr("Opening the callback…"))
        shift = self.shift
        self._background.run(lambda: shift.find_callback(callback_id), self._claimed, self._failed)

    def _open_callback_row(self, row: int) -> None:
        if 0 <= row < self.callbacks.rowCount():
            self.open_callback(self.callbacks.row_at(row).id)

    # -- the journal and callbacks -----------------------------------------------------------
    def pending_count(self) -> int:
        return len(self.journal)

    def _show_pending(self) -> None:
        count = self.pending_count()
        self.ui.pending_label.setText(
            tr("%n outcome(s) waiting to be sent", "", count) if count else ""
        )

    def send_journal(self) -> None:
        if not self.pending_count() or self._sending.busy:
            return
        self._sending.run(
            self.shift.send_journal,
            self._journal_sent,
            self._journal_failed,
        )

    def _journal_sent(self, result: SendResult) -> None:
        self._show_pending()
        for _outcome, refusal in result.refused:
            self._say_refused(refusal)

    def _journal_failed(self, error: BaseException) -> None:
        self._show_pending()
        self._say_refused(error)

    def _say_refused(self, error: BaseException) -> None:
        text = plain_error(error)
        if text is None:
            raise error
        self._say(filled(tr("A kept outcome was refused: %1"), text))

    def refresh_callbacks(self) -> None:
        engine, me = self.session.engine, self.me
        self._side.run(lambda: my_callbacks(engine, me), self._show_callbacks, lambda _e: None)

    def _on_notification(self, _channel: str, payload: dict[str, Any]) -> None:
        # a burst of changes, one refresh 200 ms after the first; not restarted by the rest,
        # or a busy floor announcing changes without pause would hold it back for ever
        if payload.get("assigned_to") in (None, self.me) and not self._debounce.isActive():
            self._debounce.start(200)

    def _show_callbacks(self, rows: list[CallbackLine]) -> None:
        table = self.ui.callbacks_table
        current = table.currentIndex()
        chosen = self.callbacks.row_at(current.row()).id if current.isValid() else None
        self.callbacks.set_rows(rows)
        for number, row in enumerate(rows):  # a refresh keeps the line the operator is on
            if row.id == chosen:
                table.setCurrentIndex(self.callbacks.index(number, max(current.column(), 0)))
                break
        now = datetime.now(UTC)
        overdue = sum(1 for row in rows if row.due_at <= now)
        index = self.ui.right_tabs.indexOf(self.ui.callbacks_tab)
        title = tr("My callbacks")
        if overdue:
            title += " " + filled(tr("(%1 due)"), str(overdue))
        self.ui.right_tabs.setTabText(index, title)
        # a callback that fell due since the shift view opened gets its reminder even if the
        # timer was late (the list arrived after the due time)
        for row in rows:
            if self._opened_at <= row.due_at <= now and row.id not in self._reminded:
                self._show_reminder(row)
                break
        upcoming = [row for row in rows if row.due_at > now]
        self.next_reminder = upcoming[0] if upcoming else None
        self._reminder.stop()
        if self.next_reminder is not None:
            wait_ms = int((self.next_reminder.due_at - now).total_seconds() * 1000) + 500
            self._reminder.start(min(wait_ms, 2**31 - 1))
        self.callbacks_shown.emit()

    def _remind(self) -> None:
        """The reminder timer: refresh, and the refresh shows what fell due."""
        self.refresh_callbacks()

    def _show_reminder(self, due: CallbackLine) -> None:
        self._reminded.add(due.id)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("Callback due"),
            filled(
                tr("Time to call back: %1 (%2)."),
                due.company,
                due.due_at.astimezone().strftime("%H:%M"),
            ),
            QMessageBox.StandardButton.NoButton,
            cast(QWidget, self),
        )
        open_now = box.addButton(tr("&Open now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_now)
        open_now.clicked.connect(lambda: self.open_callback(due.id))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reminder_box = box
        box.open()
