"""How long each text a list brings or a person types may be, in one place: the length of
the column where the table gives one, a stated length where the column is free text.
Imports cut a longer value at its limit (and say so); forms stop typing there; the services
refuse a longer value naming the field, for a client that does not stop it."""

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase

from dialdesk.errors import UserError
from dialdesk.models import Call, Campaign, Company, ContactPerson, Deal, Phone

# free-text columns (no length in the table): long enough for any real value, short
# enough that a sheet's runaway cell cannot fill the base
FREE_TEXT = {
    "address": 1000,
    "notes": 5000,
    "raw_text": 500,
    "product": 5000,
    "script": 20000,
    "comment": 5000,
}


def column_limit(model: type[DeclarativeBase], column: str) -> int:
    kind = model.__table__.c[column].type
    if isinstance(kind, String) and kind.length:
        return int(kind.length)
    return FREE_TEXT[column]


COMPANY_FIELDS = (
    "name", "legal_form", "inn", "industry", "region", "city", "address", "website",
    "staff_band", "source", "segment", "notes",
)  # fmt: skip
COMPANY = {field: column_limit(Company, field) for field in COMPANY_FIELDS}
CONTACT = {field: column_limit(ContactPerson, field) for field in ("full_name", "position",
                                                                  "phone", "email")}  # fmt: skip
PHONE = {field: column_limit(Phone, field) for field in ("extension", "raw_text")}
CAMPAIGN = {field: column_limit(Campaign, field) for field in ("name", "product", "script")}
CALL = {field: column_limit(Call, field) for field in ("spoke_with", "comment", "imported_who")}
DEAL = {"product": column_limit(Deal, "product"), "comment": FREE_TEXT["comment"]}


def refuse_too_long(values: dict[str, object], limits: dict[str, int]) -> None:
    """A plain refusal naming the first field longer than its limit."""
    for field, value in values.items():
        limit = limits.get(field)
        if limit is not None and isinstance(value, str) and len(value) > limit:
            raise UserError(
                "The field {field} is {length} characters long; at most {limit} fit.",
                field=field,
                length=len(value),
                limit=limit,
            )
