"""Russian taxpayer numbers (INN): 10 digits for organisations, 12 for individuals."""

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
