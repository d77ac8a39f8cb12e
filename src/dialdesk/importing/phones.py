"""Phone facts shared by import, demo data and the queue: the time zone of a number."""

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
