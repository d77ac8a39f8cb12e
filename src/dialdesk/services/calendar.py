"""Working days of the Russian production calendar (holidays, moved days off, working Saturdays)."""

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays

from dialdesk.vocabulary import CENTRE_ZONE


@lru_cache(maxsize=8)
def _calendar(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("RU", years=[year - 1, year, year + 1])


def is_working_day(day: date) -> bool:
    return bool(_calendar(day.year).is_working_day(day))


def non_working_days(around: date, days_each_side: int = 3) -> list[date]:
    """Days off near ``around``: what the queue must skip, whatever a company's time zone."""
    span = range(-days_each_side, days_each_side + 1)
    return [
        around + timedelta(days=i) for i in span if not is_working_day(around + timedelta(days=i))
    ]


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


WORKDAY_START, WORKDAY_END = time(9), time(18)  # the call centre's office hours


def working_hours_between(start: datetime, end: datetime) -> float:
    """Office hours (09:00-18:00 on working days, the call centre's clock) from ``start``
    to ``end``: what "answer within four working hours" counts."""
    if end <= start:
        return 0.0
    start, end = start.astimezone(CENTRE_ZONE), end.astimezone(CENTRE_ZONE)
    total = 0.0
    day = start.date()
    while day <= end.date():
        if is_working_day(day):
            opens = datetime.combine(day, WORKDAY_START, CENTRE_ZONE)
            closes = datetime.combine(day, WORKDAY_END, CENTRE_ZONE)
            low, high = max(opens, start), min(closes, end)
            if high > low:
                total += (high - low).total_seconds() / 3600
        day += timedelta(days=1)
    return total


def follow_up_time(sent: datetime, working_days: int) -> datetime:
    """When to call after a letter: ``working_days`` working days after ``sent`` (the call
    centre's clock), at the hour it was sent but within office hours; 0: the same day, an
    hour later."""
    local = sent.astimezone(CENTRE_ZONE)
    if working_days <= 0:
        return local + timedelta(hours=1)
    day = local.date()
    for _ in range(working_days):
        day = next_working_day(day + timedelta(days=1))
    hour = min(max(local.time(), WORKDAY_START), time(WORKDAY_END.hour - 1))
    return datetime.combine(day, hour, CENTRE_ZONE)
