"""What the marketer does with a segment: save or delete it, archive its companies or bring
them back, and call it (put it into a campaign)."""

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from dialdesk.changes import Changed
from dialdesk.services.segments import (
    AddedToCampaign,
    Archived,
    delete_segment,
    matching_ids,
    save_segment,
    segment_to_campaign,
    set_segment_archived,
)
from dialdesk.ui.common.page import filled
from dialdesk.ui.mail.mailing_dialog import MailingDialog

NEW_CAMPAIGN = -1  # the target list's "new campaign" entry


class SegmentActionsMixin:
    """Part of ``SegmentsPage`` (which provides the attributes used here)."""

    current: int | None

    if TYPE_CHECKING:  # the page's own attributes, for the type checker only

        def __getattr__(self, name: str) -> Any: ...

    # -- actions ---------------------------------------------------------------------------
    def save(self) -> None:
        if self._actions.busy:
            return
        engine, segment = self._session.engine, self.current
        name, rank, criteria = (
            self.ui.name_edit.text(),
            self.ui.rank_combo.currentData(),
            self.criteria(),
        )

        def done(saved: int) -> None:
            self.current = saved
            self._saved_form = self._form_state()  # saved: reloading loses nothing
            self.message.emit(
                filled(
                    QCoreApplication.translate("SegmentsPage", "Segment \u201c%1\u201d saved."),
                    name,
                )
            )
            self.refresh()
            self.changed.emit(Changed.SEGMENTS)

        self._actions.run(
            lambda: save_segment(engine, segment, name, rank, criteria), done, self.failed
        )

    def delete(self) -> None:
        if self.current is None:
            self.say(QCoreApplication.translate("SegmentsPage", "Choose a segment first."))
            return
        answer = QMessageBox.question(
            cast(QWidget, self),
            QCoreApplication.translate("SegmentsPage", "Delete the segment"),
            filled(
                QCoreApplication.translate(
                    "SegmentsPage",
                    "Forget the segment \u201c%1\u201d? Its companies and campaigns stay.",
                ),
                self.ui.name_edit.text(),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        engine, segment = self._session.engine, self.current

        def done(_none: object) -> None:
            self.current = None
            self.refresh()

        self._actions.run(lambda: delete_segment(engine, segment), done, self.failed)

    def _archive_side_chosen(self, archived: bool) -> None:
        """The live base can be called or archived; the archive only brought back."""
        self.ui.archive_button.setText(
            QCoreApplication.translate("SegmentsPage", "Bring back from the archive…")
            if archived
            else QCoreApplication.translate("SegmentsPage", "Archive…")
        )
        self.ui.campaign_box.setEnabled(not archived)
        self._changed()

    def set_archived(self, confirm: bool = True) -> None:
        """Archive the companies the criteria select (out of every queue and callback list,
        history kept), or bring archived ones back as they were."""
        if self._actions.busy:
            return
        bring_back = self.ui.archived_check.isChecked()
        count = str(self.matching if self.matching is not None else "?")
        if confirm:
            question = filled(
                QCoreApplication.translate(
                    "SegmentsPage",
                    "Bring %1 companies back from the archive? They return to their "
                    "campaigns' queues with their callbacks.",
                )
                if bring_back
                else QCoreApplication.translate(
                    "SegmentsPage",
                    "Archive %1 companies? They leave every campaign's queue and "
                    "their callbacks are cancelled; their history stays, and they "
                    "can be brought back from the archive.",
                ),
                count,
            )
            title = QCoreApplication.translate("SegmentsPage", "Archive")
            answer = QMessageBox.question(cast(QWidget, self), title, question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        engine, criteria = self._session.engine, self.criteria()

        def done(result: Archived) -> None:
            said = filled(
                QCoreApplication.translate(
                    "SegmentsPage", "%1 companies brought back from the archive."
                )
                if bring_back
                else QCoreApplication.translate("SegmentsPage", "%1 companies archived."),
                str(result.changed),
            )
            if result.held:
                said += " " + filled(
                    QCoreApplication.translate(
                        "SegmentsPage",
                        "%1 are on operators' cards right now and were left as they are.",
                    ),
                    str(result.held),
                )
            self.ui.error_label.clear()
            self.message.emit(said)
            self.refresh()
            self._count()
            self.changed.emit(Changed.COMPANIES)

        self._actions.run(
            lambda: set_segment_archived(engine, criteria, not bring_back), done, self.failed
        )

    def _target_chosen(self) -> None:
        self.ui.new_name_edit.setEnabled(self.ui.target_combo.currentData() == NEW_CAMPAIGN)

    def add_to_campaign(self, confirm: bool = True) -> None:
        ui = self.ui
        target = ui.target_combo.currentData()
        new = target == NEW_CAMPAIGN
        name = ui.new_name_edit.text() if new else ui.target_combo.currentText()
        if confirm:
            answer = QMessageBox.question(
                cast(QWidget, self),
                QCoreApplication.translate("SegmentsPage", "Call this segment"),
                filled(
                    QCoreApplication.translate(
                        "SegmentsPage",
                        "Put the segment's %1 companies into the campaign \u201c%2\u201d?",
                    ),
                    str(self.matching if self.matching is not None else "?"),
                    name,
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        engine, criteria, priority = self._session.engine, self.criteria(), ui.priority_spin.value()
        frequency = ui.frequency_spin.value() * 60

        def work() -> AddedToCampaign:
            return segment_to_campaign(
                engine,
                criteria,
                campaign_id=None if new else target,
                new_campaign=name if new else None,
                priority=priority,
                retry_delay_minutes=frequency,
            )

        def done(added: AddedToCampaign) -> None:
            self.ui.error_label.clear()
            self.message.emit(
                filled(
                    QCoreApplication.translate(
                        "SegmentsPage",
                        "%1 companies added to \u201c%2\u201d; %3 were there already.",
                    ),
                    str(added.added),
                    name,
                    str(added.already_there),
                )
            )
            self.refresh()
            self.changed.emit(Changed.CAMPAIGNS | Changed.COMPANIES)

        self._actions.run(work, done, self.failed)

    def mail_offer(self) -> None:
        """The chosen campaign's offer to the segment's companies (they join the campaign,
        so each one's follow-up call is in its queue)."""
        target = self.ui.target_combo.currentData()
        if target is None or target == NEW_CAMPAIGN:
            self.say(QCoreApplication.translate(
                "SegmentsPage", "Choose the campaign whose offer goes out: a new one has none yet."
            ))  # fmt: skip
            return
        if self.ui.archived_check.isChecked():
            self.say(QCoreApplication.translate(
                "SegmentsPage", "Archived companies get no letters: bring them back first."
            ))  # fmt: skip
            return
        engine, criteria, name = (
            self._session.engine,
            self.criteria(),
            self.ui.target_combo.currentText(),
        )
        segment = self.current if not self.is_dirty() else None

        def opened(companies: list[int]) -> None:
            self.mailing = MailingDialog(
                engine, target, name, companies, segment, cast(QWidget, self)
            )
            self.mailing.finished_sending.connect(
                lambda _p: self.changed.emit(Changed.CAMPAIGNS | Changed.COMPANIES)
            )
            self.mailing.open()

        self._actions.run(lambda: matching_ids(engine, criteria), opened, self.failed)
