"""Queue ordering as a proxy: priority first, then longest waiting (``queue_sort_key``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from operator_app.ui.roles import AlarmIdRole, SortKeyRole

_Index = QModelIndex | QPersistentModelIndex


class AlarmQueueProxy(QSortFilterProxyModel):
    """Sorts by ``SortKeyRole`` ascending (most urgent first); re-sorts when rows change."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortKeyRole)
        self.setDynamicSortFilter(True)
        self.sort(0, Qt.SortOrder.AscendingOrder)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a = left.data(SortKeyRole)
        b = right.data(SortKeyRole)
        if a is None or b is None:
            return b is not None and a is None
        return bool(a < b)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The queue order is fixed: any column sorts by the queue key, ascending."""
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
