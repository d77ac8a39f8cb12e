"""The main window shows who is logged in, with which role, and sections by role."""

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from dialdesk.ui.admin.add_person_dialog import AddPersonDialog
from dialdesk.ui.main_window import MainWindow
from dialdesk.ui.marketer.import_page import CAMPAIGN
from tests.importing.files import xlsx
from tests.ui.test_import_page import ROWS

tmp_journal = Path(tempfile.mkdtemp(prefix="dialdesk-journal-"))


def _window(qtbot: QtBot, session) -> MainWindow:
    window = MainWindow(session, "dialdesk @ test-server", "en", journal_dir=tmp_journal)
    qtbot.addWidget(window)
    window.show()
    return window


def test_operator_sees_who_and_where_and_no_administration(qtbot: QtBot, session_as) -> None:
    session = session_as("operator")
    window = _window(qtbot, session)
    assert session.identity.full_name in window.windowTitle()
    assert "(Operator)" in window.windowTitle() and "test-server" in window.windowTitle()
    assert session.identity.login in window.status_identity.text()
    assert window.section_titles() == ["Work", "Overview"]


def test_overview_counts_match_the_base(qtbot: QtBot, session_as, db: Engine) -> None:
    window = _window(qtbot, session_as("marketer"))
    with qtbot.waitSignal(window.overview.loaded, timeout=10000):
        window.refresh()
    model = window.overview.campaigns_model
    totals = {model.row_at(r).name: model.row_at(r).total for r in range(model.rowCount())}
    with db.connect() as conn:
        expected = dict(
            conn.execute(
                text(
                    "SELECT c.name, count(*) FROM dialdesk.campaign_entries e "
                    "JOIN dialdesk.campaigns c ON c.id = e.campaign_id GROUP BY c.name"
                )
            ).all()
        )
    assert totals == expected
    groups = window.overview.groups_model
    assert sum(groups.row_at(r).companies for r in range(groups.rowCount())) == 300
    assert "Companies in the base: 300." in window.overview.ui.summary_label.text()


def test_supervisors_get_the_monitor(qtbot: QtBot, session_as) -> None:
    window = _window(qtbot, session_as("supervisor"))
    assert window.section_titles() == ["Work", "Monitor", "Overview", "Reports"]
    assert window.monitor is not None and window.imports is None


def test_marketers_get_the_import_section(qtbot: QtBot, session_as) -> None:
    window = _window(qtbot, session_as("marketer"))
    assert window.section_titles() == ["Overview", "Reports", "Segments", "Import", "Campaigns"]
    assert window.imports is not None and window.people is None
    segments = window.segments
    assert segments is not None
    with qtbot.waitSignal(window.overview.loaded, timeout=10000):
        window.refresh()  # the login's refresh leaves the reports and segments alone...
    assert segments.overview is None and window.reports is not None
    assert window.reports.report is None
    with qtbot.waitSignal(segments.loaded, timeout=10000):  # ...until their tab is opened
        window.ui.sections_tabs.setCurrentWidget(segments)
    assert segments.overview is not None


def test_admin_adds_and_disables_a_person(qtbot: QtBot, session_as, db: Engine) -> None:
    window = _window(qtbot, session_as("admin"))
    assert window.section_titles() == [
        "Monitor",
        "Overview",
        "Reports",
        "Segments",
        "Import",
        "Campaigns",
        "People",
        "Codes",
        "Sales",
        "Audit log",
        "Backups",
    ]
    page = window.people
    assert page is not None
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    assert page.model.rowCount() == 7  # the demo people

    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # the "&People" tab
    assert window.ui.sections_tabs.currentWidget() is page
    qtbot.keyClick(page.ui.people_table, Qt.Key.Key_Insert)
    dialog = page.add_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.ui.login_edit, "t_new_operator")
    qtbot.keyClick(dialog.ui.login_edit, Qt.Key.Key_Tab)
    dialog.ui.name_edit.setText("Новый Оператор")  # QTest types ASCII only
    qtbot.keyClicks(dialog.ui.password_edit, "long-enough")
    qtbot.keyClicks(dialog.ui.repeat_edit, "long-enough")
    with qtbot.waitSignal(page.loaded, timeout=15000):
        qtbot.keyClick(dialog.ui.repeat_edit, Qt.Key.Key_Return)
    logins = [page.model.row_at(r).login for r in range(page.model.rowCount())]
    assert "t_new_operator" in logins

    table = page.ui.people_table
    proxy = table.model()
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "t_new_operator")
    table.selectRow(row)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.ui.disable_button.click()
    with db.connect() as conn:
        can_login = conn.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = 't_new_operator'")
        ).scalar_one()
    assert can_login is False
    assert "t_new_operator can no longer log in" in page.ui.status_label.text()

    table.selectRow(row)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.change_role("supervisor")
    with db.connect() as conn:
        groups = conn.execute(
            text(
                "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = 't_new_operator'"
            )
        ).scalars()
        assert list(groups) == ["dialdesk_supervisor"]
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "t_new_operator")
    table.selectRow(row)
    page.reset_password("short")
    qtbot.waitUntil(lambda: "at least 8" in page.ui.status_label.text(), timeout=10000)
    page.reset_password("a-new-long-password")
    qtbot.waitUntil(lambda: "is reset" in page.ui.status_label.text(), timeout=10000)


