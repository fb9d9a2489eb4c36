"""Audible alarm signals in the IEC 60601-1-8 manner, with a visual fallback.

Priority levels come in as plain strings (``"high"``, ``"medium"``, ``"low"``) so that this
module stays independent of the application.

Patterns (IEC 60601-1-8, REFERENCE §3.3), generated once as small WAV files (16-bit mono sine
pulses with two harmonics, 20 ms attack/decay ramps so they do not click):

- **high**: a 10-pulse burst ``x x x _ x x ___ x x x _ x x`` (pulses 150 ms, 100 ms apart);
  the caller repeats it every ``REPEAT_S["high"]`` = 10 s (IEC: 2.5-15 s).
- **medium**: 3 pulses ``x x x`` (200 ms, 150 ms apart), repeated every 20 s (IEC: 2.5-30 s).
- **low**: 2 pulses ``x x`` (250 ms, 200 ms apart), lower pitch; IEC leaves repetition optional,
  the desk repeats it every 60 s.

``signal(level)`` plays one burst. The caller (the escalation monitor) decides when to signal
again. Whatever the audio state, ``signalled(level, audible)`` is emitted so the window can give
a visual signal; it is the *only* signal when audio is paused or unavailable.

No audio device (headless, no PulseAudio): ``QSoundEffect`` reports ``Status.Error``;
``available`` becomes False and ``availabilityChanged(False)`` is emitted once. Nothing raises.
Qt itself logs warnings in that case (``PulseAudioService: pa_context_connect() failed``,
``QSoundEffect: playback of this format is not supported``); see ``QT_AUDIO_WARNINGS``.

Audio pause (IEC "audio paused"): ``pause(seconds)`` silences every level until ``resume()`` or
until the time runs out; ``paused`` and ``pausedChanged(bool)`` let the UI show the paused state
and the remaining time (``pause_remaining_s``), as IEC 60601-1-8 requires.
"""

from __future__ import annotations

import math
import os
import struct
import tempfile
import wave
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

HIGH = "high"
MEDIUM = "medium"
LOW = "low"
LEVELS: tuple[str, ...] = (HIGH, MEDIUM, LOW)

#: seconds between bursts while an alarm condition lasts (IEC ranges: high 2.5-15 s,
#: medium 2.5-30 s, low > 15 s or none)
REPEAT_S: dict[str, float] = {HIGH: 10.0, MEDIUM: 20.0, LOW: 60.0}

#: regular expressions of the warnings Qt Multimedia logs on a machine without an audio device
#: (for ``qt_log_ignore`` in tests and for the desk's Qt-log routing)
QT_AUDIO_WARNINGS: tuple[str, ...] = (
    r"Couldn't (load|resolve) .*",
    r"PulseAudioService: .*",
    r"QSoundEffect: .*",
    r"Using Qt multimedia with FFmpeg.*",
)

_RATE = 22050

# (pulse ms, gap ms after the pulse) per pulse; a gap of 0 ends the burst
_PATTERNS: dict[str, tuple[tuple[int, int], ...]] = {
    HIGH: ((150, 100), (150, 100), (150, 300), (150, 100), (150, 600),
           (150, 100), (150, 100), (150, 300), (150, 100), (150, 0)),
    MEDIUM: ((200, 150), (200, 150), (200, 0)),
    LOW: ((250, 200), (250, 0)),
}
_PITCH_HZ: dict[str, float] = {HIGH: 880.0, MEDIUM: 660.0, LOW: 440.0}


def pulse_count(level: str) -> int:
    """Pulses per burst: high 10, medium 3, low 2 (unknown levels count as high)."""
    return len(_PATTERNS.get(level, _PATTERNS[HIGH]))


def burst_samples(level: str, rate: int = _RATE) -> list[int]:
    """16-bit samples of one burst of ``level`` (an unknown level gets the high pattern)."""
    pattern = _PATTERNS.get(level, _PATTERNS[HIGH])
    pitch = _PITCH_HZ.get(level, _PITCH_HZ[HIGH])
    ramp = int(0.02 * rate)
    out: list[int] = []
    for pulse_ms, gap_ms in pattern:
        n = int(pulse_ms * rate / 1000)
        for i in range(n):
            env = min(1.0, i / ramp, (n - 1 - i) / ramp)
            t = i / rate
            # fundamental + 2nd and 3rd harmonics (IEC wants at least four harmonics for
            # localisation; three partials keep the file small and the tone pleasant)
            v = (math.sin(2 * math.pi * pitch * t)
                 + 0.5 * math.sin(4 * math.pi * pitch * t)
                 + 0.3 * math.sin(6 * math.pi * pitch * t)) / 1.8
            out.append(int(12000 * env * v))
        out.extend([0] * int(gap_ms * rate / 1000))
    return out


