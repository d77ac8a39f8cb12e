"""The expert's desk, "My clients": new hand-offs to accept or return, today's planned
contacts (overdue in red, with a reminder when one falls due), every client of mine, and
the card of the chosen company where each contact's result and the next one are recorded.
Keyboard first: Ctrl+1/2/3 the lists, Enter the card, Ctrl+Shift+A accept, Ctrl+Enter save.
"""

import uuid
from datetime import UTC, datetime
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHeaderView, QInputDialog, QMessageBox, QTableView, QWidget

from dialdesk.changes import Changed
from dialdesk.services.experts.client import ClientCard, load_client
from dialdesk.services.experts.desk import (
    ClientLine,
    HandoffLine,
    PlannedLine,
    accept_handoff,
    my_clients,
    new_handoffs,
    planned_today,
    return_handoff,
)
from dialdesk.services.experts.steps import (
    DealLine,
    ReasonChoice,
    colleagues,
    lost_reasons,
)
from dialdesk.services.people.login import LoggedIn
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import Page, filled
from dialdesk.ui.common.row_model import ROW_ROLE, RowTableModel, select_where, show_sorted
from dialdesk.ui.common.worker import Background
from dialdesk.ui.expert import desk_tables
from dialdesk.ui.expert.desk_card import CardEditsMixin
from dialdesk.ui.expert.desk_reminders import RemindersMixin
from dialdesk.ui.expert.desk_steps import StepsMixin
from dialdesk.ui.operator import card_view

REFRESH_MS = 60_000  # the lists follow the base; a due contact is noticed within this


