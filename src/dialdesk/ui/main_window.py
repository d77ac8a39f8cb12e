"""The main window: who is logged in, with which role, to which database; sections by role."""

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from dialdesk import __version__
from dialdesk.changes import Changed
from dialdesk.services.people.login import LoggedIn
from dialdesk.settings import Settings, data_dir
from dialdesk.ui.admin.audit_page import AuditPage
from dialdesk.ui.admin.backups_page import BackupsPage
from dialdesk.ui.admin.campaigns_page import CampaignsPage
from dialdesk.ui.admin.codes_page import CodesPage
from dialdesk.ui.admin.people_page import PeoplePage
from dialdesk.ui.admin.sales_page import SalesPage
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import described_keys, menu_keys
from dialdesk.ui.common.keys_dialog import KeysDialog
from dialdesk.ui.common.overview_page import OverviewPage
from dialdesk.ui.common.page import Page, filled
from dialdesk.ui.common.roles import role_label
from dialdesk.ui.expert.desk_page import ExpertPage
from dialdesk.ui.mail.mail_server_dialog import MailServerDialog
from dialdesk.ui.marketer.import_page import ImportPage
from dialdesk.ui.marketer.reports_page import ReportsPage
from dialdesk.ui.marketer.segments_page import SegmentsPage
from dialdesk.ui.operator.work_page import WorkPage
from dialdesk.ui.supervisor.monitor_page import MonitorPage


