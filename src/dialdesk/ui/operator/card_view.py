"""Fills the call card's widgets from a loaded ``Card`` and reads the operator's input back."""

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from dialdesk.services.campaigns.scripts import fill_merge_fields
from dialdesk.services.shift.callbacks import CallbackLine
from dialdesk.services.shift.card import Card, ContactLine, HistoryLine, PhoneLine
from dialdesk.services.shift.open_entry import CallbackReason
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.row_model import Column, RowTableModel


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    # lupdate files bare tr() calls under the empty context
    return QCoreApplication.translate("", text, disambiguation, n)


def field_labels() -> dict[str, str]:
    return {
        "name": tr("Name"),
        "legal_form": tr("Legal form"),
        "inn": tr("INN"),
        "industry": tr("Industry"),
        "region": tr("Region"),
        "city": tr("City"),
        "address": tr("Address"),
        "website": tr("Website"),
        "staff_band": tr("Staff"),
        "notes": tr("Notes"),
    }


def contact_role_label(role: str) -> str:
    return {
        "decision_maker": tr("decision maker"),
        "influencer": tr("influencer"),
        "secretary": tr("secretary"),
        "other": tr("other"),
    }.get(role, role)


def phones_model(parent: QWidget) -> RowTableModel[PhoneLine]:
    def state(phone: PhoneLine) -> str:
        if phone.is_dead:
            return tr("dead")
        return tr("do not call") if phone.do_not_call else ""

    return RowTableModel[PhoneLine](
        [
            Column(tr("Number"), lambda p: p.e164 or p.raw_text or ""),
            Column(tr("Ext."), lambda p: p.extension or ""),
            Column(tr("Local time"), lambda p: p.local_time()),
            Column(tr("State"), state),
        ],
        parent,
    )


def contacts_model(parent: QWidget) -> RowTableModel[ContactLine]:
    return RowTableModel[ContactLine](
        [
            Column(tr("Full name"), lambda c: c.full_name),
            Column(tr("Position"), lambda c: c.position or ""),
            Column(tr("Role"), lambda c: contact_role_label(c.role)),
            Column(tr("Phone"), lambda c: c.phone or ""),
            Column(tr("E-mail"), lambda c: c.email or ""),
        ],
        parent,
    )


def history_model(parent: QWidget, language: str) -> RowTableModel[HistoryLine]:
    def outcome(h: HistoryLine) -> str:
        label = h.outcome_ru if language == "ru" else h.outcome_en
        return label or h.outcome_code or ""

    kinds = {"call": tr("call"), "imported": tr("from the old base"), "callback": tr("callback"),
             "handoff": tr("hand-off"), "step": tr("expert"),
             "handover": tr("client handed to"), "letter": tr("offer by e-mail")}  # fmt: skip
    details, steps = callback_kinds(), step_kinds()
    states = {
        "pending": tr("pending"),
        "done": tr("done"),
        "cancelled": tr("cancelled"),
        "missed": tr("missed"),
        "new": tr("new"),
        "accepted": tr("accepted"),
        "returned": tr("returned"),
        "closed": tr("closed"),
        "sent": tr("sent"),
        "handed": tr("handed to the mail program"),
        "failed": tr("not sent"),
        "refused": tr("address refused"),
        "uncertain": tr("may not have gone"),
    }

    def what(h: HistoryLine) -> str:
        words = [kinds.get(h.kind, h.kind)]
        if h.kind == "step" and h.detail:
            words.append(steps.get(h.detail, h.detail))
        elif h.detail and h.detail != "call":  # "callback · meeting", not "callback · call"
            words.append(details.get(h.detail, h.detail))
        return " · ".join(words)

    def state_and_text(h: HistoryLine) -> str:
        state = states.get(h.state, h.state) if h.state else ""
        return " · ".join(part for part in (state, h.text) if part)

    return RowTableModel[HistoryLine](
        [
            Column(
                tr("When"), lambda h: h.at.astimezone().strftime("%d.%m.%Y %H:%M") if h.at else ""
            ),
            Column(tr("What"), what),
            Column(tr("Who"), lambda h: h.who),
            Column(tr("Outcome"), outcome),
            Column(tr("Details"), state_and_text),
        ],
        parent,
    )


def answers_text(answers: list[tuple[str, str, str]]) -> str:
    """ "Question: answer; ..." with yes and no in the person's language."""
    words = {"yes": tr("yes"), "no": tr("no")}
    return "; ".join(
        f"{question}: {words.get(value, value) if kind == 'yes_no' else value}"
        for question, kind, value in answers
    )


def callback_kinds() -> dict[str, str]:
    return {"call": tr("call"), "meeting": tr("meeting"), "send_offer": tr("send offer")}


def step_kinds() -> dict[str, str]:
    """What an expert's contact came to, as the history and the expert's desk name it."""
    return {
        "call": tr("call"),
        "meeting": tr("meeting held"),
        "offer": tr("offer sent"),
        "invoice": tr("invoice"),
        "won": tr("deal won"),
        "lost": tr("deal lost"),
    }


def callbacks_model(parent: QWidget) -> RowTableModel[CallbackLine]:
    whens = {"overdue": tr("overdue"), "today": tr("today"), "later": tr("later")}
    return RowTableModel[CallbackLine](
        [
            Column(tr("Due"), lambda c: whens[c.when()]),
            Column(tr("Time"), lambda c: c.due_at.astimezone().strftime("%d.%m %H:%M")),
            Column(tr("Company"), lambda c: c.company),
            Column(tr("For"), lambda c: tr("me") if c.mine else tr("anyone")),
        ],
        parent,
    )


def fill_script(card: Card, operator: str) -> str:
    """The campaign's script with its merge fields filled in."""
    person = card.contacts[0].full_name if card.contacts else tr("colleague")
    return fill_merge_fields(card.script, card.company.get("name") or "", person, operator)


def question_widget(kind: str, choices: list[str] | None, parent: QWidget) -> QWidget:
    if kind in ("yes_no", "choice"):
        combo = QComboBox(parent)
        combo.addItem("", "")
        if kind == "yes_no":
            combo.addItem(tr("yes"), "yes")
            combo.addItem(tr("no"), "no")
        else:
            for choice in choices or []:
                combo.addItem(choice, choice)
        return combo
    edit = QLineEdit(parent)
    if kind == "number":
        edit.setValidator(QDoubleValidator(edit))
    return edit


def question_value(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return str(widget.currentData() or "")
    if isinstance(widget, QLineEdit):
        return widget.text()
    return ""


def default_next_contact() -> QDateTime:
    """Tomorrow at 10:00 local time: the usual promise."""
    tomorrow = QDateTime.currentDateTime().addDays(1)
    tomorrow.setTime(tomorrow.time().fromString("10:00", "HH:mm"))
    return tomorrow


def promise_text(promise: CallbackReason) -> str:
    """Why this company is on the card: the callback it fulfils, with who promised it."""
    kinds = callback_kinds()
    text = filled(
        tr("Promised callback for %1 (%2)"),
        promise.due_at.astimezone().strftime("%d.%m %H:%M"),
        kinds.get(promise.kind, promise.kind),
    )
    if promise.promised_by:
        text += " · " + filled(tr("promised by %1"), promise.promised_by)
    if promise.note:
        text += " · " + promise.note
    return text
