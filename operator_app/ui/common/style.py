"""The desk's style sheet, read from package data (``operator_app.resources/style.qss``)."""

from __future__ import annotations

from importlib import resources


def desk_style_sheet() -> str:
    """The style sheet text; empty when the resource is missing (the desk still works)."""
    try:
        return resources.files("operator_app.resources").joinpath("style.qss").read_text(
            encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return ""
