"""The main window's layout: banners on top, then two columns of splitters.

Left: the queue (heading, feed warning, table; never collapsed or squeezed away) over
[home measurements | bottom tabs]. Right: the patient over the triage panel. (At 1366x768 the
measurements had 30-80 px above the triage panel; under the queue they show a whole plot.)
Until the operator moves a splitter the window splits itself for its size
(``apply_default_sizes``) each time it is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from operator_app.ui.common.scroll_fit import HeightForWidthFit

#: below this height the measurements part shows the latest values as a tab, not above the plots
#: (heading, NEWS2, six latest values and one 150 px plot need about 480 px)
COMPACT_BELOW = 480


class DeskLayout(QObject):
    def __init__(self, window: QMainWindow, *, banners: list[QWidget],
                 queue_parts: list[QWidget], queue: QWidget, tabs: QWidget, patient: QWidget,
                 measurements: QWidget, triage: QWidget) -> None:
        super().__init__(window)
        queue_box = QWidget()
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.setSpacing(4)
        for part in queue_parts:
            queue_layout.addWidget(part)
        queue_layout.addWidget(queue, 1)

        # the queue can never be collapsed or squeezed away by a splitter
        queue_box.setMinimumSize(520, 260)
        tabs.setMinimumHeight(150)

        patient.setMinimumWidth(260)
        # the measurements scroll inside their part: however much they show (plots, tables),
        # their minimum size never pushes the window past the screen (issue 11)
        self.measurements_scroll = QScrollArea()
        self.measurements_scroll.setObjectName("measurementsScroll")
        self.measurements_scroll.setWidgetResizable(True)
        self.measurements_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.measurements_scroll.setWidget(measurements)
        self._fit_measurements = HeightForWidthFit(self.measurements_scroll)
        self._measurements = measurements
        self.measurements_scroll.viewport().installEventFilter(self)
        self.measurements_scroll.setMinimumSize(320, 120)
        self.measurements_scroll.setAccessibleName(measurements.accessibleName()
                                                   or self.tr("Home measurements"))
        # under the queue: the home measurements (wide, so a plot is readable) beside the bottom
        # tabs (today's log, reviews, callbacks), which are often empty and can be narrow
        self.bottom_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.bottom_splitter.setObjectName("measurementsSplitter")
        self.bottom_splitter.addWidget(self.measurements_scroll)
        self.bottom_splitter.addWidget(tabs)
        self.bottom_splitter.setStretchFactor(0, 3)
        self.bottom_splitter.setStretchFactor(1, 2)
        self.bottom_splitter.setChildrenCollapsible(False)
        tabs.setMinimumWidth(220)

        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.addWidget(queue_box)
        self.left_splitter.addWidget(self.bottom_splitter)
        self.left_splitter.setStretchFactor(0, 1)
        self.left_splitter.setStretchFactor(1, 1)
        self.left_splitter.setChildrenCollapsible(False)
        self.left_splitter.setSizes([440, 500])

        # right: the patient over the triage panel, both as wide as the column
        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setObjectName("triageSplitter")
        self.right_splitter.addWidget(patient)
        self.right_splitter.addWidget(triage)
        self.right_splitter.setStretchFactor(0, 1)
        self.right_splitter.setStretchFactor(1, 1)
        self.right_splitter.setChildrenCollapsible(False)
        self.right_splitter.setSizes([420, 520])

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.setSizes([1000, 900])

        self._user_sized = False
        for splitter in self.splitters():
            splitter.splitterMoved.connect(self._on_splitter_moved)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(4)
        for banner in banners:
            layout.addWidget(banner)
        body = QHBoxLayout()
        body.addWidget(self.main_splitter)
        layout.addLayout(body, 1)
        window.setCentralWidget(central)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.measurements_scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_measurements_to_height()
        return False

    def _fit_measurements_to_height(self) -> None:
        """Low (1366x768): the latest values move into a tab so a whole trend plot fits."""
        set_compact = getattr(self._measurements, "set_compact", None)
        if set_compact is not None:
            set_compact(self.measurements_scroll.viewport().height() < COMPACT_BELOW)

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._user_sized = True

    def splitters(self) -> list[QSplitter]:
        """Every splitter, for the window memory (each has an object name)."""
        return [self.main_splitter, self.left_splitter, self.right_splitter,
                self.bottom_splitter]

    def mark_user_sized(self) -> None:
        """The splitters were restored from what the operator left: keep them."""
        self._user_sized = True

    def apply_default_sizes(self) -> None:
        """Split the window for its size: the queue side gets about 55 % of the width (at
        least 740 px, every column visible), the queue about 45 % of its column but at least
        six rows; below it the measurements get 58 % of the width beside the bottom tabs.
        The triage panel gets at least 360 px of height, the patient the rest."""
        width = max(1, self.main_splitter.width())
        height = max(1, self.right_splitter.height())
        left = min(max(740, int(width * 0.55)), width - 540)
        self.main_splitter.setSizes([left, width - left])
        left_h = max(1, self.left_splitter.height())
        queue = min(max(260, int(left_h * 0.45)), left_h - 300)
        self.left_splitter.setSizes([queue, left_h - queue])
        measurements = int(left * 0.58)
        self.bottom_splitter.setSizes([measurements, left - measurements])
        triage = max(360, int(height * 0.55))
        self.right_splitter.setSizes([height - triage, triage])

    def window_resized(self) -> None:
        """The window got a new size: split it anew unless the operator moved a splitter."""
        if not self._user_sized:
            # after the layout has given the splitters their new size
            QTimer.singleShot(0, self._apply_default_sizes_if_unmoved)

    def _apply_default_sizes_if_unmoved(self) -> None:
        if not self._user_sized:
            self.apply_default_sizes()
