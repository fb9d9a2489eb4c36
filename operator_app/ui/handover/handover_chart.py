"""Alarms per 10 minutes across a shift: bars, answer-target breaches, flood periods.

Painted with QPainter (a few dozen bars need no plotting library). Each bar is the number of
alarms received in its 10-minute bucket; the part of the bar that missed its answer target is
drawn red and hatched at the bottom, with a ▲ marker and the count above the bar. Flood
buckets (more than 10 alarms per operator on duty) are shaded behind the bar and labelled
"flood" in the legend. The x axis shows local wall-clock times. Colour is never the only cue:
breaches are hatched and marked, floods are shaded and named.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from operator_app.domain.handover import Bucket, HandoverFigures

BAR = QColor("#5c7c99")
BREACH = QColor("#c62828")
FLOOD = QColor(230, 81, 0, 46)
FLOOD_EDGE = QColor("#e65100")
GRID = QColor("#dde3e8")
AXIS = QColor("#455a64")
NOW_LINE = QColor("#1d4f7a")


def nice_ceiling(value: int) -> int:
    """The axis maximum: 5, 10, 15, 20, 30, 40, 50, 100, ... at or above ``value``."""
    for step in (5, 10, 15, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 1000):
        if value <= step:
            return step
    return ((value + 999) // 1000) * 1000


class HandoverChart(QWidget):
    def __init__(self, parent: QWidget | None = None, *, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self.setObjectName("handoverChart")
        self.setAccessibleName(self.tr("Alarms per 10 minutes"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(170)
        self._buckets: tuple[Bucket, ...] = ()
        self._start: datetime | None = None
        self._end: datetime | None = None
        self._as_of: datetime | None = None
        self._bucket_s = 600.0

    def sizeHint(self) -> QSize:
        return QSize(700, 230)

    def set_figures(self, figures: HandoverFigures | None) -> None:
        if figures is None:
            self._buckets, self._start, self._end, self._as_of = (), None, None, None
        else:
            self._buckets = figures.buckets
            self._start, self._end, self._as_of = figures.start, figures.end, figures.as_of
            if len(figures.buckets) > 1:
                self._bucket_s = (figures.buckets[1].start - figures.buckets[0].start
                                  ).total_seconds()
        self.setToolTip(self._summary())
        self.update()

    def buckets(self) -> tuple[Bucket, ...]:
        return self._buckets

    def _summary(self) -> str:
        if not self._buckets:
            return ""
        breaches = sum(b.breaches for b in self._buckets)
        floods = sum(1 for b in self._buckets if b.flood)
        return "\n".join((
            self.tr("Highest: %n alarm(s) in 10 minutes", "",
                    max(b.alarms for b in self._buckets)),
            self.tr("%n alarm(s) past the answer target", "", breaches),
            self.tr("%n flood period(s)", "", floods),
        ))

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(self.rect(), QColor("white"))
        fm = QFontMetrics(self.font())
        left = fm.horizontalAdvance("000") + 14
        top = fm.height() + 12
        bottom = fm.height() + 10
        right = 12
        plot = QRectF(left, top, max(10, self.width() - left - right),
                      max(10, self.height() - top - bottom))
        self._paint_legend(p, fm, left)
        if not self._buckets or self._start is None or self._end is None:
            p.setPen(AXIS)
            p.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), self.tr("No alarms to show"))
            p.end()
            return
        start = self._start
        total_s = max(1.0, (self._end - start).total_seconds())
        y_max = nice_ceiling(max(1, max(b.alarms for b in self._buckets)))

        def x_at(t: datetime) -> float:
            return plot.left() + plot.width() * (t - start).total_seconds() / total_s

        def y_at(v: float) -> float:
            return plot.bottom() - plot.height() * v / y_max

        # grid and y labels
        step = max(1, y_max // 5)
        p.setFont(self.font())
        for v in range(0, y_max + 1, step):
            y = y_at(v)
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(AXIS)
            p.drawText(QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(v))

        # buckets
        for b in self._buckets:
            b_end = min(self._end, b.start + timedelta(seconds=self._bucket_s))
            x0, x1 = x_at(b.start), x_at(b_end)
            if b.flood:
                p.fillRect(QRectF(x0, plot.top(), x1 - x0, plot.height()), FLOOD)
                p.setPen(QPen(FLOOD_EDGE, 2))
                p.drawLine(QPointF(x0, plot.top() + 1), QPointF(x1, plot.top() + 1))
            if b.alarms <= 0:
                continue
            gap = max(1.0, (x1 - x0) * 0.15)
            bar = QRectF(x0 + gap / 2, y_at(b.alarms), max(1.0, x1 - x0 - gap),
                         plot.bottom() - y_at(b.alarms))
            p.fillRect(bar, BAR)
            if b.breaches:
                breach = QRectF(bar.left(), y_at(min(b.breaches, b.alarms)), bar.width(),
                                plot.bottom() - y_at(min(b.breaches, b.alarms)))
                p.fillRect(breach, BREACH)
                p.fillRect(breach, QBrush(QColor(255, 255, 255, 110),
                                          Qt.BrushStyle.BDiagPattern))
                self._paint_marker(p, fm, bar.center().x(), bar.top() - 2, b.breaches)

        # "now" on a live shift
        if self._as_of is not None and self._start < self._as_of < self._end:
            x = x_at(self._as_of)
            p.setPen(QPen(NOW_LINE, 1, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            p.setPen(NOW_LINE)
            p.drawText(QPointF(x + 3, plot.top() + fm.ascent()), self.tr("now"))

        # x axis: local times at whole hours (every 2 h on long shifts)
        p.setPen(QPen(AXIS, 1))
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        hours = total_s / 3600
        every = 1 if plot.width() / max(1.0, hours) > fm.horizontalAdvance("00:00") * 1.6 else 2
        local_start = self._start.astimezone(self._tz)
        first = local_start.replace(minute=0, second=0, microsecond=0)
        if first < local_start:
            first += timedelta(hours=1)
        t = first
        last_right = -1e9
        while t <= self._end:
            local = t.astimezone(self._tz)
            if local.hour % every == 0:
                x = x_at(t)
                text = local.strftime("%H:%M")
                w = fm.horizontalAdvance(text)
                tx = min(max(0.0, x - w / 2), self.width() - w - 1.0)
                if tx > last_right + 4:
                    p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
                    p.drawText(QPointF(tx, plot.bottom() + 5 + fm.ascent()), text)
                    last_right = tx + w
            t += timedelta(hours=1)
        p.end()

    def _paint_marker(self, p: QPainter, fm: QFontMetrics, x: float, y: float,
                      count: int) -> None:
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(BREACH)
        p.drawPolygon(QPolygonF([QPointF(x - 4, y), QPointF(x + 4, y), QPointF(x, y - 6)]))
        p.restore()

    def _paint_legend(self, p: QPainter, fm: QFontMetrics, left: float) -> None:
        x = left
        y = 6.0
        h = fm.height()
        items = (
            (BAR, None, self.tr("alarms received")),
            (BREACH, Qt.BrushStyle.BDiagPattern, self.tr("▲ past answer target")),
            (FLOOD, None, self.tr("flood (> 10 per operator)")),
        )
        for colour, pattern, text in items:
            box = QRectF(x, y + 2, h - 4, h - 4)
            p.fillRect(box, colour)
            if pattern is not None:
                p.fillRect(box, QBrush(QColor(255, 255, 255, 110), pattern))
            p.setPen(AXIS)
            p.drawText(QPointF(x + h, y + fm.ascent()), text)
            x += h + fm.horizontalAdvance(text) + 18
