"""Why there is nothing to call right now, in the operator's words."""

from datetime import datetime

from PySide6.QtCore import QObject

from dialdesk.services.floor.queue_status import QueueEmpty
from dialdesk.ui.common.page import filled


class EmptyQueue(QObject):
    def describe(self, status: QueueEmpty) -> str:
        def at(moment: datetime) -> str:
            return moment.astimezone().strftime("%H:%M")

        if status.everything_done:
            return self.tr("Nothing left to call: every company of your campaigns is done.")
        parts = []
        if status.outside_hours_until is not None:
            parts.append(
                filled(
                    self.tr("all remaining companies are outside calling hours until %1"),
                    status.outside_hours_until.astimezone().strftime("%d.%m %H:%M"),
                )
            )
        if status.callbacks_open_at is not None:
            parts.append(
                filled(
                    self.tr(
                        "%n due callback(s) wait for the clients' calling hours, the first from %1",
                        "",
                        status.callbacks_waiting,
                    ),
                    status.callbacks_open_at.astimezone().strftime("%d.%m %H:%M"),
                )
            )
        if status.retry_at is not None:
            parts.append(filled(self.tr("next retry at %1"), at(status.retry_at)))
        if status.callback_at is not None:
            parts.append(filled(self.tr("next callback at %1"), at(status.callback_at)))
        if status.no_callable_phone:
            parts.append(
                self.tr(
                    "%n company(ies) have no number that may be called",
                    "",
                    status.no_callable_phone,
                )
            )
        if not parts:
            parts.append(self.tr("other operators are working the remaining companies"))
        return filled(self.tr("Nothing to call right now: %1."), "; ".join(parts))
