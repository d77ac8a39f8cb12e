"""Finding a company from the Work tab (Ctrl+F), and a softphone's incoming caller."""

from typing import Any

from PySide6.QtCore import Qt

from dialdesk.services.shift.search import FoundCompany
from dialdesk.services.shift.shift import Shift
from dialdesk.ui.common.page import filled
from dialdesk.ui.operator.card_view import tr
from dialdesk.ui.operator.search_dialog import SearchDialog


class SearchMixin:
    """The search of ``WorkPage`` (which provides the attributes named here)."""

    ui: Any
    session: Any
    me: int
    claim: Any
    shift: Shift
    state: Any
    search_dialog: SearchDialog | None
    _background: Any
    _say: Any
    _failed: Any
    _claimed: Any
    toggle_pause: Any

    def find_company(self, query: str = "") -> SearchDialog:
        """Ctrl+F: the search dialog (one at a time), searching ``query`` at once if given."""
        if self.search_dialog is None:
            dialog = SearchDialog(self.session, self.me, self)
            dialog.chosen.connect(self.open_found)
            dialog.finished.connect(lambda _r: setattr(self, "search_dialog", None))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.search_dialog = dialog
        dialog = self.search_dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.ui.query_edit.setFocus()
        if query:
            dialog.ask(query)
        return dialog

    def show_caller(self, number: str) -> None:
        """The softphone says ``number`` is calling: find whose it is."""
        self.find_company(number)
        self._say(filled(tr("Incoming call from %1"), number))

    def open_found(self, found: FoundCompany) -> None:
        """Open a company picked in the search: claimed for me if free."""
        if self.claim is not None:
            if self.claim.entry_id != found.entry_id:
                self._say(tr("Save an outcome or release this company first."))
            return
        if found.entry_id is None:
            self._say(
                filled(
                    tr("%1 is not in any running campaign: there is no card to open."), found.name
                )
            )
            return
        if self._background.busy:
            return
        if self.state == "paused":
            self.ui.pause_button.setChecked(False)
            self.toggle_pause()
        shift, entry = self.shift, found.entry_id
        self._say(filled(tr("Opening %1…"), found.name))
        self._background.run(lambda: shift.find_entry(entry), self._claimed, self._failed)
