"""Whose clock: a next contact is set in the client's own time (the client says "call me at
ten", meaning their ten in Irkutsk), and the form says whose time it is."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dialdesk.services.shift.card import Card
from dialdesk.ui.common.page import filled
from dialdesk.ui.operator.card_view import tr

MOSCOW = ZoneInfo("Europe/Moscow")


def client_zone(card: Card | None) -> ZoneInfo:
    """The company's zone: that of its first number that may be called."""
    phones = [p for p in (card.phones if card else []) if not p.is_dead and not p.do_not_call]
    zone = next((p.time_zone for p in phones if p.time_zone), None)
    return ZoneInfo(zone) if zone else MOSCOW


def moscow_offset(zone: ZoneInfo, now: datetime) -> str:
    """ "МСК+5" for Irkutsk, "МСК" for Moscow, "МСК−1" for Kaliningrad."""
    delta = now.astimezone(zone).utcoffset() - now.astimezone(MOSCOW).utcoffset()  # type: ignore[operator]
    hours = round(delta / timedelta(hours=1))
    sign = "" if hours == 0 else ("+" if hours > 0 else "−")
    return filled(tr("MSK%1"), f"{sign}{abs(hours)}" if hours else "")


def whose_time(zone: ZoneInfo, city: str | None, now: datetime) -> str:
    """What the form says beside a time typed for this client."""
    if now.astimezone(zone).utcoffset() == now.astimezone().utcoffset():
        return tr("your time, and the client's")
    place = city or zone.key.split("/")[-1].replace("_", " ")
    return filled(tr("the client's time: %1, %2"), place, moscow_offset(zone, now))


def default_due(zone: ZoneInfo, now: datetime) -> datetime:
    """Tomorrow at 10:00 on the client's clock (as a wall-clock time without zone)."""
    tomorrow = now.astimezone(zone) + timedelta(days=1)
    return tomorrow.replace(hour=10, minute=0, second=0, microsecond=0, tzinfo=None)
