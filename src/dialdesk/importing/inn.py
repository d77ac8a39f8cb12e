"""Russian registration numbers as lists give them: the INN (10 digits for organisations, 12
for individuals) and the OGRN (13, or 15 for an individual entrepreneur's OGRNIP) with their
check digits, the KPP (9 characters), and the OKVED code of the industry."""

import re

_KPP = re.compile(r"[0-9]{4}[0-9A-Z]{2}[0-9]{3}")
# "62.01", "46.90.1", "01.11.11": a class, then up to three finer levels
_OKVED = re.compile(r"([0-9]{2}(?:\.[0-9]{1,2}){0,3})(?![0-9.])\s*(.*)", re.DOTALL)

_W10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_W11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_W12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _check_digit(digits: str, weights: tuple[int, ...]) -> str:
    total = 0
    for position, weight in enumerate(weights):
        total += (ord(digits[position]) - 48) * weight  # "0" is 48
    return str(total % 11 % 10)


def is_valid_inn(value: str) -> bool:
    """True when ``value`` is 10 or 12 digits whose check digits agree."""
    if not (value.isascii() and value.isdigit()):
        return False
    if len(value) == 10:
        return value[9] == _check_digit(value, _W10)
    if len(value) == 12:
        return value[10] == _check_digit(value, _W11) and value[11] == _check_digit(value, _W12)
    return False


def inn_problem(value: str) -> str | None:
    """What is wrong with ``value`` as an INN: "not_digits", "length" or "check_digits";
    None when it is a valid INN."""
    if not (value.isascii() and value.isdigit()):
        return "not_digits"
    if len(value) not in (10, 12):
        return "length"
    if not is_valid_inn(value):
        return "check_digits"
    return None


def complete_inn10(first_nine: str) -> str:
    """Append the check digit to nine digits, giving a valid organisation INN."""
    return first_nine + _check_digit(first_nine, _W10)


def ogrn_problem(value: str) -> str | None:
    """What is wrong with ``value`` as an OGRN or OGRNIP ("not_digits", "length",
    "check_digits"), or None.  Its last digit is the rest of the number before it divided
    by 11 (by 13 for the 15-digit OGRNIP), taken mod 10."""
    if not (value.isascii() and value.isdigit()):
        return "not_digits"
    if len(value) not in (13, 15):
        return "length"
    divisor = 11 if len(value) == 13 else 13
    if int(value[:-1]) % divisor % 10 != int(value[-1]):
        return "check_digits"
    return None


def kpp_problem(value: str) -> str | None:
    """What is wrong with ``value`` as a KPP ("length" or "not_digits"), or None: four
    digits of the tax office, two of the reason (digits or capital letters), three more."""
    if len(value) != 9:
        return "length"
    if not _KPP.fullmatch(value):
        return "not_digits"
    return None


def split_okved(value: str) -> tuple[str | None, str]:
    """The OKVED code at the start of ``value`` and the words after it: "62.01 Разработка
    ПО" gives ("62.01", "Разработка ПО"); text without a code gives (None, value)."""
    found = _OKVED.match(value.strip().removeprefix("ОКВЭД").strip())
    if found is None:
        return None, value.strip()
    return found.group(1), found.group(2).strip(" -—–:")
