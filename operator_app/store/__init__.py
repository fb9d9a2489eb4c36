"""Storage layer: SQLite (embedded) or PostgreSQL (shared), Alembic migrations. No Qt."""

from operator_app.store.alarms.response_log import ResponseLogRow
from operator_app.store.store import Store

__all__ = ["ResponseLogRow", "Store"]
