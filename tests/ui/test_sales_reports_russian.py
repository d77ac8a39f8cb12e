"""The funnel past the hand-off reads in Russian, its former clients' reasons too (seen:
"Reason for leaving: Другое" once the funnel's summary grew)."""

from sqlalchemy import Engine

from dialdesk.demo.base import DemoResult
from dialdesk.services.reports import ReportFilter, run_report
from dialdesk.ui.marketer.localise import localised


def test_the_funnels_summary_is_russian(russian: None, db: Engine, demo: DemoResult) -> None:
    report = localised(run_report(db, "funnel", ReportFilter()), "ru")
    labels = [label for label, _ in report.summary]
    assert "Выиграно, сумма" in labels
    reasons = [label for label in labels if label.startswith("Причина ухода")]
    assert reasons and not any("Reason" in label for label in labels)
    assert "Сделка выиграна" in report.rows
