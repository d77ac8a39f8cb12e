"""Company history: everything that happened with one company — calls with their outcomes,
whom the operator spoke with and the answers given, callbacks and hand-offs — found by its
name, INN or a phone number."""

import re

from sqlalchemy import Connection, text

from dialdesk.errors import UserError, translatable
from dialdesk.services.reports.table import Column, Report, ReportFilter
from dialdesk.services.rows import like_literal
from dialdesk.services.shift.card import company_history

KINDS = {
    "call": ("звонок", "call"),
    "imported": ("из старой базы", "from the old base"),
    "callback": ("перезвон", "callback"),
    "handoff": ("передача эксперту", "hand-off"),
}
STATES = {
    "pending": ("ожидается", "pending"),
    "done": ("выполнен", "done"),
    "cancelled": ("отменён", "cancelled"),
    "missed": ("пропущен", "missed"),
    "new": ("новая", "new"),
    "accepted": ("принята", "accepted"),
    "closed": ("закрыта", "closed"),
}
DETAILS = {"meeting": ("встреча", "meeting"), "send_offer": ("отправить КП", "send offer")}
NO_DATE = translatable("no date")

FIND = """
SELECT c.id, c.name, c.inn, c.city, c.industry, o.label_ru, o.label_en
FROM dialdesk.companies c
LEFT JOIN dialdesk.outcome_definitions o ON o.id = c.current_outcome_id
WHERE c.inn = :exact
   OR (:digits <> '' AND c.id IN (SELECT p.company_id FROM dialdesk.phones p
                                  WHERE p.e164 LIKE '%' || :digits))
   OR c.name ILIKE '%' || :pattern || '%' ESCAPE '\\'
ORDER BY c.inn = :exact DESC, length(c.name), c.name
LIMIT 2
"""


def company_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """Option ``company``: a name (or part of it), an INN, or a phone number."""
    wanted = str(f.options.get("company") or "").strip()
    if not wanted:
        raise UserError("Type a company's name, INN or phone number.")
    digits = re.sub(r"\D", "", wanted)
    pattern = like_literal(wanted)
    found = conn.execute(
        text(FIND),
        {"exact": wanted, "digits": digits[-10:] if len(digits) >= 5 else "", "pattern": pattern},
    ).all()
    if not found:
        raise UserError("No company matches '{text}'.", text=wanted)
    company_id, name, inn, city, industry, group_ru, group_en = found[0]
    ru = language == "ru"
    facts = [part for part in (inn and f"ИНН {inn}", city, industry,
                               group_ru if ru else group_en) if part]  # fmt: skip
    history = company_history(conn, company_id)
    return Report(
        name="company",
        title=" · ".join([name, *facts]),
        row_header=translatable("When"),
        columns=[
            Column(translatable("What"), "text"),
            Column(translatable("Who"), "text"),
            Column(translatable("Outcome"), "text"),
            Column(translatable("Details"), "text"),
        ],
        # the reader's own time, as on the card: the same event, the same time on every screen
        rows=[
            line.at.astimezone().strftime("%d.%m.%Y %H:%M") if line.at else NO_DATE
            for line in history
        ],
        cells=[
            [
                " · ".join(
                    words[0 if ru else 1]
                    for words in (KINDS[line.kind], DETAILS.get(line.detail or ""))
                    if words
                ),
                line.who or "",
                (line.outcome_ru if ru else line.outcome_en) or "",
                " · ".join(
                    part
                    for part in (
                        STATES[line.state][0 if ru else 1] if line.state else "",
                        line.text,
                    )
                    if part
                ),
            ]
            for line in history
        ],
        fixed_labels=frozenset({NO_DATE}),
        notes=[translatable("Several companies match; the closest is shown.")]
        if len(found) > 1
        else [],
    )
