"""Outcome codes and pause reasons edited by an administrator."""

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from dialdesk.services.people.login import log_in
from dialdesk.ui.admin.codes_page import CodesPage
from tests.conftest import Logins


@pytest.fixture
def page(qtbot: QtBot, db_dsn: str, logins: Logins):
    login, password = logins.add("admin")
    session = log_in(db_dsn, login, password)
    widget = CodesPage(session, "en")
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.refresh()
    yield widget
    widget._background.wait()
    session.engine.dispose()


def test_an_outcome_is_relabelled_and_hidden(qtbot: QtBot, page: CodesPage, db: Engine) -> None:
    row = next(
        r for r in range(page.outcomes.rowCount()) if page.outcomes.row_at(r)[1].code == "cold"
    )
    page.ui.outcomes_table.selectRow(row)
    assert page.ui.o_code_edit.text() == "cold" and page.ui.o_code_edit.isReadOnly()
    assert page.ui.o_contact_check.isChecked()
    page.ui.o_en_edit.setText("Not interested")
    page.ui.o_hidden_check.setChecked(True)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.save_outcome()
    with db.connect() as conn:
        label, hidden = conn.execute(
            text("SELECT label_en, hidden FROM dialdesk.outcome_definitions WHERE code = 'cold'")
        ).one()
    assert (label, hidden) == ("Not interested", True)


def test_a_taken_key_is_refused_with_a_plain_message(qtbot: QtBot, page: CodesPage) -> None:
    page.new_outcome()
    page.ui.o_code_edit.setText("later")
    page.ui.o_ru_edit.setText("Позже")
    page.ui.o_en_edit.setText("Later")
    page.ui.o_key_combo.setCurrentIndex(page.ui.o_key_combo.findData("F1"))
    page.save_outcome()
    qtbot.waitUntil(lambda: "already chooses" in page.ui.error_label.text(), timeout=10000)


def test_a_pause_reason_is_added(qtbot: QtBot, page: CodesPage) -> None:
    page.new_pause()
    page.ui.p_code_edit.setText("standup")
    page.ui.p_ru_edit.setText("Планёрка")
    page.ui.p_en_edit.setText("Stand-up")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.save_pause()
    assert any(page.pauses.row_at(r)[1].code == "standup" for r in range(page.pauses.rowCount()))


def test_whether_an_outcome_becomes_the_companys_group_is_a_flag(
    qtbot: QtBot, page: CodesPage, db: Engine
) -> None:
    codes = [page.outcomes.row_at(r)[1].code for r in range(page.outcomes.rowCount())]
    page.ui.outcomes_table.selectRow(codes.index("no_contact"))
    assert not page.ui.o_group_check.isChecked()
    page.ui.outcomes_table.selectRow(codes.index("competitor"))
    assert page.ui.o_group_check.isChecked()
    page.ui.o_group_check.setChecked(False)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.save_outcome()
    with db.connect() as conn:
        flags = dict(
            conn.execute(text("SELECT code, sets_group FROM dialdesk.outcome_definitions")).all()
        )
    assert flags["competitor"] is False and flags["no_contact"] is False and flags["warm"]
    page.new_outcome()
    assert page.ui.o_group_check.isChecked()  # a new code says something unless told
