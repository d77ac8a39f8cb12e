"""The live floor for supervisors and admins: operators and campaigns, redrawn when the
database announces a change (LISTEN/NOTIFY), never by polling it."""

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QHeaderView, QInputDialog

from dialdesk.changes import Changed
from dialdesk.services.floor.monitor import (
    CampaignRow,
    FloorCallback,
    FloorNow,
    OperatorRow,
    campaign_zones,
    elapsed_text,
    load_floor,
)
from dialdesk.services.floor.supervision import (
    Moved,
    reassign_callback,
    release_stuck_claim,
    set_plan,
)
from dialdesk.services.people.accounts import PersonRow, list_people
from dialdesk.services.people.login import LoggedIn
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.notifications import NotificationThread
from dialdesk.ui.common.page import Page, filled
from dialdesk.ui.common.row_model import ROW_ROLE, Column, RowTableModel, show_sorted
from dialdesk.ui.common.worker import Background
from dialdesk.ui.supervisor.experts_pane import ExpertsPane
from dialdesk.ui.supervisor.move_dialog import MoveDialog
from dialdesk.ui.supervisor.plan_dialog import PlanDialog
from dialdesk.ui.supervisor.sleeping_dialog import SleepingDialog
from dialdesk.vocabulary import CENTRE_ZONE

LAPSE_MARGIN = 0.5  # seconds after a lease runs out before the floor is read again
LAPSE_WAIT_MOST = 3600.0  # a QTimer's interval is an int of milliseconds

# calls, queue entries, operator states and callbacks: one announcement per transaction
CHANNELS = ("dialdesk_floor",)
ALERT_COLOURS = {"waiting": "#fff3c4", "paused": "#ffd8a8", "on_card": "#ffc9c9"}
OUTCOME_ORDER = ("hot", "warm", "competitor", "cold", "no_contact", "nonexistent")
# how long the companies' time zones are trusted before they are read again
ZONES_FOR = timedelta(minutes=5)


