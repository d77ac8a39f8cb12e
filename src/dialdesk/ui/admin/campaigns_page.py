"""Campaign settings (administrators and marketers): the list on the left, the chosen
campaign's settings on the right, with tabs for the script (and its live preview), the
questionnaire, and the outcome codes and operators."""

from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHeaderView

from dialdesk import limits
from dialdesk.changes import Changed
from dialdesk.services.campaigns.codes import list_outcome_definitions
from dialdesk.services.campaigns.questionnaires import (
    QuestionDraft,
    cleaned,
    load_questionnaire,
    save_questionnaire,
)
from dialdesk.services.campaigns.scripts import fill_merge_fields
from dialdesk.services.campaigns.settings import (
    CampaignLine,
    CampaignLinks,
    CampaignSettings,
    campaign_links,
    list_campaigns,
    save_campaign,
    save_campaign_links,
)
from dialdesk.services.people.accounts import list_people
from dialdesk.services.people.login import LoggedIn
from dialdesk.ui.admin.questionnaire_editor import QuestionnaireEditor
from dialdesk.ui.common.check_list import fill_check_list, tick, ticked_values
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import Page, filled
from dialdesk.ui.common.row_model import ROW_ROLE, Column, RowTableModel
from dialdesk.ui.common.unsaved import may_discard
from dialdesk.ui.common.worker import Background
from dialdesk.ui.mail.do_not_mail_dialog import DoNotMailDialog
from dialdesk.ui.mail.mailing_dialog import MailingDialog
from dialdesk.ui.mail.offer_dialog import OfferDialog


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class CampaignsPage(Page):
    loaded = Signal()
    saved = Signal(int)
    links_shown = Signal()
    SHOWS = Changed.CODES | Changed.PEOPLE | Changed.SEGMENTS
    NOTE_LABEL = "error_label"

    def __init__(self, session: LoggedIn, language: str = "en", parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("campaigns_page", self)
        self._session = session
        self._language = language
        self._background = Background(self)
        self._links = Background(self)
        # only administrators choose who works a campaign (the database says so too)
        self.ui.operators_list.setEnabled(session.identity.role == "admin")
        self.current: int | None = None  # the campaign on the form; None: a new one
        self.ui.name_edit.setMaxLength(limits.CAMPAIGN["name"])
        self.ui.product_edit.setMaxLength(limits.CAMPAIGN["product"])
        self._saved_form: tuple[object, ...] | None = None  # the form as loaded or saved
        # the campaign's settings and links as loaded or saved: a save writes the difference
        self._loaded: tuple[CampaignSettings | None, CampaignLinks | None] = (None, None)
        self.questionnaire = QuestionnaireEditor(self.ui, self)
        self.questionnaire.message.connect(self.message)
        active, inactive = self.tr("active"), self.tr("stopped")
        self.model = RowTableModel[CampaignLine](
            [
                Column(self.tr("Campaign"), lambda c: c.settings.name),
                Column(self.tr("State"), lambda c: active if c.settings.is_active else inactive),
                Column(self.tr("Companies"), lambda c: c.entries, numeric=True),
            ],
            self,
        )
        table = self.ui.campaigns_table
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.selectionModel().selectionChanged.connect(lambda _new, _old: self._pick())
        self.ui.splitter.setStretchFactor(0, 1)
        self.ui.splitter.setStretchFactor(1, 3)
        self.ui.splitter.setSizes([320, 880])
        self.ui.script_edit.textChanged.connect(self._preview)
        self.ui.new_button.clicked.connect(self.new_campaign)
        self.ui.save_button.clicked.connect(self.save)
        self.ui.offer_button.clicked.connect(self.edit_offer)
        self.ui.do_not_mail_button.clicked.connect(self.show_do_not_mail)
        self.ui.mailing_button.clicked.connect(self.mail_campaign)
        shortcut("Ins", self, self.new_campaign, self.tr("a new campaign"))
        shortcut(QKeySequence.StandardKey.Save, self, self.save, self.tr("save the campaign"))
        shortcut(QKeySequence.StandardKey.Refresh, self, self.refresh, self.tr("refresh"))
        shortcut("Ctrl+M", self, self.edit_offer, self.tr("the campaign's offer by e-mail"))
        self._fill(CampaignSettings(""))

    def refresh(self) -> None:
        engine = self._session.engine
        ru = self._language == "ru"

        def work() -> tuple[list[CampaignLine], list[tuple[int, str]], list[tuple[int, str]]]:
            outcomes = [
                (i, o.label_ru if ru else o.label_en)
                for i, o in list_outcome_definitions(engine)
                if not o.hidden
            ]
            operators = [
                (p.id, p.full_name or p.login)
                for p in list_people(engine)
                if p.active and p.role in ("operator", "supervisor")  # both work the queue
            ]
            return list_campaigns(engine), outcomes, operators

        self._background.run(work, self._show, self.failed)

    def _show(
        self, result: tuple[list[CampaignLine], list[tuple[int, str]], list[tuple[int, str]]]
    ) -> None:
        lines, outcomes, operators = result
        keep = self.current
        for widget, items in ((self.ui.outcomes_list, outcomes),
                              (self.ui.operators_list, operators)):  # fmt: skip
            fill_check_list(widget, items)
        self.model.set_rows(lines)
        for row, line in enumerate(lines):
            if line.id == keep:
                self.ui.campaigns_table.selectRow(row)
        self.loaded.emit()

    # -- nothing lost: leaving a campaign with unsaved changes asks first --------------------
    def _form_state(self) -> tuple[object, ...]:
        return (self.settings(), self.links_on_form(), tuple(self.questionnaire.drafts))

    def _remember_form(self) -> None:
        self._saved_form = self._form_state()

    def is_dirty(self) -> bool:
        return self._saved_form is not None and self._form_state() != self._saved_form

    def _may_leave(self) -> bool:
        if not self.is_dirty():
            return True
        return may_discard(self, self.ui.name_edit.text() or self.tr("the new campaign"))

    def _select_current(self) -> None:
        """Put the selection back on the campaign being edited, without reloading it."""
        table = self.ui.campaigns_table
        table.selectionModel().blockSignals(True)
        table.clearSelection()
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == self.current:
                table.selectRow(row)
        table.selectionModel().blockSignals(False)
        table.viewport().update()

    def _pick(self) -> None:
        rows = self.ui.campaigns_table.selectionModel().selectedRows()
        if not rows:
            return
        line: CampaignLine = rows[0].data(ROW_ROLE)
        if line.id != self.current and not self._may_leave():
            self._select_current()
            return
        self._saved_form = None  # loading: nothing to lose until it is on the form
        self.current = line.id
        self._loaded = (line.settings, None)  # what a save compares with: only changes go
        self._fill(line.settings)
        engine, campaign = self._session.engine, line.id

        def work() -> tuple[CampaignLinks, list[QuestionDraft]]:
            return campaign_links(engine, campaign), load_questionnaire(engine, campaign)

        self._links.run(work, self._show_details, self.failed)

    def _show_details(self, details: tuple[CampaignLinks, list[QuestionDraft]]) -> None:
        links, questions = details
        self.questionnaire.set_questions(questions)
        self._show_links(links)
        # as the form shows them: people not on its list (inactive) are not the form's to drop
        self._loaded = (self._loaded[0], self.links_on_form())
        self._remember_form()

    def _show_links(self, links: CampaignLinks) -> None:
        for widget, ids in ((self.ui.outcomes_list, links.outcome_ids),
                            (self.ui.operators_list, links.operator_ids)):  # fmt: skip
            tick(widget, ids)
        self.links_shown.emit()

    def links_on_form(self) -> CampaignLinks:
        return CampaignLinks(
            frozenset(ticked_values(self.ui.outcomes_list)),
            frozenset(ticked_values(self.ui.operators_list)),
        )

    def new_campaign(self) -> None:
        if not self._may_leave():
            return
        self.ui.campaigns_table.selectionModel().blockSignals(True)
        self.ui.campaigns_table.clearSelection()
        self.ui.campaigns_table.selectionModel().blockSignals(False)
        self.current = None
        self._loaded = (None, None)
        self._fill(CampaignSettings(""))
        self._show_links(CampaignLinks(frozenset(), frozenset()))
        self.questionnaire.set_questions([])
        self._remember_form()
        self.ui.name_edit.setFocus()

    def _fill(self, s: CampaignSettings) -> None:
        ui = self.ui
        ui.error_label.clear()
        ui.name_edit.setText(s.name)
        ui.product_edit.setText(s.product)
        ui.script_edit.setPlainText(s.script)
        ui.start_edit.setTime(_qtime(s.calling_hours_start))
        ui.end_edit.setTime(_qtime(s.calling_hours_end))
        ui.working_days_check.setChecked(s.working_days_only)
        ui.retry_spin.setValue(s.retry_delay_minutes)
        ui.attempts_spin.setValue(s.max_attempts)
        ui.grace_spin.setValue(s.callback_grace_minutes)
        ui.lease_spin.setValue(s.lease_minutes)
        ui.wait_spin.setValue(s.alert_waiting_seconds // 60)
        ui.pause_spin.setValue(s.alert_paused_seconds // 60)
        ui.card_spin.setValue(s.alert_card_seconds // 60)
        ui.active_check.setChecked(s.is_active)
        self._preview()

    def settings(self) -> CampaignSettings:
        ui = self.ui
        return CampaignSettings(
            name=ui.name_edit.text(),
            product=ui.product_edit.text().strip(),
            script=ui.script_edit.toPlainText(),
            calling_hours_start=_time(ui.start_edit.time()),
            calling_hours_end=_time(ui.end_edit.time()),
            working_days_only=ui.working_days_check.isChecked(),
            retry_delay_minutes=ui.retry_spin.value(),
            max_attempts=ui.attempts_spin.value(),
            callback_grace_minutes=ui.grace_spin.value(),
            lease_minutes=ui.lease_spin.value(),
            alert_waiting_seconds=ui.wait_spin.value() * 60,
            alert_paused_seconds=ui.pause_spin.value() * 60,
            alert_card_seconds=ui.card_spin.value() * 60,
            is_active=ui.active_check.isChecked(),
        )

    def _preview(self) -> None:
        sample = fill_merge_fields(
            self.ui.script_edit.toPlainText(),
            self.tr("LLC Romashka"),
            self.tr("Ivan Petrov"),
            self._session.identity.full_name,
        )
        self.ui.preview_view.setPlainText(sample)

    def edit_offer(self) -> OfferDialog | None:
        """The chosen campaign's offer by e-mail, in its own window."""
        if self.current is None:
            self.say(self.tr("Save the campaign first: the offer belongs to a campaign."))
            return None
        dialog = OfferDialog(
            self._session.engine, self.current, self.ui.name_edit.text(),
            self._session.identity.full_name, self,
        )  # fmt: skip
        dialog.saved.connect(lambda _c: self.message.emit(self.tr("The offer is saved.")))
        dialog.open()
        return dialog

    def mail_campaign(self) -> MailingDialog | None:
        """The offer to every company of the chosen campaign."""
        if self.current is None:
            self.say(self.tr("Choose the campaign to mail."))
            return None
        dialog = MailingDialog(
            self._session.engine, self.current, self.ui.name_edit.text(), None, None, self
        )
        dialog.open()
        return dialog

    def show_do_not_mail(self) -> DoNotMailDialog:
        dialog = DoNotMailDialog(self._session.engine, True, self)  # marketers and admins
        dialog.open()
        return dialog

    def save(self) -> None:
        if self._background.busy:
            return
        engine, campaign, settings = self._session.engine, self.current, self.settings()
        links, questions = self.links_on_form(), list(self.questionnaire.drafts)
        settings_before, links_before = self._loaded if campaign is not None else (None, None)

        def work() -> tuple[int, list[QuestionDraft]]:
            cleaned(questions)  # a faulty question stops the save before anything is written
            saved_id = save_campaign(engine, campaign, settings, settings_before)
            if campaign is None or links_before is not None:  # not yet shown: not touched
                save_campaign_links(engine, saved_id, links, links_before)
            return saved_id, save_questionnaire(engine, saved_id, questions)

        def done(result: tuple[int, list[QuestionDraft]]) -> None:
            saved_id, saved_questions = result
            self.questionnaire.set_questions(saved_questions)
            self.current = saved_id
            self._loaded = (settings, links)
            self._remember_form()
            self.message.emit(filled(self.tr("Campaign \u201c%1\u201d saved."), settings.name))
            self.saved.emit(saved_id)
            self.changed.emit(Changed.CAMPAIGNS)
            self.refresh()

        self._background.run(work, done, self.failed)
