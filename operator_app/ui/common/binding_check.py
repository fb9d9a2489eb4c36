"""Refuse to run on a Qt binding that corrupts the interpreter.

PySide6 6.12.0 (with Python 3.11, where None is not immortal) returns None for an invalid
QVariant without taking a reference: every ``index.data(role)`` that finds nothing, every
missing ``QObject.property()``, takes one reference from None. A desk that paints and queries
its models all shift long drives None's count to zero and the interpreter aborts ("none_dealloc")
- mid-shift, or at the latest on exit. pyproject pins PySide6 below 6.12; this check catches an
environment where a broken build got installed anyway.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject

PROBES = 200


def loses_none_references() -> bool:
    """True if asking Qt for an absent property takes references from None."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(PROBES):
        probe.property("operator_app_binding_probe")
    lost = before - sys.getrefcount(None)
    return lost >= PROBES // 2


def problem() -> str | None:
    """A sentence for the operator when the binding is unusable, else None."""
    if not loses_none_references():
        return None
    import PySide6

    return (
        f"This installation uses PySide6 {PySide6.__version__}, which corrupts memory while the "
        "desk runs and would make it crash during a shift. Install a supported version "
        "(pip install 'PySide6-Essentials<6.12' 'PySide6-Addons<6.12')."
    )
