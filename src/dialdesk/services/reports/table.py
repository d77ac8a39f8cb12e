"""What every report returns: a titled table (row labels, columns, cells, a totals row and
any further summary rows) and how to draw it, plus the filters every report takes."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from dialdesk.errors import translatable
from dialdesk.vocabulary import CENTRE_ZONE

# Days and months are the call centre's own (Moscow), whatever the server's zone.

Cell = int | float | str | date | datetime | None

# How a column is written and shown: whole numbers, one decimal, a percentage (a number
# from 0 to 100, one decimal), minutes, text.
FORMATS = ("int", "float1", "percent", "minutes", "text", "date")


@dataclass(frozen=True)
class Column:
    label: str
    format: str = "int"


@dataclass(frozen=True)
class ReportFilter:
    """Campaign and period (days inclusive, in the call centre's time zone)."""

    campaign_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    options: dict[str, Any] = field(default_factory=dict)

    def params(self) -> dict[str, Any]:
        """SQL parameters: ``campaign_id``, ``start`` and ``end`` (an exclusive bound); a
        missing bound is NULL and the queries read it as 'no limit'."""
        return {
            "campaign_id": self.campaign_id,
            "start": day_start(self.date_from) if self.date_from else None,
            "end": day_start(self.date_to + timedelta(days=1)) if self.date_to else None,
        }


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), CENTRE_ZONE).astimezone(UTC)


# SQL fragments every report uses the same way (the parameters of ReportFilter.params)
IN_PERIOD = (
    "(CAST(:start AS timestamptz) IS NULL OR {t} >= :start) "
    "AND (CAST(:end AS timestamptz) IS NULL OR {t} < :end)"
)
IN_CAMPAIGN = "(CAST(:campaign_id AS integer) IS NULL OR {c} = :campaign_id)"


def in_period(column: str) -> str:
    return IN_PERIOD.format(t=column)


def in_campaign(column: str) -> str:
    return IN_CAMPAIGN.format(c=column)


@dataclass(frozen=True)
class Chart:
    """How the table is drawn: ``kind`` "pie", "bar", "stacked" or "percent" (stacked to
    100%); the series are the
    columns named in ``columns`` (indexes); the categories the rows (or the summary row
    named by ``from_summary`` instead, for one bar per column)."""

    kind: str
    columns: tuple[int, ...] = (0,)
    from_summary: str | None = None
    colours: tuple[str, ...] = ()  # "#rrggbb" for each row, in order (a pie's slices)


TOTAL = translatable("Total")


@dataclass
class Report:
    name: str
    title: str
    row_header: str
    columns: list[Column]
    rows: list[str]
    cells: list[list[Cell]]
    totals: list[Cell] | None = None
    summary: list[tuple[str, list[Cell]]] = field(default_factory=list)  # rows after totals
    chart: Chart | None = None
    # labels written by DialDesk itself (not data) that the UI translates
    fixed_labels: frozenset[str] = frozenset()
    notes: list[str] = field(default_factory=list)
    total_label: str = TOTAL

    def as_json(self) -> dict[str, Any]:
        return {
            "report": self.name,
            "title": self.title,
            "row_header": self.row_header,
            "columns": [c.label for c in self.columns],
            "rows": self.rows,
            "cells": [[_plain(v) for v in row] for row in self.cells],
            "totals": [_plain(v) for v in self.totals] if self.totals is not None else None,
            "total_label": self.total_label,
            "summary": {label: [_plain(v) for v in cells] for label, cells in self.summary},
            "notes": self.notes,
        }


def _plain(value: Cell) -> Cell:
    return value.isoformat() if isinstance(value, date | datetime) else value


def share(part: int | float, whole: int | float) -> float | None:
    """``part`` as a percentage of ``whole``, one decimal; None when there is no whole."""
    return round(100.0 * part / whole, 1) if whole else None
