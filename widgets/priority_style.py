"""Colours, prefixes and shapes per alarm priority (IEC 60601-1-8 presentation).

Priority levels come in as plain strings (``"high"``, ``"medium"``, ``"low"``) so that this
module stays independent of the application. Colour is never the only cue: every level also
has a text prefix (``***`` / ``**`` / ``*``), a shape icon (given by the caller) and a word.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

HIGH = "high"
MEDIUM = "medium"
LOW = "low"
LEVELS: tuple[str, ...] = (HIGH, MEDIUM, LOW)


@dataclass(frozen=True, slots=True)
class PriorityStyle:
    level: str
    prefix: str
    #: fill while the flashing indicator is "on" (and always, for steady levels)
    fill_on: QColor
    #: fill during the "off" half of a flash: a pale tint, so text and icon stay readable
    fill_off: QColor
    text_on: QColor
    text_off: QColor
    #: half period of the flash in milliseconds (0 = steady)
    half_period_ms: int

    @property
    def flashes(self) -> bool:
        return self.half_period_ms > 0


_STYLES: dict[str, PriorityStyle] = {
    # high: red, 2 Hz (250 ms on / 250 ms off, 50 % duty; WCAG 2.3.1 allows up to 3 flashes/s)
    HIGH: PriorityStyle(
        HIGH, "***", QColor("#c62828"), QColor("#f6d5d5"), QColor("#ffffff"), QColor("#7f1010"),
        250,
    ),
    # medium: yellow, 0.5 Hz (1 s on / 1 s off)
    MEDIUM: PriorityStyle(
        MEDIUM, "**", QColor("#f2c230"), QColor("#fbf0c8"), QColor("#1f1f1f"), QColor("#5c4500"),
        1000,
    ),
    # low: cyan, steady
    LOW: PriorityStyle(
        LOW, "*", QColor("#7fd3df"), QColor("#7fd3df"), QColor("#0b2f35"), QColor("#0b2f35"), 0,
    ),
}

#: What an unknown level looks like: like high (fail safe: an unknown level is looked at first).
UNKNOWN_LEVEL_STYLE = _STYLES[HIGH]


def priority_style(level: str) -> PriorityStyle:
    """The style of ``level``; an unknown level is shown as high (fail safe)."""
    return _STYLES.get(level, UNKNOWN_LEVEL_STYLE)


def priority_prefix(level: str) -> str:
    return priority_style(level).prefix


def priority_rank(level: str) -> int:
    """0 for high, 1 for medium, 2 for low; an unknown level ranks as high."""
    try:
        return LEVELS.index(level)
    except ValueError:
        return 0
