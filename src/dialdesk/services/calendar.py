"""Working days of the Russian production calendar (holidays, moved days off, working Saturdays)."""

from datetime import date, timedelta
from functools import lru_cache

import holidays


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
