"""Qt test fixtures: a FakeBridge with the DeskBridge signals that records the calls made."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fake_bridge import FakeBridge
from qt_samples import NOW, sample_alarms

from operator_app.domain.views import AlarmView


@pytest.fixture
def bridge() -> FakeBridge:
    return FakeBridge()


@pytest.fixture
def window(qtbot: Any, bridge: FakeBridge) -> Iterator[Any]:
    from operator_app.ui.shell.main_window import MainWindow
    from widgets.alarm_sound import AlarmSound

    win = MainWindow(bridge, "anne", "RS-03", sound=AlarmSound(enabled=False), now=lambda: NOW)
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: win.isActiveWindow())
    win.tick(NOW)
    yield win
    win.close()


@pytest.fixture
def samples() -> list[AlarmView]:
    return sample_alarms("anne")
