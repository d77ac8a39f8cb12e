"""The admin sets when a hand-off is late and when a client sleeps, and keeps the reasons
a deal is lost; nobody else may (the database refuses)."""

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from dialdesk.errors import UserError
from dialdesk.services.experts.settings import SalesSettings, save_sales_settings
from dialdesk.services.people.login import log_in
from dialdesk.ui.admin.sales_page import SalesPage
from tests.conftest import Logins


def test_the_admin_sets_the_hours_the_days_and_a_new_reason(
    qtbot: QtBot, db: Engine, db_dsn: str, logins: Logins
) -> None:
    session = log_in(db_dsn, *logins.add("admin"))
    page = SalesPage(session, "en")
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.reasons.rowCount() == 5, timeout=10000)
    assert (page.ui.hours_spin.value(), page.ui.days_spin.value()) == (4, 180)
    page.ui.hours_spin.setValue(8)
    page.ui.days_spin.setValue(365)
    with qtbot.waitSignal(page.message, timeout=10000):
        page.ui.save_button.click()
    with db.connect() as conn:
        saved = conn.execute(
            text("SELECT handoff_accept_hours, sleeping_days FROM dialdesk.sales_settings")
        ).one()
    assert tuple(saved) == (8, 365)
    page.ui.new_ru_edit.setText("Сорвались сроки")
    page.ui.new_en_edit.setText("Deadlines missed")
    with qtbot.waitSignal(page.message, timeout=10000):
        page.ui.add_button.click()
    qtbot.waitUntil(lambda: page.reasons.rowCount() == 6, timeout=10000)
    page.ui.reasons_table.selectRow(5)
    with qtbot.waitSignal(page.message, timeout=10000):
        page.ui.toggle_button.click()
    qtbot.waitUntil(lambda: not page.reasons.row_at(5).active, timeout=10000)
    QThreadPool.globalInstance().waitForDone(10000)
    session.engine.dispose()


def test_only_the_admin_changes_the_sales_settings(logins: Logins) -> None:
    supervisor = logins.as_role("supervisor")
    with pytest.raises(UserError, match="refused"):
        save_sales_settings(supervisor, SalesSettings(2, 90))
    with pytest.raises(UserError, match="1 to 200"):
        save_sales_settings(logins.as_role("admin"), SalesSettings(0, 90))
