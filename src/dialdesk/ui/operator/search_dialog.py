"""Ctrl+F on the Work tab: find a company by name, INN or phone while on the phone, and open
its card.  Typing searches as it goes; Enter or a double-click opens the chosen company."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView

from dialdesk.services.people.login import LoggedIn
from dialdesk.services.shift.search import FoundCompany, find_companies
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.row_model import Column, RowTableModel
from dialdesk.ui.common.worker import Background

SEARCH_DELAY_MS = 250  # after the last key, so a fast typist sends one query


class SearchDialog(QDialog):
    found = Signal()  # the results of a search are on screen
    chosen = Signal(object)  # the FoundCompany to open

    def __init__(self, session: LoggedIn, me: int, parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("search_dialog", self)
        self.setWindowTitle(self.tr("Find a company"))
        self.resize(1040, 440)
        self._session, self._me = session, me
        self._background = Background(self)
        self._asked = ""  # the query whose answer is awaited or shown
        self.results = RowTableModel[FoundCompany](
            [
                Column(self.tr("Company"), lambda f: f.name),
                Column(self.tr("INN"), lambda f: f.inn or ""),
                Column(self.tr("City"), lambda f: f.city or ""),
                Column(self.tr("Phones"), lambda f: f.phones),
                Column(self.tr("Campaign"), lambda f: f.campaign or self.tr("not in a campaign")),
                Column(self.tr("On the card of"), self._holder),
            ],
            self,
        )
        table = self.ui.results_table
        table.setModel(self.results)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        campaign_column = 4  # long campaign names are cut, not the colleague's name
        table.horizontalHeader().setSectionResizeMode(
            campaign_column, QHeaderView.ResizeMode.Interactive
        )
        table.setColumnWidth(campaign_column, 220)
        table.activated.connect(lambda index: self._choose(index.row()))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.search)
        self.ui.query_edit.textChanged.connect(lambda _t: self._timer.start(SEARCH_DELAY_MS))
        self.ui.query_edit.returnPressed.connect(self._enter_in_query)
        buttons = self.ui.button_box
        buttons.button(QDialogButtonBox.StandardButton.Open).setText(self.tr("&Open card"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.accepted.connect(lambda: self._choose(table.currentIndex().row()))
        buttons.rejected.connect(self.reject)

    def _holder(self, found: FoundCompany) -> str:
        if found.mine:
            return self.tr("me")
        return found.held_by or ""

    def ask(self, query: str) -> None:
        """Search for ``query`` at once (a caller's number from the softphone)."""
        self.ui.query_edit.blockSignals(True)
        self.ui.query_edit.setText(query)
        self.ui.query_edit.blockSignals(False)
        self.search()

    def search(self) -> None:
        self._timer.stop()
        query = self.ui.query_edit.text().strip()
        self._asked = query
        engine, me = self._session.engine, self._me
        self.ui.status_label.setText(self.tr("Searching…"))
        self._background.run(
            lambda: (query, find_companies(engine, me, query)), self._show, self._failed
        )

    def _show(self, answer: tuple[str, list[FoundCompany]]) -> None:
        query, rows = answer
        if query != self._asked:  # typing went on: a newer search is coming
            return
        self.results.set_rows(rows)
        if rows:
            self.ui.results_table.selectRow(0)
            self.ui.status_label.setText(
                filled(self.tr("Found: %1. Enter opens the chosen company."), str(len(rows)))
            )
        elif len(query) < 2:
            self.ui.status_label.setText(
                self.tr("Type at least two letters of the name, or five digits of a number.")
            )
        else:
            self.ui.status_label.setText(filled(self.tr("Nothing found for “%1”."), query))
        self.found.emit()

    def _enter_in_query(self) -> None:
        if self._timer.isActive() or self._asked != self.ui.query_edit.text().strip():
            self.search()  # Enter before the pause: search now, choose on the next Enter
            return
        if self.results.rowCount() == 1:
            self._choose(0)
        elif self.results.rowCount():
            self.ui.results_table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _choose(self, row: int) -> None:
        if 0 <= row < self.results.rowCount():
            self.chosen.emit(self.results.row_at(row))
            self.accept()

    def _failed(self, error: BaseException) -> None:
        show_failure(error, self.ui.status_label.setText)