def test_add_person_dialog_shows_the_database_refusal(qtbot: QtBot, session_as) -> None:
    dialog = AddPersonDialog(session_as("admin"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.ui.login_edit, "Bad Login")
    qtbot.keyClicks(dialog.ui.password_edit, "long-enough")
    qtbot.keyClicks(dialog.ui.repeat_edit, "long-enough")
    qtbot.keyClick(dialog.ui.repeat_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not allowed" in dialog.ui.error_label.text(), timeout=10000)
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_ctrl_l_logs_out(qtbot: QtBot, session_as) -> None:
    window = _window(qtbot, session_as("supervisor"))
    with qtbot.waitSignal(window.logout_requested, timeout=2000):
        window.logout_action.trigger()
    assert window.logout_action.shortcut().toString() == "Ctrl+L"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def _entry_holder(db: Engine, entry: int) -> tuple[str, object]:
    with db.connect() as conn:
        row = conn.execute(
            text("SELECT state, claimed_by FROM dialdesk.campaign_entries WHERE id = :e"),
            {"e": entry},
        ).one()
    return row[0], row[1]


def _on_a_card(qtbot: QtBot, session_as) -> MainWindow:
    window = _window(qtbot, session_as("operator"))
    work = window.work
    assert work is not None
    work.start()
    with qtbot.waitSignal(work.card_shown, timeout=10000):
        work.next_company()
    return window


def test_logging_out_gives_the_company_on_the_card_back(
    qtbot: QtBot, session_as, db: Engine
) -> None:
    window = _on_a_card(qtbot, session_as)
    assert window.work is not None and window.work.claim is not None
    entry = window.work.claim.entry_id
    assert _entry_holder(db, entry)[1] is not None
    with qtbot.waitSignal(window.logout_requested, timeout=5000):
        window.logout_action.trigger()
    state, holder = _entry_holder(db, entry)
    assert holder is None and state != "claimed"


def test_quitting_with_a_half_filled_outcome_asks_first(
    qtbot: QtBot, session_as, db: Engine, monkeypatch
) -> None:
    window = _on_a_card(qtbot, session_as)
    work = window.work
    assert work is not None and work.claim is not None
    entry, company = work.claim.entry_id, work.company_name()
    work.ui.comment_edit.setText("обещал подумать")
    asked: list[str] = []
    monkeypatch.setattr(window, "confirm_drop_outcome", lambda name: asked.append(name) or False)
    window.quit_action.trigger()
    assert asked == [company] and window.isVisible()  # stayed: nothing lost
    assert _entry_holder(db, entry)[1] is not None

    monkeypatch.setattr(window, "confirm_drop_outcome", lambda name: True)
    with qtbot.waitSignal(window.quit_requested, timeout=5000):
        window.quit_action.trigger()
    assert _entry_holder(db, entry)[1] is None


def test_every_shortcut_says_what_it_does_and_help_lists_those_of_the_tab(
    qtbot: QtBot, session_as
) -> None:
    from PySide6.QtGui import QShortcut

    for role in ("operator", "supervisor", "marketer", "admin"):
        window = _window(qtbot, session_as(role))
        silent = [s.key().toString() for s in window.findChildren(QShortcut) if not s.whatsThis()]
        assert silent == [], role
    window = _window(qtbot, session_as("operator"))
    window.show_work()
    where, lines = window.keys_here()
    keys = dict(lines)
    assert where == "Work"
    assert keys["F9"] == "the next company" and "Ctrl+F" in keys and "Ins" in keys
    assert keys["Ctrl+L"] == "Log out" and keys["Ctrl+F1"] == "Keys"
    window.keys_action.trigger()
    assert window.keys_dialog.model.rowCount() == len(lines)


def test_a_campaign_saved_in_campaigns_reaches_the_other_tabs_without_f5(
    qtbot: QtBot, session_as, tmp_path: Path
) -> None:
    window = _window(qtbot, session_as("marketer"))
    imports, campaigns, segments = window.imports, window.campaigns, window.segments
    assert imports is not None and campaigns is not None and segments is not None
    with qtbot.waitSignal(segments.loaded, timeout=10000):  # the segments tab, seen once
        window.ui.sections_tabs.setCurrentWidget(segments)
    # the import wizard stands at its campaign step
    window.ui.sections_tabs.setCurrentWidget(imports)
    imports.ui.file_edit.setText(str(xlsx(tmp_path / "list.xlsx", ROWS)))
    with qtbot.waitSignal(imports.previewed, timeout=10000):
        imports.ui.file_edit.editingFinished.emit()
    imports.forward()
    imports.forward()
    assert imports.step() == CAMPAIGN
    qtbot.waitUntil(lambda: imports.ui.campaign_combo.count() > 0, timeout=10000)
    assert imports.ui.campaign_combo.findText("Зимняя") == -1

    window.ui.sections_tabs.setCurrentWidget(campaigns)
    campaigns.new_campaign()
    campaigns.ui.name_edit.setText("Зимняя")
    with qtbot.waitSignal(campaigns.changed, timeout=10000):
        campaigns.save()
    qtbot.waitUntil(lambda: imports.ui.campaign_combo.findText("Зимняя") >= 0, timeout=10000)
    with qtbot.waitSignal(segments.loaded, timeout=10000):  # read again once opened
        window.ui.sections_tabs.setCurrentWidget(segments)
    assert segments.ui.target_combo.findText("Зимняя") >= 0