class MainWindow(QMainWindow):
    logout_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()
    restore_requested = Signal(object)  # Path: log out, then the built-in base is replaced

    def __init__(
        self,
        session: LoggedIn,
        database: str,
        language: str,
        journal_dir: Path | None = None,
        parent=None,
        softphone_command: str = "",
        own_dsn: str | None = None,
        settings: Settings | None = None,
        settings_path: Path | None = None,
    ) -> None:
        """``own_dsn``: the built-in base's owner DSN, for its Backups tab (None: central)."""
        super().__init__(parent)
        self.session = session
        central = QWidget(self)
        self.ui = load_form("main_window", central)
        self.setCentralWidget(central)
        identity = session.identity
        self.role_name = role_label(identity.role)
        self.setWindowTitle(
            filled(self.tr("DialDesk — %1 (%2) — %3"), identity.full_name, self.role_name, database)
        )
        self.ui.identity_label.setText(
            filled(
                self.tr("<b>%1</b> · login %2 · role: %3 · database: %4"),
                identity.full_name,
                identity.login,
                self.role_name,
                database,
            )
        )
        self.status_identity = QLabel(f"{identity.login} · {self.role_name} · {database}")
        # a line between the passing message and who is logged in: they never run together
        self.status_identity.setStyleSheet(
            "QLabel { border-left: 1px solid palette(mid); padding-left: 8px; margin-left: 8px; }"
        )
        self.statusBar().addPermanentWidget(self.status_identity)
        self._closing_for_logout = False
        self._restoring: Path | None = None  # closing to put this backup in place

        self.work: WorkPage | None = None
        if identity.role in ("operator", "supervisor") and identity.person_id is not None:
            folder = journal_dir or data_dir()
            self.work = WorkPage(
                session,
                language,
                folder / f"outcomes-{identity.login}.jsonl",
                self,
                softphone_command=softphone_command,
            )
            self.work.message.connect(self.show_message)
            self.ui.sections_tabs.addTab(self.work, self.tr("&Work"))
        self.monitor: MonitorPage | None = None
        if identity.role in ("supervisor", "admin"):
            self.monitor = MonitorPage(session, language, self)
            self.monitor.message.connect(self.show_message)
            self.ui.sections_tabs.addTab(self.monitor, self.tr("&Monitor"))
        self.expert: ExpertPage | None = None
        if identity.role == "expert" and identity.person_id is not None:
            self.expert = ExpertPage(session, language, self)
            self.expert.message.connect(self.show_message)
            self.ui.sections_tabs.addTab(self.expert, self.tr("My &clients"))
        self.overview: OverviewPage | None = None
        if identity.role != "expert":  # the overview counts the whole base: not an expert's
            self.overview = OverviewPage(session, language, self)
            self.overview.message.connect(self.show_message)
            self.ui.sections_tabs.addTab(self.overview, self.tr("&Overview"))
        self.reports: ReportsPage | None = None
        if identity.role in ("supervisor", "marketer", "admin"):
            self.reports = ReportsPage(session, language, self)
            self.reports.message.connect(self.show_message)
            self.ui.sections_tabs.addTab(self.reports, self.tr("Report&s"))
        self.segments: SegmentsPage | None = None
        if identity.role in ("marketer", "admin"):
            self.segments = SegmentsPage(session, language, self)
            self.segments.message.connect(self.show_message)
            self.ui.sections_tabs.addTab(self.segments, self.tr("Se&gments"))
        self.campaigns: CampaignsPage | None = None
        if identity.role in ("marketer", "admin"):
            self.campaigns = CampaignsPage(session, language, self)
            self.campaigns.message.connect(self.show_message)
        self.imports: ImportPage | None = None
        if identity.role in ("marketer", "admin"):
            self.imports = ImportPage(session, self, language)
            self.imports.message.connect(self.show_message)
            self.ui.sections_tabs.addTab(self.imports, self.tr("&Import"))
        if self.campaigns is not None:
            self.ui.sections_tabs.addTab(self.campaigns, self.tr("&Campaigns"))
        self.people: PeoplePage | None = None
        self.audit: AuditPage | None = None
        self.backups: BackupsPage | None = None
        # an admin is warned here while the newest backup is over two days old
        self.backup_warning = QLabel(central)
        self.backup_warning.setWordWrap(True)
        self.backup_warning.setStyleSheet(
            "QLabel { background: #fde2e1; color: #7a1712; padding: 6px; border-radius: 3px; }"
        )
        self.backup_warning.hide()
        layout = central.layout()
        assert isinstance(layout, QVBoxLayout)  # load_form's
        layout.insertWidget(0, self.backup_warning)
        self.codes: CodesPage | None = None
        self.sales: SalesPage | None = None
        if identity.role == "admin":
            self.people = PeoplePage(session, self)
            self.people.message.connect(self.show_message)
            self.ui.sections_tabs.addTab(self.people, self.tr("&People"))
            self.codes = CodesPage(session, language, self)
            self.codes.message.connect(self.show_message)
            self.ui.sections_tabs.addTab(self.codes, self.tr("Codes"))
            self.sales = SalesPage(session, language, self)
            self.sales.message.connect(self.show_message)
            self.ui.sections_tabs.addTab(self.sales, self.tr("Sa&les"))
            self.audit = AuditPage(session, self, language)
            self.audit.message.connect(self.show_message)
            self.ui.sections_tabs.addTab(self.audit, self.tr("&Audit log"))
            self.backups = BackupsPage(session, own_dsn, settings, settings_path, self)
            self.backups.message.connect(self.show_message)
            self.backups.loaded.connect(self._show_backup_warning)
            self.backups.restore_requested.connect(self._restore)
            self.ui.sections_tabs.addTab(self.backups, self.tr("&Backups"))
        self._opened: list[QWidget] = []  # pages loaded when first opened, since the login
        for page in self.pages():
            page.changed.connect(self._spread)
        self.ui.sections_tabs.currentChanged.connect(self._tab_opened)
        self._build_menu()
        self.resize(1000, 640)

    def show_work(self) -> None:
        if self.work is not None:
            self.ui.sections_tabs.setCurrentWidget(self.work)

    def section_titles(self) -> list[str]:
        tabs = self.ui.sections_tabs
        return [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(self.settings_requested)
        logout = QAction(self.tr("&Log out"), self)
        logout.setShortcut(QKeySequence("Ctrl+L"))
        logout.triggered.connect(self.log_out)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        actions = [settings]
        self.mail_server_action: QAction | None = None
        if self.session.identity.role == "admin":  # the database lets only them change it
            self.mail_server_action = QAction(self.tr("&Mail server…"), self)
            self.mail_server_action.triggered.connect(self.show_mail_server)
            actions.append(self.mail_server_action)
        for action in (*actions, logout, quit_action):
            file_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        keys = QAction(self.tr("&Keys"), self)
        keys.setShortcut(QKeySequence("Ctrl+F1"))
        keys.triggered.connect(self.show_keys)
        help_menu.addAction(keys)
        about = QAction(self.tr("&About DialDesk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        self.keys_action = keys
        self.menu_actions = [*file_menu.actions(), *help_menu.actions()]
        self.logout_action, self.quit_action = logout, quit_action

    def show_mail_server(self) -> MailServerDialog:
        dialog = MailServerDialog(self.session.engine, self)
        dialog.saved.connect(lambda: self.show_message(self.tr("The mail server is saved.")))
        dialog.open()
        return dialog

    def keys_here(self) -> tuple[str, list[tuple[str, str]]]:
        """The tab the person is on, and every shortcut of it and of the window."""
        tabs = self.ui.sections_tabs
        page = tabs.currentWidget()
        where = tabs.tabText(tabs.currentIndex()).replace("&", "")
        lines = described_keys(page) if page is not None else []
        return where, lines + menu_keys(self.menu_actions)

    def show_keys(self) -> None:
        where, lines = self.keys_here()
        dialog = KeysDialog(where, lines, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.keys_dialog = dialog
        dialog.open()

    def _show_backup_warning(self) -> None:
        assert self.backups is not None
        warning = self.backups.overdue_warning(datetime.now(UTC))
        self.backup_warning.setText(warning or "")
        self.backup_warning.setVisible(warning is not None)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About DialDesk"),
            filled(
                self.tr("DialDesk %1: a call-centre workstation for B2B outbound sales."),
                __version__,
            ),
        )

    def pages(self) -> list[Page]:
        tabs = self.ui.sections_tabs
        return [w for i in range(tabs.count()) if isinstance(w := tabs.widget(i), Page)]

    def _spread(self, what: Changed) -> None:
        """Pass what one page wrote on to every other page that shows it: open ones read it
        again now, the reports and segments (which count over the whole base) when opened."""
        writer = self.sender()
        for page in self.pages():
            if page is writer or not page.SHOWS & what:
                continue
            if page in (self.reports, self.segments):
                if page in self._opened:
                    self._opened.remove(page)
            else:
                page.refresh()
        self._tab_opened(self.ui.sections_tabs.currentIndex())  # the one open now, at once

    def refresh(self) -> None:
        for page in (self.overview, self.expert):
            if page is not None:
                page.refresh()
        if self.work is not None:
            self.work.start()
        if self.people is not None:
            self.people.refresh()
        if self.imports is not None:
            self.imports.refresh()
        if self.audit is not None:
            self.audit.refresh()
        if self.codes is not None:
            self.codes.refresh()
        if self.sales is not None:
            self.sales.refresh()
        if self.backups is not None:
            self.backups.refresh()
        if self.campaigns is not None:
            self.campaigns.refresh()
        if self.monitor is not None:
            self.monitor.refresh()
        # reports and segments count over the whole base: only once their tab is opened
        self._opened.clear()
        self._tab_opened(self.ui.sections_tabs.currentIndex())

    def _tab_opened(self, index: int) -> None:
        page = self.ui.sections_tabs.widget(index)
        if page is not None and page in (self.reports, self.segments) and page not in self._opened:
            self._opened.append(page)
            page.refresh()

    def confirm_unsent(self, pending: int) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Outcomes not sent yet"),
            self.tr(
                "%n outcome(s) have not reached the server yet. They are kept on this computer "
                "and will be sent the next time you log in here. Close anyway?",
                "",
                pending,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def log_out(self) -> None:
        self._closing_for_logout = True
        self.close()

    def _restore(self, path: Path) -> None:
        self._restoring = path
        self.close()
        if self.isVisible():  # the person kept the window (an unsaved outcome)
            self._restoring = None

    def confirm_drop_outcome(self, company: str) -> bool:
        answer = QMessageBox.warning(
            self,
            self.tr("Outcome not saved"),
            filled(
                self.tr(
                    "The outcome for %1 is not saved. Close anyway? The company goes back to the "
                    "queue without it."
                ),
                company,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        pending = self.work.pending_count() if self.work is not None else 0
        unsaved = self.work.company_name() if self.work and self.work.half_filled() else None
        if (unsaved is not None and not self.confirm_drop_outcome(unsaved)) or (
            pending and not self.confirm_unsent(pending)
        ):
            event.ignore()
            self._closing_for_logout = False
            return
        event.accept()
        if self.work is not None:
            self.work.shutdown()
        if self.monitor is not None:
            self.monitor.shutdown()
        if self._restoring is not None:
            self.restore_requested.emit(self._restoring)
        elif self._closing_for_logout:
            self.logout_requested.emit()
        else:
            self.quit_requested.emit()
