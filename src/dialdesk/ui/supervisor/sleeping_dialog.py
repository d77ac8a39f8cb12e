"""Wake sleeping clients: tick them and put them into a reactivation campaign (one of
former clients, with its "why did you stop buying" question)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from sqlalchemy import Engine

from dialdesk.services.experts.sleeping import (
    SleepingClient,
    queue_sleeping,
    reactivation_campaigns,
    sleeping_clients,
)
from dialdesk.ui.common.check_list import fill_check_list, tick, ticked_values
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.worker import Background


class SleepingDialog(QDialog):
    loaded = Signal()
    queued = Signal(int)  # how many joined the campaign's queue

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = load_form("sleeping_dialog", self)
        self._engine = engine
        self._jobs = Background(self)
        ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Into the campaign"))
        self.ui.button_box.accepted.connect(self.queue_ticked)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.all_check.toggled.connect(lambda on: tick(self.ui.clients_list, lambda _v: on))
        self._jobs.run(lambda: (sleeping_clients(engine), reactivation_campaigns(engine)),
                       self._show, self._failed)  # fmt: skip
        self.ui.clients_list.setFocus()

    def _show(self, loaded: tuple[list[SleepingClient], list[tuple[int, str]]]) -> None:
        clients, campaigns = loaded
        lines = []
        for c in clients:
            since = c.last_purchase_on.strftime("%d.%m.%Y") if c.last_purchase_on else "—"
            label = filled(self.tr("%1 — last purchase %2"), c.company, since)
            if c.expert:
                label += f" · {c.expert}"
            lines.append((c.company_id, label))
        fill_check_list(self.ui.clients_list, lines)
        for campaign_id, name in campaigns:
            self.ui.campaign_combo.addItem(name, campaign_id)
        if not clients:
            self.ui.error_label.setText(self.tr("No client is asleep now."))
        elif not campaigns:
            self.ui.error_label.setText(
                self.tr("There is no campaign of former clients yet: a marketer makes one.")
            )
        self.loaded.emit()

    def queue_ticked(self) -> None:
        engine, campaign = self._engine, self.ui.campaign_combo.currentData()
        chosen = ticked_values(self.ui.clients_list)
        self._jobs.run(lambda: queue_sleeping(engine, campaign, chosen), self._queued,
                       self._failed)  # fmt: skip

    def _queued(self, added: int) -> None:
        self.queued.emit(added)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        show_failure(error, self.ui.error_label.setText)
