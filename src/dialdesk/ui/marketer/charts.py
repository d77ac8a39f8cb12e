"""A report's chart (pie, bars, stacked or percentage bars) drawn with Qt Charts."""

from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QPercentBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter

from dialdesk.services.reports.table import Report

MAX_CATEGORIES = 20  # more bars than this cannot be read; the table has them all
BAR_KINDS = {"bar": QBarSeries, "stacked": QStackedBarSeries, "percent": QPercentBarSeries}


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float | Decimal) else 0.0


def build_chart(report: Report) -> QChart | None:
    """The chart the report asks for, or None when it has none or nothing to draw."""
    spec = report.chart
    if spec is None or not report.columns:
        return None
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeQt)  # distinct colours for neighbouring parts
    chart.setTitle(report.title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    if spec.kind == "pie":
        pie = QPieSeries()
        column = spec.columns[0]
        for row, (label, cells) in enumerate(zip(report.rows, report.cells, strict=True)):
            value = _number(cells[column])
            if value > 0:
                piece = pie.append(f"{label}: {cells[column]}", value)
                if row < len(spec.colours):
                    piece.setColor(QColor(spec.colours[row]))
        if not pie.count():
            return None
        for piece in pie.slices():  # a label on every sliver would overlap; the legend has all
            piece.setLabelVisible(piece.percentage() >= 0.04)
        chart.addSeries(pie)
        return chart
    series = BAR_KINDS[spec.kind]()
    if spec.from_summary is not None:  # one bar per column, from a summary line
        line = dict(report.summary).get(spec.from_summary, [])
        categories = [report.columns[i].label for i in spec.columns]
        bars = QBarSet(spec.from_summary)
        bars.append([_number(line[i]) if i < len(line) else 0.0 for i in spec.columns])
        series.append(bars)
    else:
        shown = list(zip(report.rows, report.cells, strict=True))[:MAX_CATEGORIES]
        categories = [label for label, _ in shown]
        for index in spec.columns:
            bars = QBarSet(report.columns[index].label)
            bars.append([_number(cells[index]) for _, cells in shown])
            series.append(bars)
    if not categories:
        return None
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(categories)
    axis_x.setLabelsAngle(-30 if len(categories) > 6 else 0)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%g")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    if spec.kind != "percent":
        axis_y.applyNiceNumbers()
    if axis_y.max() >= 100_000:  # amounts in roubles: "15000000", not "1.5e+07"
        axis_y.setLabelFormat("%.0f")
    chart.legend().setVisible(series.count() > 1 or spec.from_summary is not None)
    return chart


ANTIALIASED = QPainter.RenderHint.Antialiasing