class MonitorPage(Page):
    SHOWS = Changed.CAMPAIGNS | Changed.PEOPLE | Changed.COMPANIES
    refreshed = Signal()

    def __init__(self, session: LoggedIn, language: str, parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("monitor_page", self)
        self._session = session
        self._language = language
        self._background = Background(self)
        self._actions = Background(self)
        self._again = False  # a change arrived while a refresh was running
        self.now = datetime.now(UTC)
        self.zones: dict[int, frozenset[str]] = {}  # campaign -> its companies' time zones
        self._zones_read: datetime | None = None
        states = {
            "offline": self.tr("offline"),
            "waiting": self.tr("waiting"),
            "on_card": self.tr("on a card"),
            "paused": self.tr("paused"),
        }

        def state(row: OperatorRow) -> str:
            reason = row.pause_ru if language == "ru" else row.pause_en
            label = states.get(row.state, row.state)
            return f"{label}: {reason}" if row.state == "paused" and reason else label

        def plan(row: OperatorRow) -> str:
            if row.calls_target is None:
                return ""
            return f"{row.calls}/{row.calls_target} · {row.contacts}/{row.contacts_target}"

        kinds = {"call": self.tr("call"), "meeting": self.tr("meeting"),
                 "send_offer": self.tr("send offer")}  # fmt: skip
        names = {
            "hot": self.tr("hot"),
            "warm": self.tr("warm"),
            "competitor": self.tr("competitor"),
            "cold": self.tr("cold"),
            "no_contact": self.tr("no contact"),
            "nonexistent": self.tr("nonexistent"),
        }

        def outcomes(counts: dict[str, int]) -> str:
            order = [c for c in OUTCOME_ORDER if c in counts]
            order += sorted(set(counts) - set(OUTCOME_ORDER))
            return " · ".join(f"{names.get(code, code)} {counts[code]}" for code in order)

        self.operators = RowTableModel[OperatorRow](
            [
                Column(self.tr("Operator"), lambda r: r.full_name),
                Column(self.tr("State"), state),
                Column(
                    self.tr("For"),
                    lambda r: elapsed_text(r.since, self.now),
                    numeric=True,
                    sort=lambda r: self.now - r.since if r.since else None,
                ),
                Column(self.tr("Company"), lambda r: r.company or ""),
                Column(self.tr("Calls"), lambda r: r.calls, numeric=True),
                Column(self.tr("Contacts"), lambda r: r.contacts, numeric=True),
                Column(
                    self.tr("Contacts/hour"), lambda r: r.contacts_per_hour(self.now), numeric=True
                ),
                Column(self.tr("Outcomes today"), lambda r: outcomes(r.outcomes)),
                Column(self.tr("Overdue callbacks"), lambda r: r.overdue_callbacks, numeric=True),
                Column(self.tr("Refused from journal"), lambda r: r.refused, numeric=True),
                Column(self.tr("Plan: calls · contacts"), plan),
            ],
            self,
            background=self._alert_colour,
        )
        self.campaigns = RowTableModel[CampaignRow](
            [
                Column(self.tr("Campaign"), lambda c: c.name),
                Column(self.tr("Fresh"), lambda c: c.fresh, numeric=True),
                Column(self.tr("Retry due"), lambda c: c.retry_due, numeric=True),
                Column(self.tr("Retry later"), lambda c: c.retry_waiting, numeric=True),
                Column(self.tr("Callbacks"), lambda c: c.callbacks, numeric=True),
                Column(self.tr("On cards"), lambda c: c.claimed, numeric=True),
                Column(self.tr("Done"), lambda c: c.done, numeric=True),
                Column(self.tr("Calls today"), lambda c: c.calls_today, numeric=True),
                Column(self.tr("Contacts today"), lambda c: c.contacts_today, numeric=True),
                Column(self.tr("Outcomes today"), lambda c: outcomes(c.outcomes)),
                Column(self.tr("Nothing to call?"), self.why_idle),
            ],
            self,
        )
        self.callbacks = RowTableModel[FloorCallback](
            [
                Column(
                    self.tr("Due"),
                    lambda c: c.due_at.astimezone().strftime("%d.%m %H:%M"),
                    sort=lambda c: c.due_at,
                ),
                Column(self.tr("Company"), lambda c: c.company),
                Column(self.tr("Kind"), lambda c: kinds.get(c.kind, c.kind)),
                Column(self.tr("For whom"), lambda c: c.assigned_name or self.tr("anyone")),
            ],
            self,
            background=lambda c: QColor(ALERT_COLOURS["on_card"]) if c.due_at < self.now else None,
        )
        for table, model in ((self.ui.operators_table, self.operators),
                             (self.ui.campaigns_table, self.campaigns),
                             (self.ui.callbacks_table, self.callbacks)):  # fmt: skip
            show_sorted(table, model)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for pane, share in enumerate((2, 1, 1, 1)):
            self.ui.splitter.setStretchFactor(pane, share)
        self.experts_pane = ExpertsPane(self.ui, self)
        self.ui.move_handoff_button.clicked.connect(self.move_selected_handoff)
        self.ui.sleeping_button.clicked.connect(self.wake_sleeping)
        self.ui.give_button.clicked.connect(self.give_selected_callback)
        self.ui.share_button.clicked.connect(lambda: self.reassign_selected_callback(None))
        self.ui.refresh_button.clicked.connect(self.refresh)
        self.ui.release_button.clicked.connect(self.release_selected)
        self.ui.plan_button.clicked.connect(self.plan_selected)
        self.plan_dialog: PlanDialog | None = None
        self.ui.move_button.clicked.connect(lambda: self.move_companies())
        shortcut("Ctrl+M", self, lambda: self.move_companies(),
                 self.tr("move companies to another operator"))  # fmt: skip
        self.move_dialog: MoveDialog | None = None
        shortcut(QKeySequence.StandardKey.Refresh, self, self.refresh, self.tr("refresh"))
        # changes come in bursts (a save touches calls, entries and callbacks)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self.refresh)
        # the clock column and the colours move on without asking the database
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        # a lease that runs out changes the counts with nobody saving: read the floor again then
        self._lapse = QTimer(self, singleShot=True)
        self._lapse.timeout.connect(self.refresh)
        self.notifications: NotificationThread | None = None
        if session.dsn:
            self.notifications = NotificationThread(session.dsn, CHANNELS, self)
            self.notifications.notified.connect(self._on_notification)
            self.notifications.reconnected.connect(self.refresh)
            self.notifications.start()
        self._show_live(False)

    def why_idle(self, row: CampaignRow) -> str:
        """Empty while the campaign has companies to give; else why it has none."""
        if row.dialable:
            opens = row.opens_at(self.now, self.zones.get(row.campaign_id, frozenset()))
            if opens is None:
                return ""
            return filled(
                self.tr("outside calling hours until %1"),
                opens.astimezone().strftime("%d.%m %H:%M"),
            )
        if row.fresh + row.retry_due + row.retry_waiting + row.callbacks + row.claimed == 0:
            return self.tr("everything done")
        parts = []
        for label, moment in ((self.tr("next retry %1"), row.next_retry_at),
                              (self.tr("next callback %1"), row.next_callback_at)):  # fmt: skip
            if moment is not None:
                parts.append(filled(label, moment.astimezone().strftime("%d.%m %H:%M")))
        if row.claimed:
            parts.append(self.tr("the rest are on operators' cards"))
        return "; ".join(parts)

    def _alert_colour(self, row: OperatorRow) -> Any:
        alert = row.alert(self.now)
        return QColor(ALERT_COLOURS[alert]) if alert else None

    def _on_notification(self, _channel: str, _payload: dict[str, Any]) -> None:
        # one refresh 200 ms after the first change of a burst; later changes of the burst do
        # not push it back (a busy floor never goes quiet)
        if not self._debounce.isActive():
            self._debounce.start()

    def _tick(self) -> None:
        self.now = datetime.now(UTC)
        self.operators.redraw()
        listening = self.notifications is not None and self.notifications.is_listening
        self._show_live(listening)

    def _show_live(self, listening: bool) -> None:
        self.ui.live_label.setText(
            self.tr("Live: changes appear as they happen.")
            if listening
            else self.tr("Not connected to live updates; press F5 to refresh.")
        )

    def refresh(self) -> None:
        if self._background.busy:
            self._again = True
            return
        engine = self._session.engine
        stale = self._zones_read is None or datetime.now(UTC) - self._zones_read > ZONES_FOR

        def work() -> tuple[FloorNow, dict[int, frozenset[str]] | None]:
            return load_floor(engine), campaign_zones(engine) if stale else None

        self._background.run(work, self._show, self.failed)

    def _show(self, result: tuple[FloorNow, dict[int, frozenset[str]] | None]) -> None:
        floor, zones = result
        self.now = datetime.now(UTC)
        if zones is not None:
            self.zones, self._zones_read = zones, self.now
        self.operators.update_rows(floor.operators)
        self.campaigns.update_rows(floor.campaigns)
        self.callbacks.update_rows(floor.callbacks)
        self.experts_pane.show(floor)
        self._lapse.stop()
        if floor.next_lapse_at is not None:
            wait = (floor.next_lapse_at - floor.at).total_seconds() + LAPSE_MARGIN
            self._lapse.start(int(min(wait, LAPSE_WAIT_MOST) * 1000))
        self.refreshed.emit()
        if self._again:
            self._again = False
            self.refresh()

    # -- actions -----------------------------------------------------------------------
    def selected_operator(self) -> OperatorRow | None:
        rows = self.ui.operators_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def release_selected(self) -> None:
        row = self.selected_operator()
        if row is None:
            self.message.emit(self.tr("Select an operator first."))
            return
        engine, person = self._session.engine, row.person_id

        def done(count: int) -> None:
            self.message.emit(
                filled(self.tr("%1: %2 companies back in the queue."), row.full_name, str(count))
            )
            self.refresh()

        self._actions.run(lambda: release_stuck_claim(engine, person), done, self.failed)

    def plan_selected(self) -> None:
        row = self.selected_operator()
        if row is None:
            self.message.emit(self.tr("Select an operator first."))
            return
        dialog = PlanDialog(row.full_name, row.calls_target or 0, row.contacts_target or 0, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._set_plan(row, *dialog.values()))
        self.plan_dialog = dialog
        dialog.open()

    def _set_plan(self, row: OperatorRow, calls: int, contacts: int) -> None:
        engine, today = self._session.engine, self.now.astimezone(CENTRE_ZONE).date()

        def done(_none: object) -> None:
            self.message.emit(filled(self.tr("Plan for %1 saved."), row.full_name))
            self.refresh()

        self._actions.run(
            lambda: set_plan(engine, row.person_id, today, calls, contacts), done, self.failed
        )

    def wake_sleeping(self) -> None:
        """Tick sleeping clients and put them into a reactivation campaign."""
        dialog = SleepingDialog(self._session.engine, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        said = self.tr("%1 sleeping clients joined the campaign's queue.")
        dialog.queued.connect(lambda n: self.message.emit(filled(said, str(n))))
        self.sleeping_dialog = dialog
        dialog.open()

    def move_selected_handoff(self) -> None:
        """Open the move dialog on the expert of the selected waiting hand-off."""
        handoff = self.experts_pane.selected_handoff()
        if handoff is None:
            self.message.emit(self.tr("Select a hand-off first."))
            return
        self.move_companies(handoff.expert_id)

    def move_companies(self, from_person: int | None = None) -> None:
        """Open the move dialog, starting from ``from_person`` or the selected operator."""
        row = self.selected_operator()
        start = from_person if from_person is not None else (row.person_id if row else None)
        engine = self._session.engine

        def open_dialog(people: list[PersonRow]) -> None:
            dialog = MoveDialog(engine, people, start, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.moved.connect(self._moved)
            self.move_dialog = dialog
            dialog.open()

        self._actions.run(lambda: list_people(engine), open_dialog, self.failed)

    def _moved(self, moved: Moved, name: str) -> None:
        self.message.emit(
            filled(
                self.tr("Handed to %1: %2 callbacks, %3 hand-offs."),
                name,
                str(moved.callbacks),
                str(moved.handoffs),
            )
        )
        self.refresh()

    def selected_callback(self) -> FloorCallback | None:
        rows = self.ui.callbacks_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def give_selected_callback(self) -> None:
        if self.selected_callback() is None:
            self.message.emit(self.tr("Select a callback first."))
            return
        people = [(r.full_name, r.person_id) for r in self._operator_rows()]
        name, chosen = QInputDialog.getItem(
            self, self.tr("Give the callback to"), self.tr("Operator:"),
            [n for n, _ in people], 0, False,
        )  # fmt: skip
        if chosen:
            self.reassign_selected_callback(dict(people)[name])

    def _operator_rows(self) -> list[OperatorRow]:
        return [self.operators.row_at(r) for r in range(self.operators.rowCount())]

    def reassign_selected_callback(self, person_id: int | None) -> None:
        callback = self.selected_callback()
        if callback is None:
            self.message.emit(self.tr("Select a callback first."))
            return
        engine = self._session.engine

        def done(_none: object) -> None:
            said = self.tr("Callback for %1 handed over.")
            self.message.emit(filled(said, callback.company))
            self.refresh()

        self._actions.run(
            lambda: reassign_callback(engine, callback.id, person_id), done, self.failed
        )

    def shutdown(self) -> None:
        self._clock.stop()
        self._actions.wait()
        if self.notifications is not None:
            self.notifications.stop()
