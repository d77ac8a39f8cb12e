"""The admin's sales settings: when a hand-off waiting for an expert turns late on the
monitor, when a client counts as sleeping (overall, and for products of their own), and the
list of reasons a deal is lost."""

from typing import Any

from PySide6.QtWidgets import QHeaderView, QWidget

from dialdesk.services.experts.settings import (
    ProductPeriod,
    ReasonRow,
    SalesSettings,
    add_lost_reason,
    drop_product_period,
    load_sales_settings,
    product_periods,
    save_sales_settings,
    set_product_period,
    set_reason_active,
)
from dialdesk.services.people.login import LoggedIn
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.page import Page, filled
from dialdesk.ui.common.row_model import ROW_ROLE, Column, RowTableModel, show_sorted
from dialdesk.ui.common.worker import Background


class SalesPage(Page):
    NOTE_LABEL = "note_label"

    def __init__(self, session: LoggedIn, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = load_form("sales_page", self)
        self._engine = session.engine
        self._jobs = Background(self)
        label = (lambda r: r.label_ru) if language == "ru" else (lambda r: r.label_en)
        self.reasons = RowTableModel[ReasonRow](
            [
                Column(self.tr("Reason"), label),
                Column(self.tr("Offered"), lambda r: self.tr("yes") if r.active else self.tr("no")),
            ],
            self,
        )
        self.products = RowTableModel[ProductPeriod](
            [
                Column(self.tr("Product"), lambda p: p.product),
                Column(self.tr("Sleeps after, days"), lambda p: p.sleeping_days, numeric=True),
            ],
            self,
        )
        for table, model in ((self.ui.reasons_table, self.reasons),
                             (self.ui.products_table, self.products)):  # fmt: skip
            show_sorted(table, model)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ui.product_button.clicked.connect(self.set_product)
        self.ui.product_edit.returnPressed.connect(self.set_product)
        self.ui.product_drop_button.clicked.connect(self.drop_product)
        self.ui.save_button.clicked.connect(self.save)
        self.ui.add_button.clicked.connect(self.add)
        self.ui.new_en_edit.returnPressed.connect(self.add)
        self.ui.toggle_button.clicked.connect(self.toggle)

    def refresh(self) -> None:
        engine = self._engine
        self._jobs.run(lambda: (*load_sales_settings(engine), product_periods(engine)),
                       self._show, self.failed)  # fmt: skip

    def _show(self, loaded: tuple[SalesSettings, list[ReasonRow], list[ProductPeriod]]) -> None:
        settings, reasons, products = loaded
        self.ui.hours_spin.setValue(settings.handoff_accept_hours)
        self.ui.days_spin.setValue(settings.sleeping_days)
        self.reasons.update_rows(reasons)
        self.products.update_rows(products)

    def set_product(self) -> None:
        product, days = self.ui.product_edit.text(), self.ui.product_days_spin.value()
        engine = self._engine
        self._run(lambda: set_product_period(engine, product, days),
                  filled(self.tr("%1: clients sleep after %2 days."), product.strip(), days),
                  lambda _none: self.ui.product_edit.clear())  # fmt: skip

    def drop_product(self) -> None:
        rows = self.ui.products_table.selectionModel().selectedRows()
        period: ProductPeriod | None = rows[0].data(ROW_ROLE) if rows else None
        if period is None:
            self.say(self.tr("Choose a product in the list first."))
            return
        engine = self._engine
        said = filled(self.tr("%1: clients sleep after the overall period."), period.product)
        self._run(lambda: drop_product_period(engine, period.id), said)

    def save(self) -> None:
        settings = SalesSettings(self.ui.hours_spin.value(), self.ui.days_spin.value())
        engine = self._engine
        self._run(lambda: save_sales_settings(engine, settings), self.tr("Settings saved."))

    def add(self) -> None:
        ru, en, engine = self.ui.new_ru_edit.text(), self.ui.new_en_edit.text(), self._engine

        def done(_id: Any) -> None:
            self.ui.new_ru_edit.clear()
            self.ui.new_en_edit.clear()

        self._run(lambda: add_lost_reason(engine, ru, en),
                  filled(self.tr("Reason added: %1."), ru.strip()), done)  # fmt: skip

    def toggle(self) -> None:
        rows = self.ui.reasons_table.selectionModel().selectedRows()
        reason: ReasonRow | None = rows[0].data(ROW_ROLE) if rows else None
        if reason is None:
            self.say(self.tr("Choose a reason in the list first."))
            return
        engine = self._engine
        self._run(lambda: set_reason_active(engine, reason.id, not reason.active),
                  self.tr("The list of reasons is saved."))  # fmt: skip

    def _run(self, work: Any, said: str, then: Any = None) -> None:
        def done(result: Any) -> None:
            if then is not None:
                then(result)
            self.say(said)
            self.refresh()

        self._jobs.run(work, done, self.failed)
