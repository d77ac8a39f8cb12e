"""The fields of a row that are checked or parsed rather than tidied: KPP and OGRN with
their check digits, the OKVED code, dates, and the old base's owner, group, last contact and
purchases."""

from datetime import date, datetime

from dialdesk.errors import translatable
from dialdesk.importing.inn import kpp_problem, ogrn_problem, split_okved
from dialdesk.importing.old_base import (
    OLD_BASE_FIELDS,
    FormerClient,
    LastContact,
    OldBase,
    parse_amount,
    parse_moment,
)
from dialdesk.importing.sheet_row import FIELD_NAMES, LIMITS, SheetRow, cell_of

NUMBER_NOTES = {
    "not_digits": translatable(
        "{number} {value} is not a number ({number} is {length}): imported without it."
    ),
    "length": translatable(
        "{number} {value} has the wrong length ({number} is {length}): imported without it."
    ),
    "check_digits": translatable("{number} {value} fails its check digit: imported without it."),
}
# the number, how long it is, and what is wrong with a value
NUMBERS = {
    "kpp": ("КПП", translatable("9 characters"), kpp_problem),
    "ogrn": ("ОГРН", translatable("13 digits, or 15 for an OGRNIP"), ogrn_problem),
}
CHECKED = ("kpp", "ogrn", "okved")
NOT_OKVED = translatable("OKVED {value} is not a code like 62.01: imported without it.")
NOT_A_DATE = translatable("{field} '{value}' is not a date: imported without it.")
NOT_AN_AMOUNT = translatable("{field} '{value}' is not a sum of money: imported without it.")


def checked_numbers(line: SheetRow) -> dict[str, str]:
    """KPP and OGRN that pass their checks, and the OKVED code (the words after it are the
    industry when no other column names one)."""
    found: dict[str, str] = {}
    if line.columns.keys().isdisjoint(CHECKED):
        return found
    for name, (number, length, problem_of) in NUMBERS.items():
        value = cell_of(line.row, line.columns.get(name)).replace(" ", "").upper()
        problem = problem_of(value) if value else None
        if problem is not None:
            line.note(NUMBER_NOTES[problem], number=number, value=value, length=length)
        elif value:
            found[name] = value
    okved = cell_of(line.row, line.columns.get("okved"))
    if okved:
        code, words = split_okved(okved)
        if code is None:
            line.note(NOT_OKVED, value=okved)
        else:
            found["okved"] = code
            if words and "industry" not in line.columns:
                found["industry"] = words[: LIMITS["industry"]]
    return found


def moment_of(line: SheetRow, field: str) -> datetime | None:
    """The field's date (and time), or None; a cell that is not a date is noted."""
    text = cell_of(line.row, line.columns.get(field))
    moment = parse_moment(text) if text else None
    if text and moment is None:
        line.note(NOT_A_DATE, field=FIELD_NAMES[field], value=text)
    return moment


def day_of(line: SheetRow, field: str) -> date | None:
    moment = moment_of(line, field)
    return moment.date() if moment else None


_NOTHING = OldBase()


def old_base_of(line: SheetRow) -> OldBase:
    """The old base's owner, group, last contact and purchases, as the row gives them."""
    if line.columns.keys().isdisjoint(OLD_BASE_FIELDS):
        return _NOTHING
    at = moment_of(line, "last_contact_on")
    if at is not None and at.hour == at.minute == at.second == 0:
        # a day without its hour (Excel's date cells read as midnight): noon, so that from
        # Kaliningrad to Kamchatka it reads as the day the old base wrote, never the evening
        # before
        at = at.replace(hour=12)
    result, comment = line.cell("last_contact_result"), line.cell("last_contact_comment")
    who = line.cell("last_contact_by")
    # a comment with no date, result or caller is a note on the company, not a contact
    contact = (
        LastContact(at, result or None, comment or None, who or None)
        if at or result or who
        else None
    )
    total_text = line.cell("total_bought")
    total = parse_amount(total_text) if total_text else None
    if total_text and total is None:
        line.note(NOT_AN_AMOUNT, field=FIELD_NAMES["total_bought"], value=total_text)
    since, last = day_of(line, "client_since"), day_of(line, "last_purchase_on")
    former = FormerClient(since, last, total) if since or last or total is not None else None
    note = comment if comment and contact is None else None
    return OldBase(line.cell("expert") or None, line.cell("group") or None, contact, former, note)
