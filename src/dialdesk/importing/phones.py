"""Phone facts shared by import, demo data and the queue: the time zone of a number."""

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import timezone as phone_timezone

from dialdesk.errors import UserError

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
_NOT_DIGITS = re.compile(r"\D")
# "доб. 12", "доб 12", "ext. 12", "вн. 12", "x12", "#12" after the number
_EXTENSION = re.compile(
    r"\s*(?:доб(?:авочный)?|ext|вн)\.?\s*(\d{1,6})\s*$|\s*[x#]\s*(\d{1,6})\s*$", re.I
)
_RUSSIAN = re.compile(r"^\s*(?:\+7|8|7)?[\s\-(]*\d[\d\s\-()]*$")
_MOBILE_TYPES = (phonenumbers.PhoneNumberType.MOBILE,)
_UNKNOWN = phonenumbers.PhoneNumberType.UNKNOWN


# The type of a Russian number (the +7 ranges 3, 4, 8 and 9) is decided here with the very
# patterns phonenumbers holds for Russia, tried in its order in one expression (the first
# alternative that matches names the type), without its per-call overhead (the import's
# costliest step); a number Russia's patterns do not know goes to phonenumbers itself
# (Kazakhstan shares +7).  The time zone of +7 is known by the first three national digits
# at most, and by whether the number's type is geographical: looked up once for each.
_RUSSIAN_RANGES = frozenset((3, 4, 8, 9))
_TYPE = phonenumbers.PhoneNumberType
_RU_OR_NONE = phonenumbers.PhoneMetadata.metadata_for_region("RU")
assert _RU_OR_NONE is not None  # phonenumbers always holds Russia
_RU = _RU_OR_NONE
_ORDER = (
    (_TYPE.PREMIUM_RATE, "premium_rate"), (_TYPE.TOLL_FREE, "toll_free"),
    (_TYPE.SHARED_COST, "shared_cost"), (_TYPE.VOIP, "voip"),
    (_TYPE.PERSONAL_NUMBER, "personal_number"), (_TYPE.PAGER, "pager"), (_TYPE.UAN, "uan"),
    (_TYPE.VOICEMAIL, "voicemail"), (_TYPE.FIXED_LINE, "fixed_line"), (_TYPE.MOBILE, "mobile"),
)  # fmt: skip
TEN_DIGITS = 10  # every Russian national number this module decides itself


def _pattern(name: str) -> str | None:
    """The national pattern of one type, when it admits ten digits."""
    desc = getattr(_RU, name)
    if desc is None or desc.national_number_pattern is None:
        return None
    lengths = desc.possible_length or ()
    return desc.national_number_pattern if not lengths or TEN_DIGITS in lengths else None


def _ten_digit_types() -> tuple[re.Pattern[str], dict[str, int]]:
    """One expression for every type, in phonenumbers' order, within Russia's general
    pattern; a group per type, named ``t`` and the type's number."""
    kinds = [(kind, pattern) for kind, name in _ORDER if (pattern := _pattern(name))]
    general = _pattern("general_desc") or "$^"
    alternatives = "|".join(f"(?P<t{kind}>{pattern})" for kind, pattern in kinds)
    return re.compile(f"(?=(?:{general})$)(?:{alternatives})"), {f"t{k}": k for k, _ in kinds}


_TYPES, _TYPE_OF_GROUP = _ten_digit_types()
_MOBILE = re.compile(_pattern("mobile") or "$^")
_ZONES: dict[tuple[int, bool], str] = {}


def _russian_type(digits: str) -> int | None:
    """The type phonenumbers gives a ten-digit Russian national number, or None when
    Russia's patterns do not know it."""
    found = _TYPES.fullmatch(digits)
    if found is None or found.lastgroup is None:
        return None
    kind = _TYPE_OF_GROUP[found.lastgroup]
    if kind == _TYPE.FIXED_LINE and (
        _RU.same_mobile_and_fixed_line_pattern or _MOBILE.fullmatch(digits)
    ):
        return _TYPE.FIXED_LINE_OR_MOBILE
    return kind


def _facts(national: int) -> tuple[int, str, str]:
    """Type, time zone and work/mobile of the ten-digit national number +7 ``national``."""
    kind = _russian_type(str(national)) if national // 10**9 in _RUSSIAN_RANGES else None
    number = None
    if kind is None:
        number = phonenumbers.PhoneNumber(country_code=7, national_number=national)
        kind = phonenumbers.number_type(number)
    if kind == _UNKNOWN:
        return kind, "", "work"
    key = (national // 10**7, phonenumbers.is_number_type_geographical(kind, 7))
    zone = _ZONES.get(key)
    if zone is None:
        number = number or phonenumbers.PhoneNumber(country_code=7, national_number=national)
        zone = _ZONES[key] = time_zone_for(number)
    return kind, zone, "mobile" if kind in _MOBILE_TYPES else "work"


def _russian(piece: str) -> ParsedPhone | None:
    """The common case without the full matcher: 8/+7/7 and ten digits, or ten digits."""
    extension = None
    found = _EXTENSION.search(piece)
    if found:
        extension = found.group(1) or found.group(2)
        piece = piece[: found.start()]
    if not _RUSSIAN.match(piece):
        return None
    digits = _NOT_DIGITS.sub("", piece)
    if len(digits) == 11 and digits[0] in "78":
        digits = digits[1:]
    if len(digits) != 10:
        return None
    kind, zone, label = _facts(int(digits))
    if kind == _UNKNOWN:
        return None
    return ParsedPhone("+7" + digits, extension, zone, label)


def _matched(text: str, region: str) -> tuple[list[ParsedPhone], list[tuple[int, int]]]:
    """Every number the full phonenumbers matcher finds in ``text``, and where."""
    found: list[ParsedPhone] = []
    spans: list[tuple[int, int]] = []
    for match in phonenumbers.PhoneNumberMatcher(text, region):
        number = match.number
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        mobile = phonenumbers.number_type(number) in _MOBILE_TYPES
        kind = "mobile" if mobile else "work"
        found.append(ParsedPhone(e164, number.extension, time_zone_for(number), kind))
        spans.append((match.start, match.end))
    return found, spans


@lru_cache(maxsize=500_000)
def parse_phone_cell(text: str, region: str = "RU") -> PhoneCell:
    """Every number in a cell ("8 (383) 353-03-67 доб. 12; +7 913 209-72-63"), with its
    extension and time zone, and the pieces that are not valid numbers."""
    valid: list[ParsedPhone] = []
    invalid: list[str] = []
    for piece in _PIECES.split(text):
        if len(_DIGITS.findall(piece)) < 5:
            continue
        phone = _russian(piece) if region == "RU" else None
        found = [phone] if phone is not None else _matched(piece, region)[0]
        if not found:
            invalid.append(piece.strip())
        for phone in found:
            if all(p.e164 != phone.e164 for p in valid):
                valid.append(phone)
    return PhoneCell(tuple(valid), tuple(invalid))


def one_phone(typed: str) -> ParsedPhone:
    """The single number a person typed ("8 (383) 353-03-67 доб. 12"), or a plain refusal."""
    cell = parse_phone_cell(typed.strip())
    if len(cell.valid) != 1 or cell.invalid:
        raise UserError(
            "The phone {phone} is not a phone number: write it with its area code, "
            "like +7 383 353-03-67 or 8 (913) 209-72-63.",
            phone=typed.strip(),
        )
    return cell.valid[0]
