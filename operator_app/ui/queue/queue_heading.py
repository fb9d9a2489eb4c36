"""The line above the queue: how many alarms are open and how many nobody has claimed yet."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from operator_app.ui.queue.queue_model import AlarmQueueModel
from widgets.plain_text_label import PlainTextLabel


class QueueHeading(PlainTextLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, selectable=False, wrap=False)
        self.setObjectName("queueHeading")

    def show_counts(self, model: AlarmQueueModel) -> None:
        rows = model.rows()
        unclaimed = sum(1 for a in rows if a.claimed_by is None)
        self.setText(self.tr("Alarm queue — %1 open, %2 not claimed").replace(
            "%1", str(len(rows))).replace("%2", str(unclaimed)))
