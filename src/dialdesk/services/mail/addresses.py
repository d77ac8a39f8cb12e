"""E-mail addresses a letter goes to: the card's rule for an e-mail, and what mail servers
also refuse (brackets, commas, two dots in a row, more than 200 characters); kept in one
form (lower case)."""

import re

from dialdesk.errors import UserError
from dialdesk.services.shift.card import checked_email

# what mail servers take in practice: one @, a dot in the domain, no spaces or brackets
_ADDRESS = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]{2,}")
MAX_LENGTH = 200


def checked_address(typed: str) -> str:
    """``typed`` as one e-mail address in lower case, or a plain refusal naming it."""
    address = (checked_email(typed) or "").lower()
    if not _ADDRESS.fullmatch(address) or len(address) > MAX_LENGTH or ".." in address:
        raise UserError(
            "'{address}' is not an e-mail address: write it like name@company.ru.",
            address=typed.strip(),
        )
    return address
