"""The expert desk's tables: new hand-offs, today's planned contacts, my clients, a
company's deals."""

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from dialdesk.services.experts.desk import ClientLine, HandoffLine, PlannedLine
from dialdesk.services.experts.steps import DealLine
from dialdesk.ui.common.row_model import Column, RowTableModel
from dialdesk.ui.operator.card_view import callback_kinds, tr

OVERDUE = QColor(255, 215, 215)


def stage_labels() -> dict[str, str]:
    return {
        "new": tr("not started"),
        "open": tr("accepted"),
        "meeting": tr("meeting held"),
        "offer": tr("offer sent"),
        "invoice": tr("invoice issued"),
        "won": tr("won"),
        "lost": tr("lost"),
        "client": tr("client"),
    }


def money(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    return QLocale().toString(float(amount), "f", 0) + " ₽"


def _when(at: datetime | None) -> str:
    return at.astimezone().strftime("%d.%m %H:%M") if at else ""


def handoffs_model(parent: QWidget, language: str) -> RowTableModel[HandoffLine]:
    kinds = callback_kinds()

    def group(h: HandoffLine) -> str:
        return (h.outcome_ru if language == "ru" else h.outcome_en) or ""

    def agreed(h: HandoffLine) -> str:
        if h.next_due is None:
            return ""
        return f"{kinds.get(h.next_kind or '', h.next_kind or '')} {_when(h.next_due)}"

    return RowTableModel[HandoffLine](
        [
            Column(tr("Group"), group),
            Column(tr("Company"), lambda h: h.company),
            Column(tr("City"), lambda h: h.city or ""),
            Column(tr("Handed"), lambda h: _when(h.handed_at), sort=lambda h: h.handed_at),
            Column(tr("Operator"), lambda h: h.operator),
            Column(tr("Agreed"), agreed, sort=lambda h: h.next_due),
        ],
        parent,
    )


def planned_model(parent: QWidget) -> RowTableModel[PlannedLine]:
    kinds = callback_kinds()
    return RowTableModel[PlannedLine](
        [
            Column(tr("Due"), lambda p: tr("overdue") if p.overdue() else tr("today")),
            Column(tr("Time"), lambda p: _when(p.due_at), sort=lambda p: p.due_at),
            Column(tr("Client's time"), lambda p: p.client_time()),
            Column(tr("What"), lambda p: kinds.get(p.kind, p.kind)),
            Column(tr("Company"), lambda p: p.company),
            Column(tr("Note"), lambda p: p.note or ""),
        ],
        parent,
        background=lambda p: OVERDUE if p.overdue() else None,
    )


def clients_model(parent: QWidget) -> RowTableModel[ClientLine]:
    kinds = callback_kinds()
    stages = stage_labels()

    def next_contact(c: ClientLine) -> str:
        if c.next_due is None:
            return tr("none planned")
        return f"{_when(c.next_due)} · {kinds.get(c.next_kind or '', c.next_kind or '')}"

    return RowTableModel[ClientLine](
        [
            Column(tr("Company"), lambda c: c.company),
            Column(tr("City"), lambda c: c.city or ""),
            Column(tr("Stage"), lambda c: stages.get(c.stage, c.stage)),
            Column(tr("Amount"), lambda c: money(c.amount), numeric=True, sort=lambda c: c.amount),
            Column(tr("Next contact"), next_contact, sort=lambda c: c.next_due),
            Column(
                tr("Last purchase"),
                lambda c: c.last_purchase_on.strftime("%d.%m.%Y") if c.last_purchase_on else "",
                sort=lambda c: c.last_purchase_on,
            ),
        ],
        parent,
    )


def deals_model(parent: QWidget, language: str) -> RowTableModel[DealLine]:
    stages = stage_labels()

    def reason(d: DealLine) -> str:
        return (d.lost_reason_ru if language == "ru" else d.lost_reason_en) or ""

    return RowTableModel[DealLine](
        [
            Column(tr("Stage"), lambda d: stages.get(d.stage, d.stage)),
            Column(tr("Product"), lambda d: d.product or ""),
            Column(tr("Amount"), lambda d: money(d.amount), numeric=True, sort=lambda d: d.amount),
            Column(tr("Campaign"), lambda d: d.campaign or ""),
            Column(tr("Opened"), lambda d: _when(d.opened_at), sort=lambda d: d.opened_at),
            Column(tr("Closed"), lambda d: _when(d.closed_at), sort=lambda d: d.closed_at),
            Column(tr("Lost because"), reason),
        ],
        parent,
    )