def write_wav(path: Path, samples: Sequence[int], rate: int = _RATE) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return path


def default_cache_dir() -> Path:
    """Where the generated WAV files go by default (per user, in the temp folder)."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
    return Path(tempfile.gettempdir()) / f"operator-desk-sounds-{user}"


def write_patterns(folder: Path) -> dict[str, Path]:
    """One WAV per level in ``folder`` (written only when missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for level in LEVELS:
        path = folder / f"alarm_{level}.wav"
        if not path.is_file() or path.stat().st_size == 0:
            # write aside, then rename: two desks starting at once never read half a file
            tmp = folder / f".alarm_{level}.{os.getpid()}.tmp"
            write_wav(tmp, burst_samples(level))
            os.replace(tmp, path)
        out[level] = path
    return out


class AlarmSound(QObject):
    """Plays IEC-style bursts per priority level; pause/resume; reports availability.

    ``enabled=False`` never touches Qt Multimedia (tests, ``--no-audio``): ``available`` is then
    False from the start. ``cache_dir`` is where the WAV files go (default:
    ``default_cache_dir()``). ``now`` is injectable for tests (monotonic seconds).
    """

    availabilityChanged = Signal(bool)
    pausedChanged = Signal(bool)
    #: level, audible: emitted on every ``signal(level)`` so the UI can flash a visual signal
    signalled = Signal(str, bool)

    def __init__(self, parent: QObject | None = None, *, enabled: bool = True,
                 cache_dir: Path | None = None,
                 now: Callable[[], float] | None = None) -> None:
        super().__init__(parent)
        import time

        self._now: Callable[[], float] = now or time.monotonic
        self._paused_until: float | None = None
        self._available = False
        self._effects: dict[str, object] = {}
        self._resume_timer = QTimer(self)
        self._resume_timer.setSingleShot(True)
        self._resume_timer.timeout.connect(self.resume)
        if enabled:
            self._setup(cache_dir)

    # --- setup -----------------------------------------------------------------------------

    def _setup(self, cache_dir: Path | None) -> None:
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError:  # pragma: no cover - PySide6-Addons or libpulse missing
            return
        try:
            paths = write_patterns(cache_dir or default_cache_dir())
        except OSError:
            return
        if not QMediaDevices.audioOutputs():
            return  # no device: stay unavailable, create nothing that would log errors
        for level, path in paths.items():
            effect = QSoundEffect(self)
            effect.setVolume(0.8)
            effect.statusChanged.connect(self._on_status)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[level] = effect
        self._set_available(True)
        self._on_status()

    def _on_status(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        if any(e.status() is QSoundEffect.Status.Error  # type: ignore[attr-defined]
               for e in self._effects.values()):
            self._set_available(False)

    def _set_available(self, value: bool) -> None:
        if value != self._available:
            self._available = value
            self.availabilityChanged.emit(value)

    # --- state -----------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """Whether sound can be played at all (False: no device or the device failed)."""
        return self._available

    @property
    def paused(self) -> bool:
        return self._paused_until is not None

    def pause_remaining_s(self) -> float:
        """Seconds until the pause ends by itself (0 when not paused)."""
        if self._paused_until is None:
            return 0.0
        return max(0.0, self._paused_until - self._now())

    # --- actions ---------------------------------------------------------------------------

    def signal(self, level: str) -> bool:
        """Play one burst of ``level``; True when it was audible. Never raises."""
        audible = self._available and not self.paused
        if audible:
            effect = self._effects.get(level) or self._effects.get(HIGH)
            try:
                effect.play()  # type: ignore[attr-defined]
            except RuntimeError:  # pragma: no cover - effect deleted under us
                audible = False
        self.signalled.emit(level, audible)
        return audible

    def pause(self, seconds: float) -> None:
        """Silence every level for ``seconds`` (IEC audio paused), or until ``resume()``."""
        seconds = max(0.0, float(seconds))
        was = self.paused
        self._paused_until = self._now() + seconds
        for effect in self._effects.values():
            effect.stop()  # type: ignore[attr-defined]
        self._resume_timer.start(max(1, int(seconds * 1000)))
        if not was:
            self.pausedChanged.emit(True)

    def resume(self) -> None:
        self._resume_timer.stop()
        if self._paused_until is not None:
            self._paused_until = None
            self.pausedChanged.emit(False)
