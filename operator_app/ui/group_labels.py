"""Words for a grouped alarm row: "+3 more" and its tooltip (a burst from one home)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_CTX = "GroupLabels"


def attached_text(attached: int) -> str:
    """``"+1 more"`` / ``"+3 more"``; empty for a row without attached alarms."""
    if attached <= 0:
        return ""
    return QCoreApplication.translate(_CTX, "+%n more", "", attached)


def attached_tooltip(attached: int) -> str:
    if attached <= 0:
        return ""
    return QCoreApplication.translate(
        _CTX, "%n further alarm(s) from this patient attached to this one; each is kept.",
        "", attached)


def with_attached(title: str, attached: int) -> str:
    """``"Fall  (+2 more)"``: a row title with the count, or the title alone."""
    extra = attached_text(attached)
    return f"{title}  ({extra})" if extra else title
