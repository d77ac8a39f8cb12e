"""The offer to a whole segment or campaign (marketers): counted first, then sent by a worker
at the admin's rate with progress and a stop; a mailing stopped or cut off is resumed from
where it stopped, and nobody gets a second letter."""

import dataclasses
import threading
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from sqlalchemy import Engine

from dialdesk.services.mail.mailing import (
    MailingPreview,
    MailingProgress,
    Unfinished,
    abandon_mailing,
    plan_mailing,
    preview_mailing,
    run_mailing,
    unfinished_mailing,
)
from dialdesk.services.mail.offer import offer_of
from dialdesk.services.mail.settings import (
    MailServer,
    mail_server,
    remember_password,
    saved_password,
)
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.worker import Background
from dialdesk.ui.mail.do_not_mail_dialog import DoNotMailDialog


@dataclass(frozen=True)
class Readiness:
    preview: MailingPreview
    has_offer: bool
    has_server: bool
    needs_password: bool  # the server asks for a login and this computer keeps no password
    unfinished: Unfinished | None
    server: MailServer


def readiness(engine: Engine, campaign: int, companies: list[int] | None) -> Readiness:
    server = mail_server(engine)
    return Readiness(
        preview_mailing(engine, campaign, companies),
        offer_of(engine, campaign) is not None,
        server.configured,
        bool(server.login) and saved_password(server) is None,
        unfinished_mailing(engine, campaign),
        server,
    )


