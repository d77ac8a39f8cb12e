"""Company names: tidy for display, and a key for finding the same company written twice."""

import re

LEGAL_FORMS = ("ООО", "АО", "ПАО", "ЗАО", "ОАО", "ИП", "НАО", "ФГУП", "МУП", "ГУП")
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[\"'«»“”„().,]")
_FORM_RE = re.compile(r"^(?:" + "|".join(LEGAL_FORMS) + r")\s+", re.IGNORECASE)


def tidy_name(raw: str) -> str:
    """Trim and fold runs of spaces (tabs, line breaks and no-break spaces count as spaces)."""
    if raw.isprintable() and "  " not in raw:  # the usual cell: nothing to fold
        return raw.strip()
    return _SPACES.sub(" ", raw).strip()


def name_key(raw: str) -> str:
    """Lower-case name without legal form, quotes or punctuation; ё folded to е."""
    text = _PUNCT.sub(" ", tidy_name(raw)).strip()
    text = _FORM_RE.sub("", text)
    return _SPACES.sub(" ", text).strip().lower().replace("ё", "е")
