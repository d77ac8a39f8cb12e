"""Saving what a report window shows: the table as an XLSX workbook (Ctrl+E) and the chart
as a PNG picture (Ctrl+Shift+E), with a file dialog offering a name from the title and date."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from dialdesk.services.reports.table import Report
from dialdesk.services.reports.xlsx import write_report_xlsx
from dialdesk.ui.common.failure import show_failure
from dialdesk.ui.common.keys import shortcut
from dialdesk.ui.common.page import filled
from dialdesk.ui.common.worker import Background


def file_name(title: str, suffix: str) -> str:
    clean = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title).strip()
    return f"{' '.join(clean.split()) or 'report'} {date.today():%Y-%m-%d}.{suffix}"


class ReportFiles(QObject):
    """Export for one window; ``report`` gives what is on screen (None: nothing yet)."""

    said = Signal(str)

    def __init__(
        self, window: QWidget, chart_view: QChartView, report: Callable[[], Report | None]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._chart_view = chart_view
        self._report = report
        self._writer = Background(self)
        shortcut("Ctrl+E", window, self.export_xlsx, self.tr("export the report to XLSX"))
        shortcut("Ctrl+Shift+E", window, self.save_chart, self.tr("save the chart as PNG"))

    def _ask(self, caption: str, suffix: str, kinds: str) -> Path | None:
        report = self._report()
        suggested = Path.home() / file_name(report.title if report else "report", suffix)
        path, _filter = QFileDialog.getSaveFileName(self._window, caption, str(suggested), kinds)
        return Path(path).with_suffix(f".{suffix}") if path else None

    def export_xlsx(self, path: str | None = None) -> None:
        report = self._report()
        if report is None:
            self.said.emit(self.tr("Show a report first."))
            return
        target = (
            Path(path).with_suffix(".xlsx")
            if path
            else self._ask(self.tr("Export the report"), "xlsx", self.tr("Excel workbook (*.xlsx)"))
        )
        if target is None:
            return

        def done(written: Path) -> None:
            self.said.emit(filled(self.tr("Saved to %1"), str(written)))

        self._writer.run(
            lambda: write_report_xlsx(report, target),
            done,
            lambda error: show_failure(error, self.said.emit),
        )

    def save_chart(self, path: str | None = None) -> None:
        if self._report() is None or not self._chart_view.chart().series():
            self.said.emit(self.tr("This report has no chart to save."))
            return
        target = (
            Path(path).with_suffix(".png")
            if path
            else self._ask(self.tr("Save the chart"), "png", self.tr("PNG image (*.png)"))
        )
        if target is None:
            return
        if self._chart_view.grab().save(str(target), "PNG"):
            self.said.emit(filled(self.tr("Saved to %1"), str(target)))
        else:
            self.said.emit(filled(self.tr("Could not write %1."), str(target)))

    def wait(self) -> None:
        self._writer.wait()
