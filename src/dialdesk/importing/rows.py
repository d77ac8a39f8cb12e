"""From sheet rows to clean companies: names tidied, INN checked, phones parsed, rows that
cannot become a company rejected with their reason, and duplicates within the file merged
(same INN, else a shared phone, else the same name in the same city)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from dialdesk import limits
from dialdesk.errors import translatable
from dialdesk.importing.columns import phone_kind
from dialdesk.importing.inn import inn_problem
from dialdesk.importing.names import LEGAL_FORMS, name_key
from dialdesk.importing.old_base import OldBase
from dialdesk.importing.phones import ParsedPhone, parse_phone_cell
from dialdesk.importing.row_fields import checked_numbers, day_of, old_base_of
from dialdesk.importing.sheet_row import COMPANY_FIELDS, Rejection, SheetRow, cell_of

INN_NOTES = {
    "not_digits": translatable(
        "INN {inn} is not a number (an INN is 10 or 12 digits): imported without it."
    ),
    "length": translatable(
        "INN {inn} has the wrong length (an INN is 10 or 12 digits): imported without it."
    ),
    "check_digits": translatable("INN {inn} fails its check digits: imported without it."),
}
EMAIL_TOO_LONG = translatable(
    "The e-mail is {length} characters long (at most {limit} fit): imported without it."
)
UNREACHABLE = translatable("No phone, e-mail or website to reach the company.")


@dataclass(frozen=True)
class Contact:
    full_name: str
    position: str | None
    email: str | None


@dataclass
class CleanCompany:
    row_numbers: list[int]
    name: str
    name_key: str
    legal_form: str | None
    inn: str | None
    values: dict[str, str]  # COMPANY_FIELDS that the file filled
    email: str | None
    phones: list[ParsedPhone]
    contacts: list[Contact]
    listed_on: date | None = None
    old: OldBase = field(default_factory=OldBase)

    def absorb(self, other: "CleanCompany") -> None:
        """Take a duplicate row in: its new phones and people, and fields still empty here."""
        self.row_numbers += other.row_numbers
        self.inn = self.inn or other.inn
        self.email = self.email or other.email
        self.listed_on = self.listed_on or other.listed_on
        if self.old.empty:
            self.old = other.old
        for key, value in other.values.items():
            self.values.setdefault(key, value)
        known = {p.e164 for p in self.phones}
        self.phones += [p for p in other.phones if p.e164 not in known]
        names = {c.full_name.lower() for c in self.contacts}
        self.contacts += [c for c in other.contacts if c.full_name.lower() not in names]


@dataclass
class Cleaned:
    companies: list[CleanCompany]
    rejections: list[Rejection]  # refused rows, and rows imported with a change
    rows_read: int
    phones_valid: int
    phones_invalid: int
    duplicates_in_file: int

    @property
    def rows_rejected(self) -> int:
        return sum(1 for r in self.rejections if not r.imported)

    @property
    def rows_changed(self) -> int:
        return len({r.row_number for r in self.rejections if r.imported})


class Cancelled(Exception):
    """The person cancelled; nothing was written."""


@dataclass(frozen=True)
class Columns:
    """Where each field is: one column per field, and every phone and e-mail column (a
    phone column's kind, when its header says it)."""

    single: dict[str, int]
    phones: tuple[tuple[int, str | None], ...] = ()
    emails: tuple[int, ...] = ()

    @classmethod
    def of(cls, mapping: dict[int, str], header: list[str] | None = None) -> "Columns":
        names = header or []
        single: dict[str, int] = {}
        for index, name in sorted(mapping.items()):
            single.setdefault(name, index)
        phones = tuple(
            (i, phone_kind(names[i]) if i < len(names) else None)
            for i, f in sorted(mapping.items())
            if f == "phones"
        )
        emails = tuple(i for i, f in sorted(mapping.items()) if f == "email")
        return cls(single, phones, emails)


def _phones(row: list[str], columns: Columns) -> tuple[list[ParsedPhone], list[str]]:
    """Every valid number of every phone column, each once, and the pieces that are not."""
    valid: dict[str, ParsedPhone] = {}
    invalid: list[str] = []
    for column, kind in columns.phones:
        parsed = parse_phone_cell(cell_of(row, column))
        for phone in parsed.valid:
            valid.setdefault(phone.e164, replace(phone, kind=kind) if kind else phone)
        invalid += parsed.invalid
    return list(valid.values()), invalid


def clean_row(
    row: list[str], row_number: int, columns: Columns
) -> tuple[CleanCompany | None, list[Rejection], int]:
    """One sheet row as a company, or the reason it cannot be one; the notes on what was
    changed to take it in; and its invalid phones."""
    line = SheetRow(row, row_number, columns.single)
    name = line.cell("name")
    if not name:
        return None, [line.refuse(translatable("No company name."))], 0
    inn: str | None = cell_of(row, columns.single.get("inn")).replace(" ", "")
    problem = inn_problem(inn) if inn else None
    if problem is not None:
        line.note(INN_NOTES[problem], inn=inn)
        inn = None
    phones, invalid = _phones(row, columns)
    email: str | None = next((e for c in columns.emails if (e := cell_of(row, c))), None)
    if email is not None and len(email) > limits.CONTACT["email"]:
        line.note(EMAIL_TOO_LONG, length=len(email), limit=limits.CONTACT["email"])
        email = None
    values = {f: v for f in COMPANY_FIELDS if (v := line.cell(f))}
    values.update(checked_numbers(line))
    if not phones and not email and "website" not in values:
        rejection = (
            line.refuse(
                translatable("No valid phone ({phones}) and no e-mail or website."),
                phones="; ".join(invalid),
            )
            if invalid
            else line.refuse(UNREACHABLE)
        )
        return None, [rejection], len(invalid)
    first_word = name.split(" ", 1)[0].upper().strip('"«')
    contact_name = line.cell("contact_name")
    contacts = (
        [Contact(contact_name, line.cell("contact_position") or None, email)]
        if contact_name
        else []
    )
    company = CleanCompany(
        row_numbers=[row_number],
        name=name,
        name_key=name_key(name),
        legal_form=first_word if first_word in LEGAL_FORMS else None,
        inn=inn or None,
        values=values,
        email=email,
        phones=phones,
        contacts=contacts,
        listed_on=day_of(line, "listed_on"),
        old=old_base_of(line),
    )
    return company, line.notes, len(invalid)


def clean_rows(
    rows: Iterable[list[str]],
    first_row_number: int,
    mapping: dict[int, str],
    *,
    header: list[str] | None = None,
    total: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> Cleaned:
    """Clean every data row and merge the file's own duplicates into their first row.
    ``rows`` may still be arriving (``total`` says how many will, for ``progress``)."""
    if total is None:
        rows = list(rows)
        total = len(rows)
    columns = Columns.of(mapping, header)
    result = Cleaned([], [], 0, 0, 0, 0)
    by_key: dict[tuple[str, str], CleanCompany] = {}
    for offset, row in enumerate(rows):
        if offset % 2000 == 0:
            if cancelled():
                raise Cancelled
            progress(offset, total)
        if not any(row):
            continue
        result.rows_read += 1
        company, notes, invalid = clean_row(row, first_row_number + offset, columns)
        result.phones_invalid += invalid
        result.rejections += notes
        if company is None:
            continue
        result.phones_valid += len(company.phones)
        first = _find_duplicate(by_key, company)
        if first is not None:
            first.absorb(company)
            result.duplicates_in_file += 1
            company = first
        else:
            result.companies.append(company)
        for key in _keys(company):
            by_key.setdefault(key, company)
    progress(total, total)
    return result


def _keys(company: CleanCompany) -> list[tuple[str, str]]:
    keys = [("phone", p.e164) for p in company.phones]
    if company.inn:
        keys.append(("inn", company.inn))
    keys.append(("name", f"{company.name_key}\x1f{company.values.get('city', '').lower()}"))
    return keys


def _find_duplicate(
    by_key: dict[tuple[str, str], CleanCompany], company: CleanCompany
) -> CleanCompany | None:
    """Same INN first; then a shared phone; then the same name in the same city.  Two
    different valid INNs are two companies, whatever else they share."""
    if company.inn and ("inn", company.inn) in by_key:
        return by_key[("inn", company.inn)]
    for key in _keys(company):
        found = by_key.get(key)
        if found is not None and not (found.inn and company.inn and found.inn != company.inn):
            return found
    return None
