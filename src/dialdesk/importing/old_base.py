"""What a customer's old base says beyond the company itself, read from its row: the
responsible manager, the group or status, the last contact (date, result, comment, who),
and for a former client since when they bought, their last purchase and the total.

Names and labels stay as the file writes them: the service matches them to people and
outcome codes (``services/lists/old_base.py``), and lists those that match nothing."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

# fields of the old base, beside the company's own
OLD_BASE_FIELDS = (
    "expert", "group", "last_contact_on", "last_contact_result", "last_contact_comment",
    "last_contact_by", "client_since", "last_purchase_on", "total_bought",
)  # fmt: skip

_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y.%m.%d")
_TIME_FORMATS = ("%H:%M", "%H:%M:%S")
_MONEY_NOISE = re.compile(r"(?i)(руб\.?|р\.|₽|rub|usd|\$|€)")


def parse_moment(text: str) -> datetime | None:
    """A date, or a date and time, as Russian lists write them ("01.03.2024", "01.03.2024
    14:30", "2024-03-01 14:30" from a workbook's date cell); None when it is not one."""
    value = text.strip()
    if not value:
        return None
    day_part, _, time_part = value.replace("T", " ").partition(" ")
    for form in _DATE_FORMATS:
        try:
            day = datetime.strptime(day_part, form).date()
        except ValueError:
            continue
        return datetime.combine(day, _time(time_part.strip()) or time())
    return None


def _time(text: str) -> time | None:
    for form in _TIME_FORMATS:
        try:
            return datetime.strptime(text, form).time()
        except ValueError:
            continue
    return None


def parse_amount(text: str) -> Decimal | None:
    """A sum as lists write it: "1 234 567,89", "1234567.89 руб.", "15 000 ₽"; None when it is
    not a number (or is negative, or beyond 999 999 999 999.99)."""
    value = _MONEY_NOISE.sub("", text).replace("\xa0", "").replace(" ", "").strip()
    if not value:
        return None
    value = _decimal_point(value)
    try:
        amount = Decimal(value)
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount >= Decimal("1e12"):
        return None
    return amount.quantize(Decimal("0.01"))


def _decimal_point(value: str) -> str:
    """``value`` with a point before its fraction and no thousands separators: of a comma
    and a point the later one is the decimal one; one separator alone is decimal, the same
    one repeated ("1.234.567") separates thousands."""
    if "," in value and "." in value:
        thousands = "," if value.rfind(".") > value.rfind(",") else "."
        value = value.replace(thousands, "")
    for mark in ",.":
        if value.count(mark) > 1:
            value = value.replace(mark, "")
    return value.replace(",", ".")


@dataclass(frozen=True)
class LastContact:
    at: datetime | None  # None: the old base did not date it
    result: str | None  # the old base's own word for how it went
    comment: str | None
    who: str | None  # who made it, in the old base


@dataclass(frozen=True)
class FormerClient:
    client_since: date | None
    last_purchase_on: date | None
    total_bought: Decimal | None


@dataclass(frozen=True)
class OldBase:
    expert: str | None = None  # the responsible manager's name or login, as written
    group: str | None = None  # the group or status, as written
    last_contact: LastContact | None = None
    former: FormerClient | None = None
    note: str | None = None  # a comment that tells of no contact: kept in the company's notes

    @property
    def empty(self) -> bool:
        return self == OldBase()
