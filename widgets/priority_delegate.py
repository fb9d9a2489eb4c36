"""Paints a priority cell: colour fill + shape icon + prefixed text; flashes high and medium.

The delegate reads roles, never display text: the level (``"high"``/``"medium"``/``"low"``)
comes from ``level_role`` and whether the cell should flash (e.g. not yet claimed) from
``flashing_role``. The blink phase is set from outside (one shared :class:`BlinkClock`).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from widgets.priority_style import HIGH, MEDIUM, priority_style

ICON_SIZE = 16
_PAD = 4
#: states drawn each time (the platform style draws under the chip); the rest from a picture
_LIVE_STATES = (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus
                | QStyle.StateFlag.State_MouseOver)
#: pictures kept (levels x lit x texts x sizes: a handful in use); cleared when full
_PICTURES = 64


class PriorityDelegate(QStyledItemDelegate):
    def __init__(self, level_role: int, flashing_role: int, icons: Mapping[str, QIcon],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level_role = level_role
        self._flashing_role = flashing_role
        self._icons = dict(icons)
        self._high_on = True
        self._medium_on = True
        #: (level, lit, text, width, height, pixel ratio, font) -> the painted chip
        self._pictures: dict[tuple[object, ...], QPixmap] = {}

    # -- blink phase -------------------------------------------------------------------------
    def set_blink_phase(self, high_on: bool, medium_on: bool) -> None:
        self._high_on = high_on
        self._medium_on = medium_on

    def blink_phase(self) -> tuple[bool, bool]:
        return self._high_on, self._medium_on

    def is_lit(self, level: str, flashing: bool) -> bool:
        """Whether a cell of ``level`` is in its "on" half right now."""
        style = priority_style(level)
        if not flashing or not style.flashes:
            return True
        return self._medium_on if level == MEDIUM else self._high_on

    # -- painting ----------------------------------------------------------------------------
    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + ICON_SIZE + 3 * _PAD, max(hint.height(), ICON_SIZE + 2 * _PAD))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """A cell that is not selected, focused or hovered is drawn from a picture kept per
        (level, lit, text, size, font): a queue of a few levels repaints with one call into Qt
        per cell instead of ~25 (painting the queue was two thirds of the GUI thread's busy
        time with alarms arriving, benchmarks/latency.py)."""
        level = str(index.data(self._level_role) or HIGH)
        lit = self.is_lit(level, bool(index.data(self._flashing_role)))
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if option.state & _LIVE_STATES:
            self._paint_live(painter, option, index, level, lit, text)
            return
        rect = option.rect
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        key = (level, lit, text, rect.width(), rect.height(), ratio, option.font.key())
        picture = self._pictures.get(key)
        if picture is None:
            if len(self._pictures) >= _PICTURES:
                self._pictures.clear()
            picture = QPixmap(QSize(round(rect.width() * ratio), round(rect.height() * ratio)))
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            on_picture = QPainter(picture)
            self._draw_chip(on_picture, QRect(0, 0, rect.width(), rect.height()), level, lit,
                            text, option.font)
            on_picture.end()
            self._pictures[key] = picture
        painter.drawPixmap(rect.topLeft(), picture)

    def _paint_live(self, painter: QPainter, option: QStyleOptionViewItem,
                    index: QModelIndex | QPersistentModelIndex, level: str, lit: bool,
                    text: str) -> None:
        """The selected, focused or hovered cell: the platform style's background and frame
        under the chip, drawn each time."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        painter.save()
        # the selection/focus background from the platform style
        widget = opt.widget
        qstyle = widget.style() if widget is not None else None
        if qstyle is not None:
            opt.text = ""
            opt.icon = QIcon()
            qstyle.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        self._draw_chip(painter, option.rect, level, lit, text, opt.font)
        if opt.state & QStyle.StateFlag.State_Selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(opt.palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRoundedRect(option.rect.adjusted(1, 1, -1, -1), 3, 3)
        painter.restore()

    def _draw_chip(self, painter: QPainter, rect: QRect, level: str, lit: bool, text: str,
                   font: QFont) -> None:
        """The coloured chip: rounded fill, shape icon, bold elided text."""
        style = priority_style(level)
        painter.save()
        cell = rect.adjusted(2, 2, -2, -2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.fill_on.darker(130), 1))
        painter.setBrush(style.fill_on if lit else style.fill_off)
        painter.drawRoundedRect(cell, 3, 3)
        icon = self._icons.get(level)
        x = cell.left() + _PAD
        if icon is not None and not icon.isNull():
            icon_rect = QRect(x, cell.center().y() - ICON_SIZE // 2 + 1, ICON_SIZE, ICON_SIZE)
            icon.paint(painter, icon_rect)
            x += ICON_SIZE + _PAD
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(style.text_on if lit else style.text_off)
        text_rect = QRect(x, cell.top(), max(0, cell.right() - x - _PAD), cell.height())
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                  text_rect.width())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         elided)
        painter.restore()
