"""The operator sends the offer from the card (Ctrl+M) through a real SMTP server and sees
the follow-up call appear among their callbacks and in the company's history."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from dialdesk.services.mail.settings import save_server
from dialdesk.ui.mail.send_offer_dialog import SendOfferDialog
from dialdesk.ui.operator.work_page import WorkPage
from tests.conftest import Logins
from tests.mail_server import SmtpServer
from tests.services.test_mail import _contact, _offer
from tests.ui.test_work_page import _next, page  # noqa: F401  (the Work tab's fixture)


def test_ctrl_m_sends_the_offer_and_the_follow_up_call_appears(
    qtbot: QtBot,
    page: WorkPage,  # noqa: F811
    logins: Logins,
    smtp_server: SmtpServer,
) -> None:
    floor = page.floor  # type: ignore[attr-defined]
    save_server(logins.as_role("admin"), smtp_server.settings(), smtp_server.password)
    _offer(logins.as_role("marketer"), floor.campaign)
    company, *_ = floor.company("ООО «Вектор»", "+73832223344", "Asia/Novosibirsk")
    _contact(floor.db, company, "Анна Смирнова", "anna@vector.test", "decision_maker")
    _next(qtbot, page)
    before = page.ui.callbacks_table.model().rowCount()

    qtbot.keyClick(page, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(SendOfferDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10000)
    assert dialog.ui.address_edit.text() == "anna@vector.test"
    assert "ООО «Вектор»" in dialog.ui.subject_label.text()
    assert "Здравствуйте, Анна Смирнова!" in dialog.ui.preview_browser.toPlainText()
    assert "Прайс-лист 2026.pdf" in dialog.ui.attachments_label.text()
    with qtbot.waitSignal(dialog.sent, timeout=10000):
        dialog.send_button.click()

    [message] = smtp_server.handler.to("anna@vector.test")
    assert message["Subject"] == "Коммерческое предложение для ООО «Вектор»"
    qtbot.waitUntil(lambda: page.ui.callbacks_table.model().rowCount() == before + 1, timeout=10000)
    assert "follow-up call" in page.ui.status_label.text()
    history = page.history

    def letter_shown() -> bool:
        return any(history.row_at(r).kind == "letter" for r in range(history.rowCount()))

    qtbot.waitUntil(letter_shown, timeout=10000)
    with floor.db.connect() as conn:
        assert conn.execute(text("SELECT state FROM dialdesk.letters")).scalar_one() == "sent"


def test_the_client_who_asks_not_to_be_written_to_goes_on_the_list_from_the_dialog(
    qtbot: QtBot,
    page: WorkPage,  # noqa: F811
    logins: Logins,
    smtp_server: SmtpServer,
) -> None:
    floor = page.floor  # type: ignore[attr-defined]
    save_server(logins.as_role("admin"), smtp_server.settings(), smtp_server.password)
    _offer(logins.as_role("marketer"), floor.campaign)
    company, *_ = floor.company("ООО «Тишина»", "+73832223355", "Asia/Novosibirsk")
    _contact(floor.db, company, "Пётр Иванов", "petr@quiet.test", "decision_maker")
    _next(qtbot, page)
    dialog = page.send_offer()
    assert dialog is not None
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10000)
    dialog.ui.do_not_mail_button.click()
    qtbot.waitUntil(lambda: "do-not-mail" in dialog.ui.error_label.text(), timeout=10000)
    assert not dialog.send_button.isEnabled()
    with floor.db.connect() as conn:
        assert (
            conn.execute(
                text("SELECT reason FROM dialdesk.do_not_mail WHERE email = 'petr@quiet.test'")
            ).scalar_one()
            == "asked"
        )
    dialog.ui.error_label.clear()
    dialog.ui.address_edit.editingFinished.emit()  # prepared again: refused, not sent
    qtbot.waitUntil(
        lambda: (
            dialog.ui.error_label.text()
            == "petr@quiet.test is on the do-not-mail list: no letter goes to it."
        ),
        timeout=10000,
    )
    assert not dialog.send_button.isEnabled() and dialog.ready is None
    assert smtp_server.handler.received == []
