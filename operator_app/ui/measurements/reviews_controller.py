"""The review list kept in step with the queue.

Review items changed in a batch reload the list after a quiet time (``REVIEWS_DEBOUNCE_MS``).
Selecting a review item selects it in the queue (the panels follow); selecting a review item in
the queue selects it in the list and loads its deviations; activating a row (double-click,
Enter) selects it in the queue and emits ``activated`` (the window opens the triage panel).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from operator_app.bridge.api import DeskApi
from operator_app.domain.series import ReviewSummary
from operator_app.domain.views import AlarmView
from operator_app.ui.common import labels
from operator_app.ui.measurements.review_view import ReviewView
from operator_app.ui.queue.queue_view import AlarmQueueView
from widgets.inline_banner import INFO

#: review items changed: reload the review list after this quiet time (ms)
REVIEWS_DEBOUNCE_MS = 500
#: how long an informational banner stays (ms)
INFO_BANNER_MS = 5000


class ReviewsController(QObject):
    #: the number of review items listed changed (or was loaded)
    countChanged = Signal(int)
    #: a review item was activated and is now selected in the queue
    activated = Signal(str)
    #: text, banner level, timeout in ms
    message = Signal(str, str, int)

    def __init__(self, bridge: DeskApi, view: ReviewView, queue_view: AlarmQueueView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._view = view
        self._queue_view = queue_view
        self._count = 0
        self._syncing = False
        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.setInterval(REVIEWS_DEBOUNCE_MS)
        self.reload_timer.timeout.connect(self.load)
        bridge.reviewsLoaded.connect(self.on_reviews_loaded)
        view.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selected())
        view.reviewActivated.connect(self._on_activated)

    def load(self) -> None:
        self.reload_timer.stop()
        self._bridge.load_reviews()

    def count(self) -> int:
        return self._count

    def tab_title(self) -> str:
        return (self.tr("Review (%1)").replace("%1", str(self._count))
                if self._count else self.tr("Review"))

    def on_reviews_loaded(self, items: Sequence[ReviewSummary]) -> None:
        self._view.set_items(items)
        self._count = self._view.model.rowCount()
        self.countChanged.emit(self._count)

    def alarms_changed(self, alarms: Iterable[AlarmView], selected_id: str | None) -> None:
        """Review items in a batch reload the list (debounced); the selected review item,
        changed and still open, reloads its deviations."""
        batch = tuple(alarms)
        if any(a.kind == labels.MEASUREMENT_REVIEW for a in batch):
            self.reload_timer.start()
        if selected_id is not None and any(
                a.id == selected_id and a.kind == labels.MEASUREMENT_REVIEW and a.is_open
                for a in batch):
            self._bridge.load_deviations(selected_id)

    def follow_queue(self, alarm: AlarmView) -> None:
        """A review item was selected in the queue: its deviations, and its row in the list."""
        self._bridge.load_deviations(alarm.id)
        self._syncing = True
        try:
            self._view.select_alarm(alarm.id)
        finally:
            self._syncing = False

    def _on_selected(self) -> None:
        """Selecting a review item selects it in the queue (the panels follow)."""
        if self._syncing:
            return
        alarm_id = self._view.selected_alarm_id()
        if alarm_id is None or alarm_id == self._queue_view.selected_alarm_id():
            return
        if not self._queue_view.select_alarm(alarm_id):
            self.message.emit(self.tr("This review item is no longer in the queue."), INFO,
                              INFO_BANNER_MS)

    def _on_activated(self, alarm_id: str) -> None:
        if self._queue_view.select_alarm(alarm_id):
            self.activated.emit(alarm_id)
