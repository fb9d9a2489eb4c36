from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor, QIcon

from widgets.blink_clock import BlinkClock
from widgets.connection_indicator import ConnectionIndicator
from widgets.inline_banner import ERROR, InlineBanner
from widgets.priority_delegate import PriorityDelegate
from widgets.priority_style import priority_rank, priority_style

pytestmark = pytest.mark.qt


def test_priority_style_prefixes_and_flash_rates() -> None:
    assert [priority_style(x).prefix for x in ("high", "medium", "low")] == ["***", "**", "*"]
    assert priority_style("high").half_period_ms == 250  # 2 Hz
    assert priority_style("medium").half_period_ms == 1000  # 0.5 Hz
    assert not priority_style("low").flashes
    assert priority_style("bogus") == priority_style("high")  # fail safe
    assert priority_rank("low") == 2


def test_blink_clock_phases(qtbot: Any) -> None:
    clock = BlinkClock()
    phases = []
    clock.phaseChanged.connect(lambda h, m: phases.append((h, m)))
    for _ in range(8):
        clock.advance()
    highs = [h for h, _ in phases]
    mediums = [m for _, m in phases]
    assert highs == [False, True] * 4  # toggles every 250 ms tick
    assert mediums == [True, True, True, False, False, False, False, True]  # every 4 ticks


def test_delegate_lit_state(qtbot: Any) -> None:
    delegate = PriorityDelegate(1, 2, {"high": QIcon()})
    delegate.set_blink_phase(False, True)
    assert not delegate.is_lit("high", flashing=True)
    assert delegate.is_lit("high", flashing=False)
    assert delegate.is_lit("medium", flashing=True)
    assert delegate.is_lit("low", flashing=True)


def test_connection_indicator(qtbot: Any) -> None:
    indicator = ConnectionIndicator()
    qtbot.addWidget(indicator)
    indicator.set_state("<b>Stale</b>", "#e65100", "tip")
    assert indicator.word() == "<b>Stale</b>"
    assert indicator.colour() == QColor("#e65100")


def test_inline_banner(qtbot: Any) -> None:
    banner = InlineBanner()
    qtbot.addWidget(banner)
    banner.show_message("<i>x</i>", ERROR)
    assert banner.is_shown() and banner.text() == "<i>x</i>"
    with qtbot.waitSignal(banner.dismissed):
        banner.dismiss()
    assert not banner.is_shown()


def _paint_cell(delegate: PriorityDelegate, index: Any, selected: bool = False) -> Any:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    image = QImage(140, 28, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 140, 28)
    option.state = QStyle.StateFlag.State_Enabled | (
        QStyle.StateFlag.State_Selected if selected else QStyle.StateFlag.State_None)
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    return image


def test_delegate_draws_a_cell_from_its_picture_the_same_and_keeps_few(qtbot: Any) -> None:
    """The picture kept per (level, lit, text, size, font) paints what drawing it did: the
    chip's colours by level and blink phase; a selected cell is drawn each time."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    level_role, flashing_role = 300, 301
    model = QStandardItemModel()
    for level in ("high", "medium", "low"):
        item = QStandardItem(f"*** {level}")
        item.setData(level, level_role)
        item.setData(True, flashing_role)
        model.appendRow(item)
    delegate = PriorityDelegate(level_role, flashing_role, {})
    high, medium = model.index(0, 0), model.index(1, 0)
    first = _paint_cell(delegate, high)
    again = _paint_cell(delegate, high)
    assert first == again and len(delegate._pictures) == 1
    fill = first.pixelColor(10, 14)
    assert fill == priority_style("high").fill_on
    assert _paint_cell(delegate, medium).pixelColor(10, 14) == priority_style("medium").fill_on
    delegate.set_blink_phase(False, True)  # the high chip's "off" half: another picture
    assert _paint_cell(delegate, high).pixelColor(10, 14) == priority_style("high").fill_off
    assert len(delegate._pictures) == 3
    live = _paint_cell(delegate, high, selected=True)  # drawn each time, not kept
    assert len(delegate._pictures) == 3
    assert live.pixelColor(10, 14) == priority_style("high").fill_off
    for n in range(200):  # many texts: the kept pictures stay few
        model.item(2).setText(f"* low {n}")
        _paint_cell(delegate, model.index(2, 0))
    assert len(delegate._pictures) <= 64
