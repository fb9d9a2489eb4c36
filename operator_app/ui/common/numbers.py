"""Numbers as the desk's language writes them: QLocale's decimal separator and grouping
(``0,03 s`` and ``18,2 %`` in bokmål, ``0.03 s`` in English). ``i18n.install`` sets the default
locale from the language setting; every number a person reads goes through here, never through
an f-string's ``:.1f``."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def number(value: float, decimals: int = 1) -> str:
    """``18,2`` (bokmål) / ``18.2`` (English); thousands grouped as the locale does."""
    return QLocale().toString(float(value), "f", decimals)


def whole(value: int) -> str:
    """An integer with the locale's grouping (``12 345`` in bokmål)."""
    return QLocale().toString(int(value))


def percent(share: float | None, decimals: int = 1) -> str:
    """A share 0..1 as a percentage, ``18,2 %``; ``–`` for None (no alarms, nothing to share)."""
    if share is None:
        return "–"
    return f"{number(share * 100, decimals)} %"  # a space before %, as Norwegian writes it


def seconds(value: float, decimals: int = 2) -> str:
    """``0,03 s``."""
    return f"{number(value, decimals)} s"