class MailingDialog(QDialog):
    """``companies`` None: every company of the campaign; else those, put into it."""

    ready = Signal(object)  # Readiness, once counted
    progressed = Signal(object)  # MailingProgress, from the sending worker
    finished_sending = Signal(object)  # the final MailingProgress

    def __init__(
        self,
        engine: Engine,
        campaign: int,
        campaign_name: str,
        companies: list[int] | None,
        segment: int | None,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ui = load_form("mailing_dialog", self)
        self.engine, self.campaign, self.companies, self.segment = (
            engine, campaign, companies, segment,
        )  # fmt: skip
        self.state: Readiness | None = None
        self.last: MailingProgress | None = None
        self._stop: threading.Event | None = None
        self._close_after = False
        self._note = ""  # what the last run left to say (stopped, letters waiting)
        self._sent_here = False  # a mailing finished in this window: Send again is not offered
        self._counting = Background(self)
        self._sending = Background(self)
        ui = self.ui
        self.setWindowTitle(
            filled(self.tr("Mailing of the offer of \u201c%1\u201d"), campaign_name)
        )
        ui.about_label.setText(
            filled(
                self.tr("The offer of the campaign \u201c%1\u201d goes to the decision maker of "
                        "each company (or its first contact with an e-mail); each one's "
                        "follow-up call is put into the campaign's queue."),
                campaign_name,
            )
        )  # fmt: skip
        ui.counts_label.setText(self.tr("Counting…"))
        self.progressed.connect(self._show_progress)
        ui.start_button.clicked.connect(lambda: self.start())
        ui.resume_button.clicked.connect(self.resume)
        ui.stop_button.clicked.connect(self.stop)
        ui.abandon_button.clicked.connect(lambda: self.abandon())
        ui.do_not_mail_button.clicked.connect(self._show_do_not_mail)
        ui.close_button.clicked.connect(self.reject)
        shortcut("Ctrl+Return", self, lambda: self.start(), self.tr("send the mailing"))
        self._buttons(sending=False)
        self.resize(640, 280)
        self.recount()

    def recount(self) -> None:
        engine, campaign, companies = self.engine, self.campaign, self.companies
        self._counting.run(lambda: readiness(engine, campaign, companies), self._show, self._failed)

    def _show(self, state: Readiness) -> None:
        self.state = state
        ui, p = self.ui, state.preview
        counts = filled(
            self.tr("Companies: %1. Without an e-mail: %2. Addresses on the do-not-mail "
                    "list: %3."), p.companies, p.without_email, p.do_not_mail,
        )  # fmt: skip
        if p.written_before:
            counts += " " + filled(
                self.tr("%1 of them got this campaign's offer already: a new mailing writes "
                        "to them again."), p.written_before,
            )  # fmt: skip
        ui.counts_label.setText(counts)
        for widget in (ui.password_label, ui.password_edit, ui.remember_check):
            widget.setVisible(state.needs_password)
        problem = ""
        if not state.has_offer:
            problem = self.tr("The campaign has no offer yet: write it on the Campaigns tab.")
        elif not state.has_server:
            problem = self.tr("No mail server is set: the admin sets it (File → Mail server).")
        ui.error_label.setText(problem or self._note)
        runnable = not problem
        unfinished = state.unfinished
        anyone = p.companies > p.without_email
        ui.start_button.setEnabled(
            runnable and unfinished is None and anyone and not self._sent_here
        )
        ui.resume_button.setVisible(unfinished is not None)
        ui.resume_button.setEnabled(runnable)
        ui.abandon_button.setVisible(unfinished is not None)
        ui.abandon_button.setEnabled(True)
        if unfinished is not None:
            ui.resume_button.setText(
                filled(self.tr("&Resume the mailing of %1 (%2 letters wait)"),
                       unfinished.created_at.astimezone().strftime("%d.%m.%Y %H:%M"),
                       unfinished.waiting)
            )  # fmt: skip
        self.ready.emit(state)

    def _failed(self, error: BaseException) -> None:
        show_failure(error, self.ui.error_label.setText)

    def _buttons(self, sending: bool) -> None:
        """While sending only Stop works; afterwards Send and Resume wait for the recount."""
        ui = self.ui
        ui.stop_button.setEnabled(sending)
        ui.start_button.setEnabled(False)
        ui.resume_button.setEnabled(False)
        ui.abandon_button.setEnabled(False)
        ui.password_edit.setEnabled(not sending)

    @property
    def sending(self) -> bool:
        return self._stop is not None

    def start(self, confirm: bool = True) -> None:
        state = self.state
        if self.sending or state is None or not self.ui.start_button.isEnabled():
            return
        if confirm:
            addresses = state.preview.companies - state.preview.without_email
            answer = QMessageBox.question(
                self, self.windowTitle(),
                filled(self.tr("Send the offer to the %1 companies with an e-mail? Each "
                               "address gets one letter."), addresses)
                + (" " + self.ui.counts_label.text() if state.preview.written_before else ""),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._send(None)

    def resume(self) -> None:
        state = self.state
        if self.sending or state is None or state.unfinished is None:
            return
        self._send(state.unfinished.mailing_id)

    def abandon(self, confirm: bool = True) -> None:
        """Drop what a stopped mailing still holds, so the campaign can be mailed afresh."""
        state = self.state
        if self.sending or state is None or state.unfinished is None:
            return
        unfinished = state.unfinished
        if confirm:
            answer = QMessageBox.question(
                self, self.windowTitle(),
                filled(self.tr("Give up the %1 letters the stopped mailing still holds? They "
                               "will not be sent."), unfinished.waiting),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        engine = self.engine
        self._note = ""
        self._buttons(sending=False)

        def done(_none: object) -> None:
            self.recount()

        self._counting.run(lambda: abandon_mailing(engine, unfinished.mailing_id), done,
                           self._failed)  # fmt: skip

    def _send(self, mailing: int | None) -> None:
        engine, campaign, companies, segment = (
            self.engine, self.campaign, self.companies, self.segment,
        )  # fmt: skip
        password = self.ui.password_edit.text() or None
        server = self.state.server if self.state is not None else None
        keep = (
            (server, password)
            if server and password and self.ui.remember_check.isChecked()
            else None
        )
        stop = self._stop = threading.Event()
        report = self.progressed.emit

        def work() -> MailingProgress:
            planned = mailing
            if planned is None:
                planned = plan_mailing(engine, campaign, companies, segment)
            final = run_mailing(
                engine, planned, password=password, cancelled=stop.is_set,
                progress=lambda p: report(dataclasses.replace(p)),
            )  # fmt: skip
            if keep is not None:
                remember_password(*keep)  # the server took it: typed once here
            return final

        self._note = ""
        self.ui.error_label.clear()
        self.ui.progress_label.setText(self.tr("Connecting to the mail server…"))
        self._buttons(sending=True)
        self._sending.run(work, self._done, self._stopped_by)

    def _show_progress(self, p: MailingProgress) -> None:
        self.last = p
        done = p.total - p.waiting
        self.ui.progress_bar.setMaximum(max(p.total, 1))
        self.ui.progress_bar.setValue(done)
        self.ui.progress_label.setText(
            filled(self.tr("Sent %1 of %2. Refused by the server: %3. Not delivered: %4. "
                           "Uncertain (cut off while sending): %5. Skipped (do-not-mail): %6."),
                   p.sent, p.total, p.refused, p.failed, p.uncertain, p.skipped)
        )  # fmt: skip

    def _done(self, final: MailingProgress) -> None:
        self._stop = None
        self._show_progress(final)
        if final.waiting:
            self._keep_note(filled(
                self.tr("Stopped: %1 letters wait. Resume sends them; nobody gets a second "
                        "letter."), final.waiting,
            ))  # fmt: skip
        else:
            self._sent_here = True
        self.finished_sending.emit(final)
        self._after_sending()

    def _stopped_by(self, error: BaseException) -> None:
        """The server or the line failed: said until the next run, and Resume goes on."""
        self._stop = None
        show_failure(error, self._keep_note)
        self._after_sending()

    def _keep_note(self, text: str) -> None:
        """Say ``text`` and keep saying it through recounts until the next run."""
        self._note = text
        self.ui.error_label.setText(text)

    def _after_sending(self) -> None:
        self._buttons(sending=False)
        if self._close_after:
            super().reject()
            return
        self.recount()

    def stop(self) -> None:
        """Stop after the letter being sent now; the rest wait for a resume."""
        if self._stop is not None:
            self._stop.set()
            self.ui.progress_label.setText(self.tr("Stopping after the letter being sent…"))

    def _show_do_not_mail(self) -> None:
        dialog = DoNotMailDialog(self.engine, True, self)
        dialog.finished.connect(lambda _r: self.recount())
        dialog.open()

    def reject(self) -> None:
        if self.sending:  # closing stops the mailing first; the window goes when it has
            self._close_after = True
            self.stop()
            return
        super().reject()
