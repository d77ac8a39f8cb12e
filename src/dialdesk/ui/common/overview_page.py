"""The home page every role sees: the base by current group and every campaign's queue."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHeaderView

from dialdesk.changes import Changed
from dialdesk.services.people.login import LoggedIn
from dialdesk.services.reports.overview import CampaignLine, GroupCount, Overview, load_overview
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import Page, filled
from dialdesk.ui.common.row_model import Column, RowTableModel, show_sorted
from dialdesk.ui.common.worker import Background


def group_label(group: GroupCount, language: str, not_called: str) -> str:
    """The outcome's label in the interface language (labels live in the database)."""
    if group.code is None:
        return not_called
    return group.label_ru if language == "ru" else group.label_en


class OverviewPage(Page):
    """Loads the overview in the background and shows it; F5 reloads."""

    loaded = Signal()
    SHOWS = Changed.COMPANIES | Changed.CAMPAIGNS | Changed.CODES
    NOTE_LABEL = "summary_label"

    def __init__(self, session: LoggedIn, language: str, parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("overview_page", self)
        self._session = session
        self._background = Background(self)
        not_called = self.tr("Not called yet")
        self.groups_model = RowTableModel[GroupCount](
            [
                Column(self.tr("Group"), lambda g: group_label(g, language, not_called)),
                Column(self.tr("Companies"), lambda g: g.companies, numeric=True),
            ],
            self,
        )
        off = self.tr("(off)")
        self.campaigns_model = RowTableModel[CampaignLine](
            [
                Column(self.tr("Campaign"), lambda c: c.name if c.active else f"{c.name} {off}"),
                Column(self.tr("Fresh"), lambda c: c.entries["fresh"], numeric=True),
                Column(self.tr("Retry"), lambda c: c.entries["retry"], numeric=True),
                Column(self.tr("Callback"), lambda c: c.entries["callback"], numeric=True),
                Column(self.tr("On a card"), lambda c: c.entries["claimed"], numeric=True),
                Column(self.tr("Done"), lambda c: c.entries["done"], numeric=True),
                Column(self.tr("Total"), lambda c: c.total, numeric=True),
            ],
            self,
        )
        show_sorted(self.ui.groups_table, self.groups_model)
        show_sorted(self.ui.campaigns_table, self.campaigns_model)
        for table in (self.ui.groups_table, self.ui.campaigns_table):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.verticalHeader().hide()
        self.ui.splitter.setStretchFactor(0, 1)
        self.ui.splitter.setStretchFactor(1, 3)
        self.ui.refresh_button.clicked.connect(self.refresh)
        shortcut(QKeySequence.StandardKey.Refresh, self, self.refresh, self.tr("refresh"))

    def refresh(self) -> None:
        if self._background.busy:
            return
        self.ui.refresh_button.setEnabled(False)
        self.ui.summary_label.setText(self.tr("Loading…"))
        engine = self._session.engine
        self._background.run(lambda: load_overview(engine), self._show, self.failed)

    def _show(self, overview: Overview) -> None:
        self.ui.refresh_button.setEnabled(True)
        self.groups_model.set_rows(overview.groups)
        self.campaigns_model.set_rows(overview.campaigns)
        self.ui.summary_label.setText(
            filled(
                self.tr("Companies in the base: %1. Callbacks due today or overdue: %2."),
                f"{overview.companies:,}".replace(",", "\u00a0"),
                str(overview.callbacks_due_today),
            )
        )
        self.loaded.emit()

    def failed(self, error: BaseException) -> None:
        self.ui.refresh_button.setEnabled(True)
        super().failed(error)
