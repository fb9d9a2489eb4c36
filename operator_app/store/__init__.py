"""Storage layer: SQLite (embedded) or PostgreSQL (shared), Alembic migrations. No Qt.

``Store`` and ``ResponseLogRow`` load on first use (PEP 562), so importing a light module of the
store (``store.database_path``) does not load SQLAlchemy and every feature: the desk paints its
first window before that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from operator_app.store.alarms.response_log import ResponseLogRow
    from operator_app.store.store import Store

__all__ = ["ResponseLogRow", "Store"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from operator_app.store.store import Store

        return Store
    if name == "ResponseLogRow":
        from operator_app.store.alarms.response_log import ResponseLogRow

        return ResponseLogRow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
