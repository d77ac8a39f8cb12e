"""E-mail addresses as people type them: checked, and kept in one form (lower case)."""

import re

from dialdesk.errors import UserError

# what mail servers take in practice: one @, a dot in the domain, no spaces or brackets
_ADDRESS = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\].]{2,}")


def checked_address(typed: str) -> str:
    """``typed`` as one e-mail address in lower case, or a plain refusal naming it."""
    address = typed.strip().lower()
    if not _ADDRESS.fullmatch(address) or len(address) > 200 or ".." in address:
        raise UserError(
            "'{address}' is not an e-mail address: write it like name@company.ru.",
            address=typed.strip(),
        )
    return address
