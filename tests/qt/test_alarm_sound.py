from __future__ import annotations

import wave
from pathlib import Path
from typing import Any

import pytest

from widgets.alarm_sound import (
    QT_AUDIO_WARNINGS,
    REPEAT_S,
    AlarmSound,
    burst_samples,
    pulse_count,
    write_patterns,
)

pytestmark = pytest.mark.qt


def test_patterns_follow_iec_pulse_counts(tmp_path: Path) -> None:
    assert (pulse_count("high"), pulse_count("medium"), pulse_count("low")) == (10, 3, 2)
    assert pulse_count("bogus") == 10  # fail safe: unknown is high
    assert 2.5 <= REPEAT_S["high"] <= 15 and 2.5 <= REPEAT_S["medium"] <= 30
    paths = write_patterns(tmp_path)
    for level, path in paths.items():
        with wave.open(str(path)) as w:
            assert w.getnchannels() == 1 and w.getsampwidth() == 2
            assert w.getnframes() == len(burst_samples(level))
    assert max(abs(v) for v in burst_samples("high")) < 32768


def test_disabled_sound_is_unavailable_and_visual(qtbot: Any) -> None:
    sound = AlarmSound(enabled=False)
    seen: list[tuple[str, bool]] = []
    sound.signalled.connect(lambda level, audible: seen.append((level, audible)))
    assert not sound.available
    assert sound.signal("high") is False
    assert seen == [("high", False)]


@pytest.mark.qt_log_ignore(*QT_AUDIO_WARNINGS)
def test_real_device_state_never_raises_and_pause_toggles(qtbot: Any, tmp_path: Path) -> None:
    clock = [100.0]
    sound = AlarmSound(cache_dir=tmp_path, now=lambda: clock[0])
    availability: list[bool] = []
    sound.availabilityChanged.connect(availability.append)
    qtbot.wait(200)  # whatever the device does (no device here: Status.Error)
    sound.signal("medium")
    sound.signal("low")
    assert isinstance(sound.available, bool)

    with qtbot.waitSignal(sound.pausedChanged) as blocker:
        sound.pause(120)
    assert blocker.args == [True]
    assert sound.paused
    clock[0] += 20
    assert sound.pause_remaining_s() == pytest.approx(100)
    assert sound.signal("high") is False  # paused: never audible
    with qtbot.waitSignal(sound.pausedChanged) as blocker:
        sound.resume()
    assert blocker.args == [False]
    assert not sound.paused and sound.pause_remaining_s() == 0


def test_pause_ends_by_itself(qtbot: Any) -> None:
    sound = AlarmSound(enabled=False)
    sound.pause(0.05)
    assert sound.paused
    with qtbot.waitSignal(sound.pausedChanged, timeout=2000) as blocker:
        pass
    assert blocker.args == [False]
    assert not sound.paused
