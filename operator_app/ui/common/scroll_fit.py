"""A scroll area whose content wraps text: give the content the height its width needs.

``QScrollArea`` (``widgetResizable``) sizes its widget from the widget's minimum size hint,
which does not know that word-wrapped labels need more lines when the area is narrow: the rows
are then laid out too short and overlap (issue 11: "detail rows overlap when space shrinks").
``HeightForWidthFit`` watches the viewport and the content and sets the content's minimum
height to what its layout needs at the viewport's width, so the rows keep their height and the
area scrolls instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QScrollArea


class HeightForWidthFit(QObject):
    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.fit)
        area.viewport().installEventFilter(self)
        widget = area.widget()
        if widget is not None:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest,
                            QEvent.Type.Show):
            self._pending.start()
        return False

    def fit(self) -> None:
        """Now: each wrapped label at least as high as its text needs at its width (a form
        layout does not always ask), then the content's minimum height for the viewport's
        width."""
        widget = self._area.widget()
        layout = widget.layout() if widget is not None else None
        if widget is None or layout is None:
            return
        width = self._area.viewport().width()
        if width <= 0:
            return
        for label in widget.findChildren(QLabel):
            if label.wordWrap() and label.isVisibleTo(widget) and label.width() > 0:
                policy = label.sizePolicy()
                if policy.hasHeightForWidth():
                    # the layout then keeps the minimum height set here
                    policy.setHeightForWidth(False)
                    label.setSizePolicy(policy)
                # a label widened later (a splitter moved) asks again: its rows shrink back
                label.installEventFilter(self)
                need = label.heightForWidth(label.width())
                if need > 0 and (need != label.minimumHeight() or need != label.maximumHeight()):
                    # exactly: a wrapped label's size hint guesses its lines for some other
                    # width, and a form layout gave the row those lines (text a line or more
                    # below its title at 1920 px)
                    label.setFixedHeight(need)
        needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalMinimumSize().height())
        if needed > 0 and needed != widget.minimumHeight():
            widget.setMinimumHeight(needed)
