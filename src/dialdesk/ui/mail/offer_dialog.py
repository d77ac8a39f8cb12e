"""The campaign's offer (Campaigns tab): subject and text with merge fields, previewed as
the client will read it while it is typed, the sender's name, where replies go, the
follow-up call's delay, and the attached files."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QWidget,
)
from sqlalchemy import Engine

from dialdesk.errors import UserError
from dialdesk.services.mail.message import as_html
from dialdesk.services.mail.offer import (
    ATTACHMENT_BYTES,
    FIELDS,
    LIMITS,
    Attachment,
    Offer,
    merged,
    offer_of,
    read_attachment,
    save_offer,
)
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.unsaved import may_discard
from dialdesk.ui.common.worker import Background


class OfferDialog(QDialog):
    """Emits ``saved`` with the campaign's id once the offer is written."""

    saved = Signal(int)
    loaded = Signal()

    def __init__(
        self, engine: Engine, campaign: int, campaign_name: str, me: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.ui = load_form("offer_dialog", self)
        self.engine, self.campaign, self.campaign_name, self.me = (
            engine,
            campaign,
            campaign_name,
            me,
        )
        self.added: list[Attachment] = []
        self.removed: list[str] = []
        self._kept: list[str] = []  # the files already saved with the offer
        self._saved_state: tuple[object, ...] | None = None
        self._background = Background(self)
        ui = self.ui
        self.setWindowTitle(filled(self.tr("The offer of \u201c%1\u201d"), campaign_name))
        ui.subject_edit.setMaxLength(LIMITS["subject"])
        ui.sender_edit.setMaxLength(LIMITS["sender_name"])
        ui.reply_edit.setMaxLength(LIMITS["reply_to"])
        ui.sender_edit.setPlaceholderText(self.tr("e.g. Alpha Trade, sales department"))
        ui.reply_edit.setPlaceholderText(self.tr("the sender's address when empty"))
        ui.follow_up_spin.setSuffix(self.tr(" working days"))
        ui.follow_up_spin.setSpecialValueText(self.tr("no follow-up call"))
        ui.limit_label.setText(
            filled(self.tr("PDF, DOCX, XLSX, DOC or XLS, up to %1 MB each."),
                   ATTACHMENT_BYTES // 1024 // 1024)
        )  # fmt: skip
        self.field_buttons: dict[str, QPushButton] = {}
        for name, label in self._field_labels().items():
            button = QPushButton(label, self)
            button.setToolTip("{" + name + "}")
            button.clicked.connect(lambda _c=False, n=name: self.insert_field(n))
            ui.fields_row.addWidget(button)
            self.field_buttons[name] = button
        ui.fields_row.addStretch(1)
        for edit in (ui.subject_edit, ui.sender_edit, ui.reply_edit):
            edit.textChanged.connect(self._preview)
        ui.body_edit.textChanged.connect(self._preview)
        ui.attach_button.clicked.connect(self.choose_files)
        ui.remove_button.clicked.connect(self.remove_chosen)
        self.save_button = ui.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save (Ctrl+S)"))
        self.save_button.setEnabled(False)
        ui.button_box.accepted.connect(self.save)
        ui.button_box.rejected.connect(self.reject)
        shortcut(QKeySequence.StandardKey.Save, self, self.save, self.tr("save the offer"))
        ui.splitter.setSizes([450, 450])
        self.resize(960, 680)
        self._background.run(lambda: offer_of(engine, campaign), self._show, self._failed)

    def _field_labels(self) -> dict[str, str]:
        labels = {
            "company": self.tr("Company"),
            "person": self.tr("Person"),
            "position": self.tr("Position"),
            "city": self.tr("City"),
            "operator": self.tr("Sender"),
            "expert": self.tr("Expert"),
            "campaign": self.tr("Campaign"),
        }
        return {name: labels[name] for name in FIELDS}

    def _sample(self) -> dict[str, str]:
        return {
            "company": self.tr("LLC Romashka"),
            "person": self.tr("Ivan Petrov"),
            "position": self.tr("director"),
            "city": self.tr("Novosibirsk"),
            "operator": self.me,
            "expert": self.tr("Olga Sidorova"),
            "campaign": self.campaign_name,
        }

    def _show(self, offer: Offer | None) -> None:
        ui = self.ui
        if offer is None:  # a first offer starts from a letter worth editing, not a blank page
            offer = Offer(
                self.campaign,
                self.tr("Commercial offer for {company}"),
                self.tr("Hello, {person}!\n\nAs agreed on the phone, here is our offer. "
                        "I will call you in a couple of days to hear what you think.\n\n"
                        "Kind regards,\n{operator}"),
            )  # fmt: skip
        ui.subject_edit.setText(offer.subject)
        ui.sender_edit.setText(offer.sender_name)
        ui.reply_edit.setText(offer.reply_to)
        ui.follow_up_spin.setValue(offer.follow_up_days)
        ui.body_edit.setPlainText(offer.body)
        self._kept = list(offer.attachments)
        self._show_files()
        self._saved_state = self._state()
        self.save_button.setEnabled(True)
        self._preview()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        show_failure(error, self.ui.error_label.setText)

    def offer(self) -> Offer:
        ui = self.ui
        return Offer(
            self.campaign,
            ui.subject_edit.text(),
            ui.body_edit.toPlainText(),
            ui.sender_edit.text(),
            ui.reply_edit.text().strip(),
            ui.follow_up_spin.value(),
            self.file_names(),
        )

    def file_names(self) -> list[str]:
        return sorted([*self._kept, *(a.file_name for a in self.added)])

    def _state(self) -> tuple[object, ...]:
        return (self.offer(), tuple(self.removed))

    def is_dirty(self) -> bool:
        return self._saved_state is not None and self._state() != self._saved_state

    def insert_field(self, name: str) -> None:
        """Put ``{name}`` where the cursor is: in the subject when it has the focus, else
        in the text."""
        token = "{" + name + "}"
        if self.ui.subject_edit.hasFocus():
            self.ui.subject_edit.insert(token)
        else:
            self.ui.body_edit.insertPlainText(token)
            self.ui.body_edit.setFocus()

    def _preview(self) -> None:
        ui, values = self.ui, self._sample()
        try:
            subject = merged(ui.subject_edit.text(), values)
            body = merged(ui.body_edit.toPlainText(), values)
        except UserError as exc:
            ui.error_label.setText(str(exc))
            return
        ui.error_label.clear()
        sender = ui.sender_edit.text().strip() or self.tr("(the mail server's sender)")
        ui.preview_subject.setText(filled(self.tr("From: %1\nSubject: %2"), sender, subject))
        ui.preview_browser.setHtml(as_html(body))

    # -- attachments --------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach files"), "",
            self.tr("Documents (*.pdf *.docx *.xlsx *.doc *.xls)"),
        )  # fmt: skip
        self.attach([Path(p) for p in paths])

    def attach(self, paths: list[Path]) -> None:
        for path in paths:
            try:
                attachment = read_attachment(path)
            except UserError as exc:
                self.ui.error_label.setText(str(exc))
                continue
            self.added = [a for a in self.added if a.file_name != attachment.file_name]
            self.added.append(attachment)
            if attachment.file_name in self._kept:  # the same name: the new file replaces it
                self._kept.remove(attachment.file_name)
                self.removed.append(attachment.file_name)
        self._show_files()

    def remove_chosen(self) -> None:
        item = self.ui.attachments_list.currentItem()
        if item is None:
            return
        name = item.text()
        if name in self._kept:
            self._kept.remove(name)
            self.removed.append(name)
        self.added = [a for a in self.added if a.file_name != name]
        self._show_files()

    def _show_files(self) -> None:
        self.ui.attachments_list.clear()
        self.ui.attachments_list.addItems(self.file_names())
        self.ui.remove_button.setEnabled(bool(self.file_names()))

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> None:
        if self._background.busy or not self.save_button.isEnabled():
            return
        engine, offer = self.engine, self.offer()
        added, removed = list(self.added), list(self.removed)  # removals go first
        self.save_button.setEnabled(False)

        def done(_none: object) -> None:
            self.saved.emit(self.campaign)
            self.accept()

        def refused(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            self._failed(error)

        self._background.run(lambda: save_offer(engine, offer, added, removed), done, refused)

    def reject(self) -> None:
        if self.is_dirty() and not may_discard(self, self.windowTitle()):
            return
        super().reject()
