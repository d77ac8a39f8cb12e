"""The audit log page, filtered from the keyboard, against a real database."""

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from dialdesk.services.people.login import log_in
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
    assert page.model.index(0, 2).data() == "Company"
    assert page.model.index(0, 3).data() == "А"  # the company by its name, not its number
    assert page.model.index(0, 5).data() == "city: — → Тверь"
    assert page.ui.table_combo.findData("companies") > 0


def test_the_log_reads_in_business_words_in_russian(
    qtbot: QtBot, russian: None, db_dsn: str, logins: Logins, db: Engine
) -> None:
    """Seen: raw table and column names, ISO times and ids on the Russian audit screen."""
    login, password = logins.add("admin")
    session = log_in(db_dsn, login, password)
    operator = logins.person_id(logins.add("operator")[0])
    with db.begin() as conn:
        conn.execute(text("UPDATE dialdesk.people SET full_name = 'Анна Смирнова' WHERE id = :p"),
                     {"p": operator})  # fmt: skip
        campaign = conn.execute(
            text("INSERT INTO dialdesk.campaigns (name) VALUES ('Весна') RETURNING id")
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO dialdesk.campaign_operators (campaign_id, person_id) VALUES (:k, :p)"
            ),
            {"k": campaign, "p": operator},
        )
    with session.engine.begin() as conn:  # the administrator takes her off it
        conn.execute(text("DELETE FROM dialdesk.campaign_operators WHERE campaign_id = :k"),
                     {"k": campaign})  # fmt: skip
        conn.execute(
            text("UPDATE dialdesk.campaigns SET calling_hours_end = '20:00' WHERE id = :k"),
            {"k": campaign},
        )
    page = AuditPage(session, None, "ru")
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    rows = [[page.model.index(r, c).data() for c in range(1, 6)]
            for r in range(page.model.rowCount())]  # fmt: skip
    removal = next(r for r in rows if r[1] == "Оператор кампании")
    assert removal[2] == "Весна · Анна Смирнова" and removal[3] == "удалено"
    hours = next(r for r in rows if r[1] == "Кампания" and r[3] == "изменено")
    assert hours[0].endswith(f"({login})")
    assert "звоним до: 18:00 → 20:00" in hours[4]
    page._background.wait()
    session.engine.dispose()
