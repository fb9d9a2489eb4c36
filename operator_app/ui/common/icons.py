"""Icons from package data (``operator_app.resources.icons``), read with importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QPixmap

_PACKAGE = "operator_app.resources.icons"


@cache
def icon(name: str) -> QIcon:
    """The icon ``<name>.svg``; a null icon when it is missing (never an exception)."""
    resource = resources.files(_PACKAGE).joinpath(f"{name}.svg")
    if isinstance(resource, Path):
        return QIcon(str(resource)) if resource.is_file() else QIcon()
    try:
        data = resource.read_bytes()
    except OSError:
        return QIcon()
    icon_ = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.loadFromData(QByteArray(data), "SVG")
        icon_.addPixmap(pixmap)
    return icon_


def priority_icons() -> dict[str, QIcon]:
    """Shape icons per priority level: high triangle "!", medium diamond, low circle."""
    return {level: icon(f"priority_{level}") for level in ("high", "medium", "low")}


def claimed_icon() -> QIcon:
    return icon("claimed")


def app_icon() -> QIcon:
    """Operator Desk's own icon (windows, tray, installers render it from the same SVG)."""
    return icon("app")
