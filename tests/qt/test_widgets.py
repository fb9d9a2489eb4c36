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
