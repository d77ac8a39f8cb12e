"""The reports past the hand-off as people read them: the funnel in Russian, its former
clients' reasons too (seen: "Reason for leaving: Другое" once the funnel's summary grew),
and amounts on a chart in whole roubles."""

from PySide6.QtCharts import QValueAxis
from sqlalchemy import Engine

from dialdesk.demo.base import DemoResult
from dialdesk.services.reports import ReportFilter, run_report
from dialdesk.services.reports.table import Chart, Column, Report
from dialdesk.ui.marketer.charts import build_chart
from dialdesk.ui.marketer.localise import localised


def test_the_funnels_summary_is_russian(russian: None, db: Engine, demo: DemoResult) -> None:
    report = localised(run_report(db, "funnel", ReportFilter()), "ru")
    labels = [label for label, _ in report.summary]
    assert "Выиграно, сумма" in labels
    reasons = [label for label in labels if label.startswith("Причина ухода")]
    assert reasons and not any("Reason" in label for label in labels)
    assert "Сделка выиграна" in report.rows


def test_amounts_on_a_chart_are_whole_roubles_not_exponents(qapp) -> None:
    """Seen: the payback chart's axis read "1.5e+07"."""
    report = Report(
        name="payback", title="t", row_header="r", columns=[Column("Won, amount")],
        rows=["A", "B"], cells=[[15_000_000], [2_000_000]], chart=Chart("bar", (0,)),
    )  # fmt: skip
    chart = build_chart(report)
    assert chart is not None
    [axis] = [a for a in chart.axes() if isinstance(a, QValueAxis)]
    assert axis.labelFormat() == "%.0f"


def test_retention_names_its_months_in_russian(russian: None) -> None:
    report = Report(name="retention", title="Retention", row_header="r", columns=[],
                    rows=["2026-11"], cells=[[]])  # fmt: skip
    assert localised(report, "ru").rows == ["ноябрь 2026"]
