"""Issue 11, point 2: escalation is one coloured line with the count and the oldest overdue
age, updating live; the full list is a click away; it never takes the queue's room."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from fake_bridge import FakeBridge
from PySide6.QtWidgets import QWidget
from qt_samples import NOW, make_alarm

from operator_app.domain.alarms import Priority
from operator_app.ui.escalation.escalation_line import TOOLTIP_LINES
from operator_app.ui.shell.main_window import MainWindow
from widgets.alarm_sound import AlarmSound
from widgets.inline_banner import ERROR, WARNING


def _desk(qtbot: Any, bridge: FakeBridge, clock: list[datetime]) -> MainWindow:
    win = MainWindow(bridge, "anne", "RS-03", sound=AlarmSound(enabled=False),
                     now=lambda: clock[0])
    qtbot.addWidget(win)
    win.resize(1366, 736)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # offscreen: a popup
def test_one_line_with_count_and_oldest_age_that_moves_with_the_clock(
        qtbot: Any, bridge: FakeBridge) -> None:
    clock = [NOW]
    win = _desk(qtbot, bridge, clock)
    bridge.push(*[make_alarm(f"H-{i}", priority=Priority.HIGH, age_s=100 + 10 * i,
                             patient_id=f"P-{i}", patient_name=f"Person {i}")
                  for i in range(11)],
                make_alarm("M-1", priority=Priority.MEDIUM, age_s=20))
    win.tick(clock[0])
    line = win.alert_banner
    assert line.is_shown() and line.level() == ERROR
    # (the English plural forms come from the catalogue, not loaded here: "alarm(s)")
    assert line.summary().startswith("11 high alarm")
    assert line.summary().endswith("past the answer target · oldest waiting 3:20")
    height = line.height()
    # a minute later: the same line, the age moved on, no new lines, no taller
    clock[0] = NOW + timedelta(seconds=60)
    win.tick(clock[0])
    assert line.summary().endswith("past the answer target · oldest waiting 4:20")
    assert line.height() == height
    # the full list: every overdue alarm, oldest first, with its live age
    texts = [text for _id, text in line.lines()]
    assert len(texts) == 11
    assert texts[0] == "High alarm waiting 4:20 — past its 60 s target: Fall — Person 10"
    assert line.menu().actions() == []  # built when it opens, not every second
    line.menu().popup(line.list_button.mapToGlobal(line.list_button.rect().bottomLeft()))
    assert [a.text() for a in line.menu().actions()] == texts
    # while it is open the ages move on in it too
    clock[0] = NOW + timedelta(seconds=70)
    win.tick(clock[0])
    assert line.menu().actions()[0].text().startswith("High alarm waiting 4:30")
    line.menu().close()


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # offscreen: a popup
def test_choosing_from_the_full_list_selects_the_alarm(qtbot: Any,
                                                         bridge: FakeBridge) -> None:
    clock = [NOW]
    win = _desk(qtbot, bridge, clock)
    bridge.push(make_alarm("H-1", age_s=300, patient_name="Eva Strand"),
                make_alarm("H-2", age_s=200, patient_name="Per Olsen"))
    win.tick(clock[0])
    win.alert_banner.menu().popup(win.alert_banner.mapToGlobal(win.alert_banner.rect().center()))
    actions = win.alert_banner.menu().actions()
    assert [a.data() for a in actions] == ["H-1", "H-2"]
    actions[1].trigger()
    assert win.queue_view.selected_alarm_id() == "H-2"


def test_claimed_alarms_leave_the_line_and_a_reminder_alone_is_amber(
        qtbot: Any, bridge: FakeBridge) -> None:
    clock = [NOW]
    win = _desk(qtbot, bridge, clock)
    alarm = make_alarm("H-1", age_s=300, patient_name="Eva Strand")
    bridge.push(alarm, make_alarm("H-2", age_s=1200, claimed_by="anne",
                                  claimed_at=NOW - timedelta(minutes=16)))
    win.tick(clock[0])
    summary = win.alert_banner.summary()
    assert summary.startswith("1 high alarm") and "oldest waiting 5:00" in summary
    assert summary.endswith("held long: close or release")
    bridge.push(make_alarm("H-1", age_s=300, claimed_by="kari", claimed_at=NOW))
    win.tick(clock[0])
    assert win.alert_banner.summary().startswith("1 claim")
    assert "high alarm" not in win.alert_banner.summary()
    assert win.alert_banner.level() == WARNING


def test_the_tooltip_names_the_first_lines_and_counts_the_rest(qtbot: Any,
                                                               bridge: FakeBridge) -> None:
    clock = [NOW]
    win = _desk(qtbot, bridge, clock)
    bridge.push(*[make_alarm(f"H-{i:02d}", priority=Priority.HIGH, age_s=100 + i,
                             patient_id=f"P-{i}", patient_name=f"Person {i}")
                  for i in range(20)])
    win.tick(clock[0])
    line = win.alert_banner
    assert len(line.lines()) == 20  # the full list keeps every line
    summary = line.findChild(QWidget, "escalationSummary")
    assert summary is not None
    tip = summary.toolTip().split("\n")
    assert len(tip) == TOOLTIP_LINES + 1
    assert tip[:TOOLTIP_LINES] == [text for _id, text in line.lines()[:TOOLTIP_LINES]]
    assert tip[-1] == f"… and {20 - TOOLTIP_LINES} more"