class ExpertPage(StepsMixin, RemindersMixin, CardEditsMixin, Page):
    refreshed = Signal()  # the lists were read again
    card_shown = Signal()  # the chosen company's card is on screen
    saved = Signal()  # a contact's result was saved
    SHOWS = Changed.COMPANIES | Changed.PEOPLE
    NOTE_LABEL = "note_label"

    def __init__(self, session: LoggedIn, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = load_form("expert_page", self)
        self._session = session
        self._engine = session.engine
        me = session.identity.person_id
        assert me is not None
        self._me = me
        self._language = language
        self._lists = Background(self)
        self._card_job = Background(self)
        self._save_job = Background(self)
        self.card: ClientCard | None = None
        self._wanted: int | None = None  # the company whose card is to be shown
        self._follow: int | None = None  # a company to go to once the lists are read
        self._open_deal: DealLine | None = None  # the card's deal in progress
        self._handoff: HandoffLine | None = None  # the chosen line of the new hand-offs
        self._planned: PlannedLine | None = None  # the chosen planned contact, if any
        self._step_id = uuid.uuid4()  # one per contact being recorded: a retry saves once
        self._opened_at = datetime.now(UTC)
        self._reminded: set[int] = set()
        self.reminder_box: QMessageBox | None = None
        self.planned: list[PlannedLine] = []
        self._colleagues: list[tuple[int, str]] = []  # whom a client may be handed to
        self._models()
        self._step_form()
        self._keys()
        self._wire()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self._show_card(None)

    # ----------------------------------------------------------------- building

    def _models(self) -> None:
        ui = self.ui
        self.new_model = desk_tables.handoffs_model(self, self._language)
        self.today_model = desk_tables.planned_model(self)
        self.clients_model = desk_tables.clients_model(self)
        self.phones_model = card_view.phones_model(self)
        self.contacts_model = card_view.contacts_model(self)
        self.history_model = card_view.history_model(self, self._language)
        self.deals_model = desk_tables.deals_model(self, self._language)
        pairs: list[tuple[QTableView, RowTableModel[Any]]] = [
            (ui.new_table, self.new_model),
            (ui.today_table, self.today_model),
            (ui.clients_table, self.clients_model),
            (ui.phones_table, self.phones_model),
            (ui.contacts_table, self.contacts_model),
            (ui.history_table, self.history_model),
            (ui.deals_table, self.deals_model),
        ]
        for table, model in pairs:
            show_sorted(table, model)
            table.setWordWrap(False)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
            table.verticalHeader().hide()
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.splitter.setSizes([880, 620])

    def _step_form(self) -> None:
        ui = self.ui
        for kind, label in card_view.step_kinds().items():
            ui.kind_combo.addItem(label, kind)
        for kind, label in card_view.callback_kinds().items():
            ui.next_kind_combo.addItem(label, kind)
        ui.next_check.setText(self.tr("plan"))
        self._reset_step()

    def _keys(self) -> None:
        ui = self.ui
        tabs: list[QWidget] = [ui.new_tab, ui.today_tab, ui.clients_tab]
        for number, tab in enumerate(tabs, start=1):
            shortcut(f"Ctrl+{number}", self, partial(self._show_list, tab),
                     self.tr("show this list"))  # fmt: skip
        shortcut("Ctrl+F", self, self._find, self.tr("find a client"))
        shortcut("Ctrl+E", self, self.edit_company, self.tr("change the company's fields"))
        shortcut("Ctrl+M", self, self.send_offer, self.tr("send the offer by e-mail"))
        shortcut("Ctrl+Shift+A", self, self.accept_chosen, self.tr("accept the hand-off"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut(keys, self, self.save_step, self.tr("save the contact's result"))
        shortcut(QKeySequence.StandardKey.Refresh, self, self.refresh, self.tr("read again"))

    def _wire(self) -> None:
        ui = self.ui
        for table in (ui.new_table, ui.today_table, ui.clients_table):
            table.selectionModel().currentRowChanged.connect(
                lambda current, _previous, t=table: self._chosen(t, current)
            )
            table.activated.connect(lambda _index: ui.kind_combo.setFocus())
        ui.lists_tabs.currentChanged.connect(lambda _i: self._chosen_in_tab())
        self._search_later = QTimer(self)
        self._search_later.setSingleShot(True)
        self._search_later.setInterval(300)
        self._search_later.timeout.connect(self._load_clients)
        ui.search_edit.textChanged.connect(lambda _t: self._search_later.start())
        ui.accept_button.clicked.connect(self.accept_chosen)
        ui.return_button.clicked.connect(self.return_chosen)
        ui.save_button.clicked.connect(self.save_step)
        ui.hand_button.clicked.connect(self.hand_on)
        ui.offer_button.clicked.connect(self.send_offer)
        ui.kind_combo.currentIndexChanged.connect(lambda _i: self._fields_for_kind())
        ui.next_check.toggled.connect(lambda on: self._next_enabled(on))
        ui.phones_table.activated.connect(self._dial)
        ui.contacts_table.activated.connect(lambda _i: self.edit_person(chosen=True))
        within = Qt.ShortcutContext.WidgetWithChildrenShortcut  # in that table only
        shortcut("Ins", ui.phones_table, self.add_phone, self.tr("add a phone number"), within)
        shortcut("Ins", ui.contacts_table, self.edit_person, self.tr("add a contact person"),
                 within)  # fmt: skip
        shortcut("F2", ui.contacts_table, lambda: self.edit_person(chosen=True),
                 self.tr("change the contact person"), within)  # fmt: skip

    # ----------------------------------------------------------------- lists

    def refresh(self) -> None:
        engine, me, search = self._engine, self._me, self.ui.search_edit.text()

        def read() -> tuple[list[HandoffLine], list[PlannedLine], list[ClientLine],
                            list[ReasonChoice], list[tuple[int, str]]]:  # fmt: skip
            return (new_handoffs(engine, me), planned_today(engine, me),
                    my_clients(engine, me, search), lost_reasons(engine),
                    colleagues(engine, me))  # fmt: skip

        self._lists.run(read, self._show_lists, self.failed)

    def _show_lists(self, lists: tuple[Any, ...]) -> None:
        handoffs, planned, clients, reasons, self._colleagues = lists
        self.new_model.update_rows(handoffs)
        self.today_model.update_rows(planned)
        self.clients_model.update_rows(clients)
        self.planned = planned
        ui = self.ui
        chosen = ui.reason_combo.currentData()
        ui.reason_combo.clear()
        for reason in reasons:
            ui.reason_combo.addItem(reason.label_ru if self._language == "ru"
                                    else reason.label_en, reason.id)  # fmt: skip
        ui.reason_combo.setCurrentIndex(max(ui.reason_combo.findData(chosen), 0))
        ui.lists_tabs.setTabText(0, filled(self.tr("&New hand-offs: %1 (Ctrl+1)"), len(handoffs)))
        overdue = sum(1 for p in planned if p.overdue())
        ui.lists_tabs.setTabText(
            1, filled(self.tr("&Today: %1, overdue %2 (Ctrl+2)"), len(planned), overdue)
        )
        self._remind(planned)
        for table in (ui.new_table, ui.today_table, ui.clients_table):
            if not table.currentIndex().isValid() and table.model().rowCount():
                table.selectRow(0)
        if self._follow is not None:
            self._show_company(self._follow)
            self._follow = None
        self._chosen_in_tab()
        self.refreshed.emit()

    def _show_company(self, company: int) -> None:
        """Go to the company in My clients, ready to record a contact on it."""
        ui = self.ui
        self._show_list(ui.clients_tab)
        select_where(ui.clients_table, lambda line: line.company_id == company)
        ui.kind_combo.setFocus()

    def _load_clients(self) -> None:
        engine, me, search = self._engine, self._me, self.ui.search_edit.text()
        self._lists.run(lambda: my_clients(engine, me, search),
                        self.clients_model.update_rows, self.failed)  # fmt: skip

    def _show_list(self, tab: QWidget) -> None:
        ui = self.ui
        ui.lists_tabs.setCurrentWidget(tab)
        table = {ui.new_tab: ui.new_table, ui.today_tab: ui.today_table}.get(tab, ui.clients_table)
        table.setFocus()

    def _find(self) -> None:
        self._show_list(self.ui.clients_tab)
        self.ui.search_edit.setFocus()
        self.ui.search_edit.selectAll()

    def _current_table(self) -> QTableView:
        ui = self.ui
        tables: list[QTableView] = [ui.new_table, ui.today_table, ui.clients_table]
        chosen: QTableView = tables[ui.lists_tabs.currentIndex()]
        return chosen

    def _chosen_in_tab(self) -> None:
        table = self._current_table()
        self._chosen(table, table.currentIndex())

    def _chosen(self, table: QTableView, index: Any) -> None:
        if table is not self._current_table():
            return
        row = index.data(ROW_ROLE) if index.isValid() else None
        self._handoff = row if isinstance(row, HandoffLine) else None
        self._planned = row if isinstance(row, PlannedLine) else None
        company = getattr(row, "company_id", None)
        if company is None:
            self._wanted = None
            self._show_card(None)
            return
        if company == self._wanted:  # shown already, or being read
            self._summary()
            return
        self._open(company)

    # ----------------------------------------------------------------- the card

    def _open(self, company: int) -> None:
        engine, me = self._engine, self._me
        self._wanted = company
        self._card_job.run(lambda: load_client(engine, me, company), self.card_loaded,
                           self.failed)  # fmt: skip

    def card_loaded(self, card: ClientCard) -> None:
        """Show the card read, unless the person has moved on to another company since:
        arrowing down a list starts a read per line, and they may end in any order."""
        if card.company_id == self._wanted:
            self._show_card(card)

    def _show_card(self, card: ClientCard | None) -> None:
        ui = self.ui
        self.card = card
        mine = card is not None and card.mine
        ui.step_box.setEnabled(mine)
        ui.hand_button.setEnabled(mine)
        ui.accept_button.setEnabled(self._handoff is not None)
        ui.return_button.setEnabled(self._handoff is not None)
        if card is None:
            ui.company_label.setText(self.tr("Choose a company in a list on the left."))
            ui.summary_label.clear()
            for model in (self.phones_model, self.contacts_model, self.history_model,
                          self.deals_model):  # fmt: skip
                model.set_rows([])
            return
        company = card.company
        place = ", ".join(v for v in (company.get("city"), company.get("address")) if v)
        head = f"<b>{_html(company.get('name') or '')}</b>"
        if company.get("inn"):
            head += " · " + filled(self.tr("INN %1"), _html(company["inn"]))
        if place:
            head += f"<br>{_html(place)}"
        ui.company_label.setText(head)
        self.phones_model.set_rows(card.phones)
        self.contacts_model.set_rows(card.contacts)
        self.history_model.set_rows(card.history)
        self.deals_model.set_rows(card.deals)
        self._open_deal = next((d for d in card.deals if d.closed_at is None), None)
        self._fields_for_kind()
        self._summary()
        self.card_shown.emit()

    def _summary(self) -> None:
        """What the operator said on the hand-off, or the planned contact chosen."""
        ui = self.ui
        ui.accept_button.setEnabled(self._handoff is not None)
        ui.return_button.setEnabled(self._handoff is not None)
        h = self._handoff
        if h is not None:
            lines = [filled(self.tr("Handed by %1 on %2"), _html(h.operator),
                            h.handed_at.astimezone().strftime("%d.%m.%Y %H:%M"))]  # fmt: skip
            if h.spoke_with:
                lines.append(filled(self.tr("Spoke with: %1"), _html(h.spoke_with)))
            if h.comment:
                lines.append(filled(self.tr("Comment: %1"), _html(h.comment)))
            if h.answers:
                lines.append(
                    filled(self.tr("Answers: %1"), _html(card_view.answers_text(h.answers)))
                )
            if h.next_due is not None:
                kind = card_view.callback_kinds().get(h.next_kind or "", h.next_kind or "")
                when = h.next_due.astimezone().strftime("%d.%m.%Y %H:%M")
                lines.append(filled(self.tr("Agreed next contact: %1, %2"), kind, when))
            lines.append(self.tr("Accept it (Ctrl+Shift+A) or return it with a reason."))
            ui.summary_label.setText("<br>".join(lines))
        elif self._planned is not None:
            p = self._planned
            kind = card_view.callback_kinds().get(p.kind, p.kind)
            text = filled(self.tr("Planned: %1 at %2 (client's time %3)"), kind,
                          p.due_at.astimezone().strftime("%H:%M"), p.client_time())  # fmt: skip
            if p.note:
                text += "<br>" + _html(p.note)
            ui.summary_label.setText(text)
        else:
            ui.summary_label.clear()

    # ----------------------------------------------------------------- hand-offs

    def accept_chosen(self) -> None:
        handoff = self._handoff
        if handoff is None:
            self.say(self.tr("Choose a new hand-off first (Ctrl+1)."))
            return
        engine = self._engine

        def done(_deal: int) -> None:
            self.say(filled(self.tr("%1 is your client now: record the first contact."),
                            handoff.company))  # fmt: skip
            self._handoff = None
            self.card, self._wanted = None, None  # read again: it is mine now
            self._follow = handoff.company_id  # shown in My clients once the lists are read
            self.changed.emit(Changed.COMPANIES)
            self.refresh()

        self._save_job.run(lambda: accept_handoff(engine, handoff.id), done, self.failed)

    def return_chosen(self) -> None:
        handoff = self._handoff
        if handoff is None:
            self.say(self.tr("Choose a new hand-off first (Ctrl+1)."))
            return
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Return the hand-off"),
            filled(self.tr("Why do you return %1? The supervisor reads it."), handoff.company),
        )  # fmt: skip
        if not ok:
            return
        engine = self._engine

        def done(_none: None) -> None:
            self.say(filled(self.tr("%1 returned to the supervisor."), handoff.company))
            self._handoff = None
            self.changed.emit(Changed.COMPANIES)
            self.refresh()

        self._save_job.run(lambda: return_handoff(engine, handoff.id, reason), done, self.failed)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
