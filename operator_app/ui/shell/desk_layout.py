"""The main window's layout: banners on top, then two columns of splitters.

Left: the queue (heading, feed warning, table; never collapsed or squeezed away) over the bottom
tabs. Right: [patient | measurements] over the triage panel. Until the operator moves a splitter
the window splits itself for its size (``apply_default_sizes``) each time it is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
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

        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.addWidget(queue_box)
        self.left_splitter.addWidget(tabs)
        self.left_splitter.setStretchFactor(0, 3)
        self.left_splitter.setStretchFactor(1, 1)
        self.left_splitter.setChildrenCollapsible(False)
        self.left_splitter.setSizes([640, 300])

        patient.setMinimumWidth(260)
        # the measurements scroll inside their part: however much they show (plots, tables),
        # their minimum size never pushes the window past the screen (issue 11)
        self.measurements_scroll = QScrollArea()
        self.measurements_scroll.setObjectName("measurementsScroll")
        self.measurements_scroll.setWidgetResizable(True)
        self.measurements_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.measurements_scroll.setWidget(measurements)
        self._fit_measurements = HeightForWidthFit(self.measurements_scroll)
        self.measurements_scroll.setMinimumSize(320, 120)
        self.measurements_scroll.setAccessibleName(measurements.accessibleName()
                                                   or self.tr("Home measurements"))
        self.top_right_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_right_splitter.setObjectName("patientSplitter")
        self.top_right_splitter.addWidget(patient)
        self.top_right_splitter.addWidget(self.measurements_scroll)
        self.top_right_splitter.setStretchFactor(0, 2)
        self.top_right_splitter.setStretchFactor(1, 3)
        self.top_right_splitter.setChildrenCollapsible(False)
        self.top_right_splitter.setSizes([400, 600])

        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setObjectName("triageSplitter")
        self.right_splitter.addWidget(self.top_right_splitter)
        self.right_splitter.addWidget(triage)
        self.right_splitter.setStretchFactor(0, 3)
        self.right_splitter.setStretchFactor(1, 2)
        self.right_splitter.setChildrenCollapsible(False)
        self.right_splitter.setSizes([520, 420])

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.setSizes([880, 1020])

        self._user_sized = False
        for splitter in (self.main_splitter, self.left_splitter, self.right_splitter,
                         self.top_right_splitter):
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

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._user_sized = True

    def splitters(self) -> list[QSplitter]:
        """Every splitter, for the window memory (each has an object name)."""
        return [self.main_splitter, self.left_splitter, self.right_splitter,
                self.top_right_splitter]

    def mark_user_sized(self) -> None:
        """The splitters were restored from what the operator left: keep them."""
        self._user_sized = True

    def apply_default_sizes(self) -> None:
        """Split the window for its size: the queue side gets about 52 % of the width (at
        least 760 px, enough for every column but the message), the queue about 72 % of its
        column, the triage panel at least 350 px of height."""
        width = max(1, self.main_splitter.width())
        height = max(1, self.right_splitter.height())
        left = min(max(760, int(width * 0.52)), width - 600)
        self.main_splitter.setSizes([left, width - left])
        left_h = max(1, self.left_splitter.height())
        tabs = max(170, int(left_h * 0.28))
        self.left_splitter.setSizes([left_h - tabs, tabs])
        # the triage panel: its actions (about 250 px) and a few detail rows (they scroll); the rest goes
        # to the patient and the measurements (at 768 px high they need every pixel)
        triage = max(350, int(height * 0.44))
        self.right_splitter.setSizes([height - triage, triage])
        right = width - left
        self.top_right_splitter.setSizes([int(right * 0.42), right - int(right * 0.42)])

    def window_resized(self) -> None:
        """The window got a new size: split it anew unless the operator moved a splitter."""
        if not self._user_sized:
            # after the layout has given the splitters their new size
            QTimer.singleShot(0, self._apply_default_sizes_if_unmoved)

    def _apply_default_sizes_if_unmoved(self) -> None:
        if not self._user_sized:
            self.apply_default_sizes()
