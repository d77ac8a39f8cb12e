"""Phone facts shared by import, demo data and the queue: the time zone of a number."""

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import timezone as phone_timezone

# phonenumbers names some Russian areas by a foreign city in the same offset.
_RUSSIAN_ZONE_FIXES = {"Europe/Bucharest": "Europe/Kaliningrad"}


def time_zone_for(number: phonenumbers.PhoneNumber, default: str = "Europe/Moscow") -> str:
    """The IANA time zone of a number; ``default`` when the number spans several zones."""
    zones = phone_timezone.time_zones_for_number(number)
    if len(zones) != 1 or zones[0] == "Etc/Unknown":
        return default
    zone: str = zones[0]
    if number.country_code == 7:
        zone = _RUSSIAN_ZONE_FIXES.get(zone, zone)
    return zone


@dataclass(frozen=True)
class ParsedPhone:
    e164: str
    extension: str | None
    time_zone: str
    kind: str  # work or mobile


@dataclass(frozen=True)
class PhoneCell:
    valid: tuple[ParsedPhone, ...]
    invalid: tuple[str, ...]  # pieces of the cell that look like a number but are not one


_PIECES = re.compile(r"[;,\n/|]|\s{3,}|\s+или\s+", re.IGNORECASE)
_DIGITS = re.compile(r"\d")


@lru_cache(maxsize=500_000)
def parse_phone_cell(text: str, region: str = "RU") -> PhoneCell:
    """Every number in a cell ("8 (383) 353-03-67 доб. 12; +7 913 209-72-63"), with its
    extension and time zone, and the pieces that are not valid numbers."""
    valid: list[ParsedPhone] = []
    covered: list[tuple[int, int]] = []
    for match in phonenumbers.PhoneNumberMatcher(text, region):
        number = match.number
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        mobile = phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
        kind = "mobile" if mobile else "work"
        phone = ParsedPhone(e164, number.extension, time_zone_for(number), kind)
        if all(p.e164 != e164 for p in valid):
            valid.append(phone)
        covered.append((match.start, match.end))
    invalid: list[str] = []
    position = 0
    for piece in _PIECES.split(text):
        start = text.find(piece, position)
        position = start + len(piece)
        if len(_DIGITS.findall(piece)) >= 5 and not _overlaps(covered, start, position):
            invalid.append(piece.strip())
    return PhoneCell(tuple(valid), tuple(invalid))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)
