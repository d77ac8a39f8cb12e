"""Staff-size bands ("до 15", "16-100", "более 1000") in order of size, not of their text."""

import re

_NUMBER = re.compile(r"\d[\d\s]*")
_UP_TO = re.compile(r"^\s*(до|меньше|менее|up to|under|<)", re.IGNORECASE)
_OVER = re.compile(r"(более|больше|свыше|over|more than|>|\+)", re.IGNORECASE)


def band_order(band: str | None) -> tuple[int, float, str]:
    """Sort key: bands with numbers by the smallest size they hold, then the others by
    text, then "not given"."""
    if band is None:
        return (2, 0.0, "")
    numbers = [int(re.sub(r"\s", "", n)) for n in _NUMBER.findall(band)]
    if not numbers:
        return (1, 0.0, band.lower())
    if _UP_TO.search(band):
        return (0, 0.0, band)
    if _OVER.search(band) and len(numbers) == 1:
        return (0, numbers[0] + 0.5, band)
    return (0, float(numbers[0]), band)


def by_size(bands: list[str | None]) -> list[str | None]:
    return sorted(bands, key=band_order)
