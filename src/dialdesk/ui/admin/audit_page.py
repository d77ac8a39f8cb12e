"""The audit log for administrators: filter by table, login, dates and any text."""

from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHeaderView

from dialdesk.changes import Changed
from dialdesk.services.people.audit import (
    AuditFilter,
    AuditLine,
    AuditNames,
    audit_names,
    audit_tables,
    read_audit,
)
from dialdesk.services.people.login import LoggedIn
from dialdesk.ui.admin import audit_words
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import Page
from dialdesk.ui.common.row_model import Column, RowTableModel
from dialdesk.ui.common.worker import Background

LIMIT = 500


class AuditPage(Page):
    loaded = Signal()
    SHOWS = Changed.NOTHING

    def __init__(self, session: LoggedIn, parent=None, language: str = "ru") -> None:
        super().__init__(parent)
        self.ui = load_form("audit_page", self)
        self._session = session
        self._language = language
        self._background = Background(self)
        self.names = AuditNames({}, {})
        actions = {"INSERT": self.tr("added"), "UPDATE": self.tr("changed"),
                   "DELETE": self.tr("deleted")}  # fmt: skip
        self.model = RowTableModel[AuditLine](
            [
                Column(self.tr("When"), lambda a: a.at.astimezone().strftime("%d.%m.%Y %H:%M:%S")),
                Column(self.tr("Who"), lambda a: audit_words.who(a, self.names)),
                Column(self.tr("Record"), lambda a: audit_words.table_label(a.table)),
                Column(self.tr("Which"), lambda a: audit_words.subject(a, self.names, language)),
                Column(self.tr("Action"), lambda a: actions.get(a.action, a.action)),
                Column(
                    self.tr("What changed"),
                    lambda a: audit_words.changes_text(a, self.names, language),
                ),
            ],
            self,
        )
        table = self.ui.audit_table
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        today = QDate.currentDate()
        self.ui.from_edit.setDate(today.addDays(-7))
        self.ui.to_edit.setDate(today)
        self.ui.table_combo.addItem(self.tr("all tables"), None)
        self.ui.show_button.clicked.connect(self.refresh)
        for edit in (self.ui.login_edit, self.ui.contains_edit):
            edit.returnPressed.connect(self.refresh)
        shortcut(QKeySequence.StandardKey.Refresh, self, self.refresh, self.tr("show"))

    def current_filter(self) -> AuditFilter:
        def moment(day: QDate) -> datetime:
            local = datetime.combine(date(day.year(), day.month(), day.day()), time()).astimezone()
            return local.astimezone(UTC)

        return AuditFilter(
            table=self.ui.table_combo.currentData(),
            login=self.ui.login_edit.text().strip() or None,
            since=moment(self.ui.from_edit.date()),
            until=moment(self.ui.to_edit.date()) + timedelta(days=1),
            contains=self.ui.contains_edit.text().strip() or None,
            limit=LIMIT,
        )

    def refresh(self) -> None:
        if self._background.busy:
            return
        engine, where = self._session.engine, self.current_filter()

        def work() -> tuple[list[str], list[AuditLine], AuditNames]:
            lines = read_audit(engine, where)
            return audit_tables(engine), lines, audit_names(engine, lines)

        self._background.run(work, self._show, self.failed)

    def _show(self, result: tuple[list[str], list[AuditLine], AuditNames]) -> None:
        tables, lines, self.names = result
        combo = self.ui.table_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for name in tables:
            combo.addItem(audit_words.table_label(name), name)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        self.model.set_rows(lines)
        shown = self.tr("%n change(s) shown", "", len(lines))
        if len(lines) == LIMIT:
            shown += self.tr(" (the newest %1; narrow the filter to see older ones)").replace(
                "%1", str(LIMIT)
            )
        self.ui.count_label.setText(shown)
        self.loaded.emit()
