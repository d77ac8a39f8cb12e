"""The mail screens driven as people use them: the marketer writes the campaign's offer with
its attachments, the admin sets the mail server (password into the keyring), the marketer
mails a segment through a real SMTP server, stops, resumes, and everyone gets one letter."""

from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from dialdesk.services.mail.do_not_mail import add_do_not_mail, do_not_mail_list
from dialdesk.services.mail.offer import ATTACHMENT_BYTES, offer_of
from dialdesk.services.mail.settings import KEYRING_SERVICE, mail_server, save_server
from dialdesk.services.people.login import log_in
from dialdesk.ui.mail.do_not_mail_dialog import DoNotMailDialog
from dialdesk.ui.mail.mail_server_dialog import MailServerDialog
from dialdesk.ui.mail.mailing_dialog import MailingDialog
from dialdesk.ui.mail.offer_dialog import OfferDialog
from dialdesk.ui.main_window import MainWindow
from dialdesk.ui.marketer.segment_actions import NEW_CAMPAIGN
from dialdesk.ui.marketer.segments_page import SegmentsPage
from tests.conftest import Logins
from tests.mail_server import SmtpServer
from tests.services.conftest import Floor
from tests.services.test_mail import _each_once, _expected, _offer, _segment


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """The window the dialogs open over (held for the whole test)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_marketer_writes_the_offer_previews_it_and_attaches_files(
    qtbot: QtBot,
    parent: QWidget,
    floor: Floor,
    logins: Logins,
    tmp_path: Path,
) -> None:
    marketer = logins.as_role("marketer")
    dialog = OfferDialog(marketer, floor.campaign, "Осень", "Мария Маркетова", parent)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        dialog.open()
    ui = dialog.ui
    assert "{company}" in ui.subject_edit.text()  # a first offer starts from a letter
    ui.subject_edit.setText("Предложение для ")
    ui.subject_edit.setFocus()
    dialog.field_buttons["company"].click()
    assert ui.subject_edit.text() == "Предложение для {company}"
    ui.body_edit.setPlainText("Здравствуйте, {person}! Это {operator}.")
    assert "Ivan Petrov" in ui.preview_browser.toPlainText()
    assert "Мария Маркетова" in ui.preview_browser.toPlainText()
    assert "LLC Romashka" in ui.preview_subject.text()
    ui.body_edit.setPlainText("Здравствуйте, {persn}!")
    assert "{persn}" in ui.error_label.text()  # the typo is named as it is typed
    ui.body_edit.setPlainText("Здравствуйте, {person}!")
    assert ui.error_label.text() == ""

    price = tmp_path / "Прайс.pdf"
    price.write_bytes(b"%PDF-1.4 price")
    huge = tmp_path / "Каталог.pdf"
    huge.write_bytes(b"0" * (ATTACHMENT_BYTES + 1))
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ")
    dialog.attach([price, huge])
    assert "Каталог.pdf" in ui.error_label.text() and "10 MB" in ui.error_label.text()
    dialog.attach([program])
    assert "setup.exe" in ui.error_label.text()
    assert dialog.file_names() == ["Прайс.pdf"]
    ui.follow_up_spin.setValue(3)
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        qtbot.keyClick(ui.body_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = offer_of(marketer, floor.campaign)
    assert saved is not None
    assert (saved.subject, saved.follow_up_days, saved.attachments) == (
        "Предложение для {company}", 3, ["Прайс.pdf"],
    )  # fmt: skip

    again = OfferDialog(marketer, floor.campaign, "Осень", "Мария", parent)
    with qtbot.waitSignal(again.loaded, timeout=10000):
        again.open()
    assert again.ui.body_edit.toPlainText() == "Здравствуйте, {person}!"
    again.ui.attachments_list.setCurrentRow(0)
    again.remove_chosen()
    assert again.is_dirty()
    with qtbot.waitSignal(again.saved, timeout=10000):
        again.save()
    assert offer_of(marketer, floor.campaign).attachments == []  # type: ignore[union-attr]


def test_an_offer_with_a_broken_field_is_not_saved_and_says_why(
    qtbot: QtBot,
    parent: QWidget,
    floor: Floor,
    logins: Logins,
) -> None:
    marketer = logins.as_role("marketer")
    dialog = OfferDialog(marketer, floor.campaign, "Осень", "Мария", parent)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        dialog.open()
    dialog.ui.reply_edit.setText("not an address")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    assert "not an address" in dialog.ui.error_label.text()
    assert offer_of(marketer, floor.campaign) is None


def test_the_admin_sets_the_mail_server_checks_it_and_the_password_goes_to_the_keyring(
    qtbot: QtBot, parent: QWidget, logins: Logins, smtp_server: SmtpServer
) -> None:
    admin = logins.as_role("admin")
    dialog = MailServerDialog(admin, parent)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        dialog.open()
    assert "No password is kept" in dialog.ui.password_note.text()
    wanted = smtp_server.settings()
    ui = dialog.ui
    ui.host_edit.setText(wanted.host)
    ui.security_combo.setCurrentIndex(ui.security_combo.findData("none"))
    ui.port_spin.setValue(wanted.port)
    ui.login_edit.setText(wanted.login)
    ui.sender_edit.setText(wanted.sender_address)
    ui.password_edit.setText("wrong")
    with qtbot.waitSignal(dialog.checked, timeout=10000) as refused:
        ui.check_button.click()
    assert refused.args == [False] and "refused the login" in ui.error_label.text()
    ui.password_edit.setText(smtp_server.password)
    with qtbot.waitSignal(dialog.checked, timeout=10000) as answered:
        ui.check_button.click()
    assert answered.args == [True]
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()
    kept = mail_server(admin)
    assert (kept.host, kept.port, kept.security, kept.login) == (
        wanted.host, wanted.port, "none", wanted.login,
    )  # fmt: skip
    assert keyring.get_password(KEYRING_SERVICE, kept.keyring_user) == smtp_server.password

    again = MailServerDialog(admin, parent)
    with qtbot.waitSignal(again.loaded, timeout=10000):
        again.open()
    assert "A password is kept" in again.ui.password_note.text()
    assert again.ui.password_edit.text() == ""  # never shown back
    again.reject()  # nothing changed: closes without asking
    assert not again.isVisible()


def test_closing_the_mail_server_window_asks_before_losing_what_was_typed(
    qtbot: QtBot, parent: QWidget, logins: Logins, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = MailServerDialog(logins.as_role("admin"), parent)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        dialog.open()
    dialog.ui.host_edit.setText("smtp.alfa.test")
    asked: list[object] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a) or QMessageBox.StandardButton.No
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()  # kept: the admin said no
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.reject()
    assert not dialog.isVisible()


def test_a_marketer_mails_a_segment_stops_resumes_and_everyone_gets_one_letter(
    qtbot: QtBot,
    parent: QWidget,
    floor: Floor,
    logins: Logins,
    smtp_server: SmtpServer,
) -> None:
    admin, marketer = logins.as_role("admin"), logins.as_role("marketer")
    save_server(admin, smtp_server.settings(letters_per_minute=1200), smtp_server.password)
    _offer(marketer, floor.campaign)
    companies = _segment(floor, 9)
    add_do_not_mail(marketer, "boss1@client.test")
    dialog = MailingDialog(marketer, floor.campaign, "Осень", companies, None, parent)
    with qtbot.waitSignal(dialog.ready, timeout=10000):
        dialog.open()
    assert "Companies: 9" in dialog.ui.counts_label.text()
    assert "do-not-mail list: 1" in dialog.ui.counts_label.text()
    assert dialog.ui.start_button.isEnabled() and not dialog.ui.resume_button.isVisible()

    dialog.start(confirm=False)
    qtbot.waitUntil(lambda: dialog.last is not None and dialog.last.sent >= 2, timeout=10000)
    with qtbot.waitSignal(dialog.finished_sending, timeout=10000) as stopped:
        dialog.stop()
    first = stopped.args[0]
    assert first.cancelled and 0 < first.sent < first.total
    assert "letters wait" in dialog.ui.error_label.text()
    qtbot.waitUntil(dialog.ui.resume_button.isEnabled, timeout=10000)
    assert "letters wait" in dialog.ui.error_label.text()  # still said after the recount
    assert not dialog.ui.start_button.isEnabled()  # a second mailing would write twice
    with qtbot.waitSignal(dialog.finished_sending, timeout=20000) as finished:
        dialog.ui.resume_button.click()
    final = finished.args[0]
    assert final.sent == final.total and final.waiting == 0
    assert dialog.ui.progress_bar.value() == dialog.ui.progress_bar.maximum()
    assert _each_once(smtp_server) == dict.fromkeys(_expected(companies) - {"boss1@client.test"}, 1)
    qtbot.waitUntil(lambda: not dialog._counting.busy, timeout=10000)
    assert not dialog.ui.start_button.isEnabled()  # sent from this window: not again by a slip
    again = MailingDialog(marketer, floor.campaign, "Осень", companies, None, parent)
    with qtbot.waitSignal(again.ready, timeout=10000):
        again.open()
    # the company whose decision maker is on the do-not-mail list got nothing
    assert "8 of them got this campaign's offer already" in again.ui.counts_label.text()


def test_a_line_cut_mid_mailing_is_said_and_resume_goes_on_without_a_second_letter(
    qtbot: QtBot, parent: QWidget, floor: Floor, logins: Logins, smtp_server: SmtpServer
) -> None:
    admin, marketer = logins.as_role("admin"), logins.as_role("marketer")
    save_server(admin, smtp_server.settings(), smtp_server.password)
    _offer(marketer, floor.campaign)
    companies = _segment(floor, 5)
    smtp_server.handler.cut_at_mail = 3  # the line drops before the third letter
    dialog = MailingDialog(marketer, floor.campaign, "Осень", companies, None, parent)
    with qtbot.waitSignal(dialog.ready, timeout=10000):
        dialog.open()
    with qtbot.waitSignal(dialog.ready, timeout=10000):  # the recount after the failure
        dialog.start(confirm=False)
    assert "stopped and goes on" in dialog.ui.error_label.text()  # kept through the recount
    assert dialog.ui.resume_button.isVisible() and dialog.ui.resume_button.isEnabled()
    assert dialog.last is not None and dialog.last.sent == 2
    with qtbot.waitSignal(dialog.finished_sending, timeout=20000) as finished:
        dialog.resume()
    assert finished.args[0].waiting == 0
    assert _each_once(smtp_server) == dict.fromkeys(_expected(companies), 1)
    qtbot.waitUntil(lambda: not dialog._counting.busy, timeout=10000)  # its last recount


def test_a_workstation_without_the_password_asks_for_it_once_and_keeps_it(
    qtbot: QtBot, parent: QWidget, floor: Floor, logins: Logins, smtp_server: SmtpServer
) -> None:
    admin, marketer = logins.as_role("admin"), logins.as_role("marketer")
    server = smtp_server.settings()
    save_server(admin, server, None)  # set on the admin's computer, not kept on this one
    _offer(marketer, floor.campaign)
    companies = _segment(floor, 2)
    dialog = MailingDialog(marketer, floor.campaign, "Осень", companies, None, parent)
    with qtbot.waitSignal(dialog.ready, timeout=10000):
        dialog.open()
    assert dialog.ui.password_edit.isVisible() and dialog.ui.remember_check.isChecked()
    dialog.ui.password_edit.setText(smtp_server.password)
    with qtbot.waitSignal(dialog.finished_sending, timeout=20000) as finished:
        dialog.start(confirm=False)
    assert finished.args[0].sent == finished.args[0].total > 0
    assert keyring.get_password(KEYRING_SERVICE, server.keyring_user) == smtp_server.password
    qtbot.waitUntil(lambda: not dialog._counting.busy, timeout=10000)
    assert not dialog.ui.password_edit.isVisible()  # kept: not asked again


def test_a_stopped_mailing_given_up_frees_the_campaign_for_a_new_one(
    qtbot: QtBot, parent: QWidget, floor: Floor, logins: Logins, smtp_server: SmtpServer
) -> None:
    admin, marketer = logins.as_role("admin"), logins.as_role("marketer")
    save_server(admin, smtp_server.settings(letters_per_minute=1200), smtp_server.password)
    _offer(marketer, floor.campaign)
    companies = _segment(floor, 6)
    dialog = MailingDialog(marketer, floor.campaign, "Осень", companies, None, parent)
    with qtbot.waitSignal(dialog.ready, timeout=10000):
        dialog.open()
    dialog.start(confirm=False)
    qtbot.waitUntil(lambda: dialog.last is not None and dialog.last.sent >= 1, timeout=10000)
    with qtbot.waitSignal(dialog.finished_sending, timeout=10000):
        dialog.stop()
    qtbot.waitUntil(dialog.ui.abandon_button.isEnabled, timeout=10000)
    assert not dialog.ui.start_button.isEnabled()
    sent = len(smtp_server.handler.received)
    with qtbot.waitSignal(dialog.ready, timeout=10000):
        dialog.abandon(confirm=False)
    assert dialog.state is not None and dialog.state.unfinished is None
    assert not dialog.ui.resume_button.isVisible() and dialog.ui.start_button.isEnabled()
    assert len(smtp_server.handler.received) == sent  # nothing more went


def test_a_mailing_without_an_offer_or_a_server_says_what_is_missing(
    qtbot: QtBot,
    parent: QWidget,
    floor: Floor,
    logins: Logins,
) -> None:
    marketer = logins.as_role("marketer")
    dialog = MailingDialog(marketer, floor.campaign, "Осень", None, None, parent)
    with qtbot.waitSignal(dialog.ready, timeout=10000):
        dialog.open()
    assert "no offer yet" in dialog.ui.error_label.text()
    assert not dialog.ui.start_button.isEnabled()


def test_the_do_not_mail_list_is_kept_on_screen(
    qtbot: QtBot, parent: QWidget, logins: Logins, db: Engine
) -> None:
    marketer = logins.as_role("marketer")
    dialog = DoNotMailDialog(marketer, True, parent)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        dialog.open()
    dialog.ui.address_edit.setText("Boss@Client.test")
    dialog.ui.note_edit.setText("просил по телефону")
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        qtbot.keyClick(dialog.ui.note_edit, Qt.Key.Key_Return)
    qtbot.wait(300)  # Enter adds once: no second answer says "on the list already"
    assert "is on the list" in dialog.ui.error_label.text()
    assert dialog.model.rowCount() == 1
    assert [u.email for u in do_not_mail_list(marketer)] == ["boss@client.test"]
    dialog.ui.address_edit.setText("gone@client.test")
    dialog.ui.reason_combo.setCurrentIndex(dialog.ui.reason_combo.findData("bounced"))
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        dialog.add()
    assert {u.email: u.reason for u in do_not_mail_list(marketer)} == {
        "boss@client.test": "asked", "gone@client.test": "bounced",
    }  # fmt: skip
    dialog.ui.address_edit.setText("not an address")
    dialog.add()
    qtbot.waitUntil(lambda: "not an address" in dialog.ui.error_label.text(), timeout=10000)
    dialog.ui.addresses_table.selectRow(0)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        qtbot.keyClick(dialog.ui.addresses_table, Qt.Key.Key_Delete)
    assert len(do_not_mail_list(marketer)) == 1

    operator = DoNotMailDialog(logins.as_role("operator"), False, parent)
    with qtbot.waitSignal(operator.loaded, timeout=10000):
        operator.open()
    assert not operator.ui.remove_button.isVisible()


def test_ctrl_m_on_the_segments_tab_mails_the_segment_through_the_chosen_campaign(
    qtbot: QtBot, floor: Floor, logins: Logins, db_dsn: str
) -> None:
    login, password = logins.add("marketer")
    session = log_in(db_dsn, login, password)
    companies = _segment(floor, 3)
    page = SegmentsPage(session, "en")
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    page.ui.target_combo.setCurrentIndex(page.ui.target_combo.findData(NEW_CAMPAIGN))
    page.mail_offer()
    assert "a new one has none" in page.ui.error_label.text()
    page.ui.target_combo.setCurrentIndex(page.ui.target_combo.findData(floor.campaign))
    qtbot.keyClick(page, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.findChild(MailingDialog) is not None, timeout=10000)
    dialog = page.findChild(MailingDialog)
    assert dialog is not None and sorted(dialog.companies or []) == sorted(companies)
    qtbot.waitUntil(lambda: dialog.state is not None and not dialog._counting.busy, timeout=10000)
    assert "Companies: 3." in dialog.ui.counts_label.text()
    dialog.close()
    page._actions.wait()
    session.engine.dispose()


def test_only_the_admin_has_the_mail_server_in_the_menu(
    qtbot: QtBot, logins: Logins, db_dsn: str
) -> None:
    for role, shown in (("admin", True), ("marketer", False)):
        login, password = logins.add(role)
        session = log_in(db_dsn, login, password)
        window = MainWindow(session, "test", "en")
        qtbot.addWidget(window)
        assert (window.mail_server_action is not None) == shown
        if shown:
            assert window.mail_server_action is not None
            window.mail_server_action.trigger()
            dialog = window.findChild(MailServerDialog)
            assert dialog is not None
            with qtbot.waitSignal(dialog.loaded, timeout=10000):
                pass
        session.engine.dispose()
