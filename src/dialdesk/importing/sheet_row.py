"""One sheet row being cleaned: its cells by field, tidied and cut at their limits, and the
notes on what was changed to take it in (``Rejection`` with ``imported``)."""

from dataclasses import dataclass, field

from dialdesk import limits
from dialdesk.errors import translatable
from dialdesk.importing.names import tidy_name

COMPANY_FIELDS = ("industry", "city", "region", "address", "website", "staff_band")

CUT = translatable(
    "{field} was {length} characters long: imported cut to its first {limit} characters."
)


@dataclass(frozen=True)
class Rejection:
    """A row the import refused, or (``imported``) took in with a change the marketer
    should know of: a value cut at its limit, an INN left out."""

    row_number: int  # as the sheet numbers it, from 1
    cells: list[str]
    reason: str  # an English sentence with {named} fields, like UserError
    params: dict[str, object] = field(default_factory=dict)
    imported: bool = False

    @property
    def text(self) -> str:
        return self.reason.format(**self.params)


def cell_of(row: list[str], column: int | None) -> str:
    if column is None or column >= len(row):
        return ""
    return tidy_name(row[column])


# field -> (its name in a note, its limit)
FIELD_NAMES = {
    "name": translatable("The company name"),
    "industry": translatable("The industry"),
    "city": translatable("The city"),
    "region": translatable("The region"),
    "address": translatable("The address"),
    "website": translatable("The website"),
    "staff_band": translatable("The staff size"),
    "contact_name": translatable("The contact person's name"),
    "contact_position": translatable("The contact person's position"),
    "listed_on": translatable("The date created"),
    "last_contact_on": translatable("The date of the last contact"),
    "client_since": translatable("Client since"),
    "last_purchase_on": translatable("The last purchase"),
    "total_bought": translatable("The total bought"),
    "expert": translatable("The responsible manager"),
    "group": translatable("The group"),
    "last_contact_result": translatable("The last contact's result"),
    "last_contact_comment": translatable("The last contact's comment"),
    "last_contact_by": translatable("Who made the last contact"),
}
LIMITS = {
    **{f: limits.COMPANY[f] for f in ("name", *COMPANY_FIELDS)},
    "contact_name": limits.CONTACT["full_name"],
    "contact_position": limits.CONTACT["position"],
    "expert": limits.CONTACT["full_name"],
    "group": limits.CONTACT["full_name"],
    "last_contact_result": limits.CONTACT["full_name"],
    "last_contact_comment": limits.CALL["comment"],
    "last_contact_by": limits.CALL["imported_who"],
}


class SheetRow:
    """One sheet row being cleaned, collecting the notes on what was changed."""

    def __init__(self, row: list[str], row_number: int, columns: dict[str, int]) -> None:
        self.row, self.number, self.columns = row, row_number, columns
        self.notes: list[Rejection] = []

    def note(self, reason: str, **params: object) -> None:
        self.notes.append(Rejection(self.number, self.row, reason, params, imported=True))

    def cell(self, name: str) -> str:
        """The field's tidied cell, cut at its limit with a note when longer."""
        column = self.columns.get(name)
        if column is None:  # most lists map few of the fields: nothing to tidy
            return ""
        value = cell_of(self.row, column)
        limit = LIMITS.get(name)
        if limit is not None and len(value) > limit:
            self.note(CUT, field=FIELD_NAMES[name], length=len(value), limit=limit)
            value = value[:limit].rstrip()
        return value

    def refuse(self, reason: str, **params: object) -> Rejection:
        return Rejection(self.number, self.row, reason, params)
