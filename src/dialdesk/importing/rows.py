"""From sheet rows to clean companies: names tidied, INN checked, phones parsed, rows that
cannot become a company rejected with their reason, and duplicates within the file merged
(same INN, else a shared phone, else the same name in the same city)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from dialdesk.importing.inn import is_valid_inn
from dialdesk.importing.names import LEGAL_FORMS, name_key, tidy_name
from dialdesk.importing.phones import ParsedPhone, parse_phone_cell
from dialdesk.services.errors import translatable

BAD_INN = translatable("INN {inn} fails its check digits.")
UNREACHABLE = translatable("No phone, e-mail or website to reach the company.")
COMPANY_FIELDS = ("industry", "city", "region", "address", "website", "staff_band")


@dataclass(frozen=True)
class Rejection:
    row_number: int  # as the sheet numbers it, from 1
    cells: list[str]
    reason: str  # an English sentence with {named} fields, like UserError
    params: dict[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.reason.format(**self.params)


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

    def absorb(self, other: "CleanCompany") -> None:
        """Take a duplicate row in: its new phones and people, and fields still empty here."""
        self.row_numbers += other.row_numbers
        self.inn = self.inn or other.inn
        self.email = self.email or other.email
        for key, value in other.values.items():
            self.values.setdefault(key, value)
        known = {p.e164 for p in self.phones}
        self.phones += [p for p in other.phones if p.e164 not in known]
        names = {c.full_name.lower() for c in self.contacts}
        self.contacts += [c for c in other.contacts if c.full_name.lower() not in names]


@dataclass
class Cleaned:
    companies: list[CleanCompany]
    rejections: list[Rejection]
    rows_read: int
    phones_valid: int
    phones_invalid: int
    duplicates_in_file: int


class Cancelled(Exception):
    """The person cancelled; nothing was written."""


def _cell(row: list[str], column: int | None) -> str:
    if column is None or column >= len(row):
        return ""
    return tidy_name(row[column])


def clean_row(
    row: list[str], row_number: int, columns: dict[str, int]
) -> tuple[CleanCompany | None, Rejection | None, int]:
    """One sheet row as a company, or the reason it cannot be one; and its invalid phones."""
    name = _cell(row, columns.get("name"))
    if not name:
        return None, Rejection(row_number, row, translatable("No company name.")), 0
    inn = _cell(row, columns.get("inn")).replace(" ", "")
    if inn and not is_valid_inn(inn):
        return (
            None,
            Rejection(row_number, row, BAD_INN, {"inn": inn}),
            0,
        )
    parsed = parse_phone_cell(_cell(row, columns.get("phones")))
    email = _cell(row, columns.get("email")) or None
    values = {f: v for f in COMPANY_FIELDS if (v := _cell(row, columns.get(f)))}
    if not parsed.valid and not email and "website" not in values:
        rejection = (
            Rejection(
                row_number,
                row,
                translatable("No valid phone ({phones}) and no e-mail or website."),
                {"phones": "; ".join(parsed.invalid)},
            )
            if parsed.invalid
            else Rejection(row_number, row, UNREACHABLE)
        )
        return None, rejection, len(parsed.invalid)
    first_word = name.split(" ", 1)[0].upper().strip('"«')
    contact_name = _cell(row, columns.get("contact_name"))
    contacts = (
        [Contact(contact_name, _cell(row, columns.get("contact_position")) or None, email)]
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
        phones=list(parsed.valid),
        contacts=contacts,
    )
    return company, None, len(parsed.invalid)


def clean_rows(
    rows: list[list[str]],
    first_row_number: int,
    mapping: dict[int, str],
    *,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> Cleaned:
    """Clean every data row and merge the file's own duplicates into their first row."""
    columns = {f: i for i, f in mapping.items()}
    result = Cleaned([], [], 0, 0, 0, 0)
    by_key: dict[tuple[str, str], CleanCompany] = {}
    for offset, row in enumerate(rows):
        if offset % 2000 == 0:
            if cancelled():
                raise Cancelled
            progress(offset, len(rows))
        if not any(row):
            continue
        result.rows_read += 1
        company, rejection, invalid = clean_row(row, first_row_number + offset, columns)
        result.phones_invalid += invalid
        if rejection is not None:
            result.rejections.append(rejection)
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
    progress(len(rows), len(rows))
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
