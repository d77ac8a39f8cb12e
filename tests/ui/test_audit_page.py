"""The audit log page, filtered from the keyboard, against a real database."""

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from dialdesk.services.login import log_in
from dialdesk.ui.admin.audit_page import AuditPage
from tests.conftest import Logins


@pytest.fixture
def page(qtbot: QtBot, db_dsn: str, logins: Logins):
    login, password = logins.add("admin")
    session = log_in(db_dsn, login, password)
    widget = AuditPage(session)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget._background.wait()
    session.engine.dispose()


def test_an_admin_finds_a_change_by_its_value(qtbot: QtBot, page: AuditPage, db: Engine) -> None:
    with db.begin() as conn:
        company = conn.execute(
            text("INSERT INTO dialdesk.companies (name, name_key) VALUES ('А', 'а') RETURNING id")
        ).scalar_one()
        conn.execute(
            text("UPDATE dialdesk.companies SET city = 'Тверь' WHERE id = :c"), {"c": company}
        )
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    assert page.model.rowCount() >= 1
    page.ui.contains_edit.setText("Тверь")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.keyClick(page.ui.contains_edit, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 2).data() == "companies"
    assert 'city: ∅ → "Тверь"' in page.model.index(0, 5).data()
    assert page.ui.table_combo.findData("companies") > 0
