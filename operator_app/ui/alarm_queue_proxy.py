"""Queue ordering as a proxy: priority first, then longest waiting (``queue_sort_key``).

``AlarmQueueModel`` keeps its rows in exactly that order (a C-level bisect on ``SortKeyRole``,
a string that orders like ``queue_sort_key``), so over it this proxy passes the order through and
never sorts: a sorting ``QSortFilterProxyModel`` calls back into the Python model several times
per comparison, and with tens of thousands of rows that was most of the desk's time. Over a
source model that is not kept in queue order (no ``keeps_queue_order``) it sorts on
``SortKeyRole`` with Qt's own comparison (no Python ``lessThan``).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from operator_app.ui.roles import AlarmIdRole, SortKeyRole

_Index = QModelIndex | QPersistentModelIndex


class AlarmQueueProxy(QSortFilterProxyModel):
    """Sorts by ``SortKeyRole`` ascending (most urgent first); re-sorts when rows change.

    Case-sensitive, not locale-aware: the key compares like Python strings (code points)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortKeyRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)
        self.setSortLocaleAware(False)
        self.setDynamicSortFilter(True)
        self.sort(0, Qt.SortOrder.AscendingOrder)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        super().setSourceModel(model)
        self.sort(0)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The queue order is fixed: any column sorts by the queue key, ascending (passed through
        from a source model that keeps the queue order itself)."""
        if getattr(self.sourceModel(), "keeps_queue_order", False):
            super().sort(-1, Qt.SortOrder.AscendingOrder)
        else:
            super().sort(0 if column >= 0 else column, Qt.SortOrder.AscendingOrder)

    def row_of(self, alarm_id: str) -> int | None:
        """The proxy row of ``alarm_id`` (None when it is not in the queue)."""
        source = self.sourceModel()
        finder = getattr(source, "row_of", None)
        if finder is not None:
            source_row = finder(alarm_id)
            if source_row is None:
                return None
            index = self.mapFromSource(source.index(source_row, 0))
            return index.row() if index.isValid() else None
        for row in range(self.rowCount()):
            if self.index(row, 0).data(AlarmIdRole) == alarm_id:
                return row
        return None

    def alarm_id_at(self, row: int) -> str | None:
        if not 0 <= row < self.rowCount():
            return None
        value = self.index(row, 0).data(AlarmIdRole)
        return str(value) if value is not None else None
