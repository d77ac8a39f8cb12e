"""An expert's day from the keyboard: a hand-off accepted, an offer recorded with the next
contact, the deal won and the client handed to a client manager."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from dialdesk.services.experts.client import load_client
from dialdesk.services.experts.desk import accept_handoff
from dialdesk.services.experts.steps import StepInput, record_step
from dialdesk.services.mail.settings import save_server
from dialdesk.services.people.login import log_in
from dialdesk.ui.expert.desk_page import ExpertPage
from dialdesk.ui.expert.hand_dialog import HandClientDialog
from dialdesk.ui.mail.send_offer_dialog import SendOfferDialog
from tests.conftest import Logins
from tests.mail_server import SmtpServer
from tests.services.expert_floor import ExpertFloor
from tests.services.test_mail import _contact, _offer


@pytest.fixture
def desk(qtbot: QtBot, db_dsn: str, experts: ExpertFloor):
    login, password = experts.expert_login
    session = log_in(db_dsn, login, password)
    page = ExpertPage(session, "en")
    qtbot.addWidget(page)
    page.show()
    yield page
    QThreadPool.globalInstance().waitForDone(10000)  # reads the page started
    session.engine.dispose()


def _modifiers(keys: str) -> Qt.KeyboardModifier:
    mods = Qt.KeyboardModifier.NoModifier
    if "Ctrl" in keys:
        mods |= Qt.KeyboardModifier.ControlModifier
    if "Shift" in keys:
        mods |= Qt.KeyboardModifier.ShiftModifier
    return mods


def _choose(qtbot: QtBot, combo, data: object) -> None:
    """Walk the combo with the arrow keys to the item holding ``data``."""
    combo.setFocus()
    while combo.currentData() != data:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def _deal(experts: ExpertFloor, company: int) -> tuple[str, Decimal | None]:
    with experts.db.connect() as conn:
        return tuple(
            conn.execute(
                text(
                    "SELECT stage, amount FROM dialdesk.deals WHERE company_id = :c "
                    "ORDER BY id DESC LIMIT 1"
                ),
                {"c": company},
            ).one()
        )


def test_an_expert_takes_a_hand_off_to_a_won_deal_from_the_keyboard(
    qtbot: QtBot, desk: ExpertPage, experts: ExpertFloor
) -> None:
    company, handoff = experts.handed("ООО Горячая", comment="Просили КП на станки")
    with qtbot.waitSignal(desk.refreshed, timeout=10000):
        desk.refresh()
    assert desk.new_model.rowCount() == 1
    with qtbot.waitSignal(desk.card_shown, timeout=10000):
        qtbot.keyClick(desk, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        desk._chosen_in_tab()
    assert "Просили КП на станки" in desk.ui.summary_label.text()
    assert not desk.ui.step_box.isEnabled()  # not mine until accepted

    with qtbot.waitSignal(desk.card_shown, timeout=10000):
        qtbot.keyClick(desk, Qt.Key.Key_A, _modifiers("Ctrl+Shift"))
    qtbot.waitUntil(lambda: desk.card is not None and desk.card.mine, timeout=10000)
    assert desk.ui.step_box.isEnabled()
    assert experts.scalar("SELECT state FROM dialdesk.handoffs WHERE id = :h", h=handoff) == (
        "accepted"
    )

    _choose(qtbot, desk.ui.kind_combo, "offer")
    qtbot.keyClick(desk.ui.kind_combo, Qt.Key.Key_Tab)
    qtbot.keyClicks(desk.ui.amount_spin, "120000")
    qtbot.keyClick(desk.ui.amount_spin, Qt.Key.Key_Tab)
    desk.ui.product_edit.insert("Станки")  # QTest types only Latin letters
    qtbot.keyClick(desk.ui.product_edit, Qt.Key.Key_Tab)
    assert desk.ui.comment_edit.hasFocus()  # the lost reason is skipped: nothing is lost
    desk.ui.comment_edit.insertPlainText("КП отправлено")
    with qtbot.waitSignal(desk.saved, timeout=10000):
        qtbot.keyClick(desk.ui.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _deal(experts, company) == ("offer", Decimal("120000.00"))
    planned = experts.scalar(
        "SELECT count(*) FROM dialdesk.callbacks WHERE assigned_to = :e AND state = 'pending'",
        e=experts.expert,
    )
    assert planned == 1  # the next contact, planned by default
    assert desk.ui.comment_edit.toPlainText() == ""  # the form is ready for the next one

    _choose(qtbot, desk.ui.kind_combo, "won")
    assert not desk.ui.next_check.isChecked()  # a closed deal needs no next contact
    desk.ui.amount_spin.setFocus()
    desk.ui.amount_spin.selectAll()
    qtbot.keyClicks(desk.ui.amount_spin, "115000")
    with qtbot.waitSignal(desk.saved, timeout=10000):
        qtbot.keyClick(desk.ui.amount_spin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _deal(experts, company) == ("won", Decimal("115000.00"))
    qtbot.waitUntil(lambda: desk.deals_model.rowCount() == 1 and desk.card is not None
                    and desk.card.deals[0].stage == "won", timeout=10000)  # fmt: skip
    stages = [desk.deals_model.index(r, 0).data() for r in range(desk.deals_model.rowCount())]
    assert stages == ["won"]

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HandClientDialog)
        dialog.ui.note_edit.insertPlainText("Клиент ваш, звонить по средам")
        qtbot.keyClick(dialog.ui.person_combo, Qt.Key.Key_Return)

    QTimer.singleShot(300, in_the_dialog)
    desk.ui.hand_button.setFocus()
    qtbot.keyClick(desk.ui.hand_button, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: experts.scalar("SELECT expert_id FROM dialdesk.companies WHERE id = :c",
                               c=company) == experts.other_expert,
        timeout=10000,
    )  # fmt: skip
    qtbot.waitUntil(lambda: desk.clients_model.rowCount() == 0, timeout=10000)


def test_a_card_read_late_does_not_replace_the_one_chosen_since(
    qtbot: QtBot, desk: ExpertPage, experts: ExpertFloor
) -> None:
    first, _ = experts.handed("ООО Первая")
    second, _ = experts.handed("ООО Вторая")
    with qtbot.waitSignal(desk.refreshed, timeout=10000):
        desk.refresh()
    qtbot.waitUntil(lambda: desk.card is not None, timeout=10000)
    late = load_client(desk._engine, experts.expert, first)
    desk.ui.new_table.selectRow(1)  # the person arrows down to the second
    qtbot.waitUntil(lambda: desk.card is not None and desk.card.company_id == second)
    desk.card_loaded(late)  # the first line's read arrives only now
    assert desk.card is not None and desk.card.company_id == second
    assert "Вторая" in desk.ui.company_label.text()


def test_a_planned_contact_falling_due_is_reminded_once_and_opens(
    qtbot: QtBot, desk: ExpertPage, experts: ExpertFloor
) -> None:
    company, handoff = experts.handed("ООО Напомнить")
    accept_handoff(experts.expert_engine, handoff)
    due = datetime.now(UTC) - timedelta(minutes=2)  # fell due while the desk was open
    record_step(experts.expert_engine, StepInput(company, "call", "", next_due=due))
    desk._opened_at = datetime.now(UTC) - timedelta(hours=1)
    with qtbot.waitSignal(desk.refreshed, timeout=10000):
        desk.refresh()
    box = desk.reminder_box
    assert box is not None and box.isVisible() and "ООО Напомнить" in box.text()
    box.button(QMessageBox.StandardButton.Open).click()
    assert desk.ui.lists_tabs.currentWidget() is desk.ui.today_tab
    assert desk.ui.today_table.currentIndex().row() == 0
    box.close()
    with qtbot.waitSignal(desk.refreshed, timeout=10000):
        desk.refresh()
    assert desk.reminder_box is box  # once: no second window for the same contact


def test_an_expert_adds_a_contact_person_to_their_client_from_the_keyboard(
    qtbot: QtBot, desk: ExpertPage, experts: ExpertFloor
) -> None:
    company, handoff = experts.handed("ООО Новый контакт")
    accept_handoff(experts.expert_engine, handoff)
    with qtbot.waitSignal(desk.refreshed, timeout=10000):
        desk.refresh()
    desk._show_list(desk.ui.clients_tab)
    qtbot.waitUntil(lambda: desk.card is not None and desk.card.mine, timeout=10000)
    desk.ui.card_tabs.setCurrentWidget(desk.ui.contacts_tab)
    desk.ui.contacts_table.setFocus()
    qtbot.keyClick(desk.ui.contacts_table, Qt.Key.Key_Insert)
    dialog = desk.edit_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ui.name_edit.setText("Сидорова Анна, главный инженер")
    with qtbot.waitSignal(desk.card_shown, timeout=10000):
        dialog.ui.button_box.accepted.emit()
    names = [desk.contacts_model.row_at(r).full_name for r in range(desk.contacts_model.rowCount())]
    assert "Сидорова Анна, главный инженер" in names
    assert (
        experts.scalar(
            "SELECT count(*) FROM dialdesk.contact_persons WHERE company_id = :c", c=company
        )
        == 1
    )


def test_an_expert_changes_their_clients_fields_and_meets_a_colleagues_save(
    qtbot: QtBot, desk: ExpertPage, experts: ExpertFloor
) -> None:
    company, handoff = experts.handed("ООО Поля")
    accept_handoff(experts.expert_engine, handoff)
    with qtbot.waitSignal(desk.refreshed, timeout=10000):
        desk.refresh()
    desk._show_list(desk.ui.clients_tab)
    qtbot.waitUntil(lambda: desk.card is not None and desk.card.mine, timeout=10000)
    qtbot.keyClick(desk, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.edit_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.edits["city"].setText("Тверь")
    with experts.db.begin() as conn:  # a supervisor saves the company meanwhile
        conn.execute(text("UPDATE dialdesk.companies SET website = 'poly.ru' WHERE id = :c"),
                     {"c": company})  # fmt: skip
    dialog.ui.button_box.accepted.emit()
    qtbot.waitUntil(lambda: "Someone else changed" in dialog.ui.error_label.text(), timeout=10000)
    with qtbot.waitSignal(desk.card_shown, timeout=10000):
        dialog.ui.button_box.accepted.emit()  # compared; saved again
    with experts.db.connect() as conn:
        city, website = conn.execute(
            text("SELECT city, website FROM dialdesk.companies WHERE id = :c"), {"c": company}
        ).one()
    assert (city, website) == ("Тверь", "poly.ru")  # the colleague's website is kept


def test_an_expert_sends_their_client_the_offer_and_the_follow_up_is_theirs(
    qtbot: QtBot, desk: ExpertPage, experts: ExpertFloor, logins: Logins, smtp_server: SmtpServer
) -> None:
    save_server(logins.as_role("admin"), smtp_server.settings(), smtp_server.password)
    _offer(logins.as_role("marketer"), experts.floor.campaign, days=3)
    company, handoff = experts.handed("ООО «Клиент эксперта»")
    _contact(experts.db, company, "Анна Смирнова", "anna@client.test", "decision_maker")
    accept_handoff(experts.expert_engine, handoff)
    entry_before = experts.scalar(
        "SELECT row(state, next_attempt_at)::text FROM dialdesk.campaign_entries "
        "WHERE company_id = :c", c=company,
    )  # fmt: skip
    with qtbot.waitSignal(desk.refreshed, timeout=10000):
        desk.refresh()
    desk._show_list(desk.ui.clients_tab)
    qtbot.waitUntil(lambda: desk.card is not None and desk.card.mine, timeout=10000)
    qtbot.keyClick(desk, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: isinstance(getattr(desk, "edit_dialog", None), SendOfferDialog), timeout=10000
    )
    dialog = desk.edit_dialog
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10000)
    assert "3 working days" in dialog.ui.follow_up_label.text()
    with qtbot.waitSignal(desk.card_shown, timeout=10000):
        dialog.send_button.click()
    [message] = smtp_server.handler.to("anna@client.test")
    assert message["Subject"] == "Коммерческое предложение для ООО «Клиент эксперта»"
    assert "planned contacts" in desk.ui.note_label.text()
    with experts.db.connect() as conn:
        follow_up = conn.execute(
            text("SELECT cb.assigned_to, cb.entry_id, l.sent_by FROM dialdesk.letters l "
                 "JOIN dialdesk.callbacks cb ON cb.id = l.follow_up_id")
        ).one()  # fmt: skip
        entry_after = conn.execute(
            text("SELECT row(state, next_attempt_at)::text FROM dialdesk.campaign_entries "
                 "WHERE company_id = :c"), {"c": company},
        ).scalar_one()  # fmt: skip
    # the expert's own planned contact: the operators' queue entry is left as it was
    assert tuple(follow_up) == (experts.expert, None, experts.expert)
    assert entry_after == entry_before
    assert any(line.kind == "letter" for line in desk.card.history)  # type: ignore[union-attr]
