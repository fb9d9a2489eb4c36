"""Queue ordering as a proxy: priority first, then longest waiting (``queue_sort_key``).

The order is the domain's rule: ``lessThan`` compares ``domain.queue.queue_sort_key`` of the two
rows' ``AlarmView`` (``AlarmViewRole``). ``AlarmQueueModel`` keeps its rows in exactly that order
already (a C-level bisect over the same keys), so over it this proxy passes the order through and
never sorts: a sorting ``QSortFilterProxyModel`` calls back into Python several times per
comparison, and with tens of thousands of rows that was most of the desk's time. Over a source
model that is not kept in queue order (no ``keeps_queue_order``) it sorts with ``lessThan``.

The sort role is ``SortKeyRole``: an update whose ``dataChanged`` leaves that role out keeps the
row's place (no re-sort).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from operator_app.domain.queue import queue_sort_key
from operator_app.domain.views import AlarmView
from operator_app.ui.common.roles import AlarmIdRole, AlarmViewRole, SortKeyRole

_Index = QModelIndex | QPersistentModelIndex


class AlarmQueueProxy(QSortFilterProxyModel):
    """Most urgent first by ``queue_sort_key``; re-sorts when a row's key changes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortKeyRole)
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

    def multiData(self, index: _Index,
                  roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:  # noqa: N803
        """Every role of a cell from the source in one call (Qt's proxy asks ``data`` once per
        role: seven calls into Python per cell painted)."""
        source = self.sourceModel()
        if source is None:
            super().multiData(index, roleDataSpan)
            return
        source.multiData(self.mapToSource(index), roleDataSpan)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        source = self.sourceModel()
        a = source.index(left.row(), 0).data(AlarmViewRole)
        b = source.index(right.row(), 0).data(AlarmViewRole)
        if isinstance(a, AlarmView) and isinstance(b, AlarmView):
            return queue_sort_key(a) < queue_sort_key(b)
        return super().lessThan(left, right)

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

    def alarm_ids_between(self, first: int, last: int) -> list[str] | None:
        """The ids of proxy rows ``first..last`` straight from the source's keys when the
        proxy passes the source's order through (no call into ``data`` per row); None when it
        does not (then ask row by row)."""
        source = self.sourceModel()
        keys_between = getattr(source, "keys_between", None)
        if keys_between is None or not getattr(source, "keeps_queue_order", False):
            return None
        return [str(k) for k in keys_between(first, last)]

    def alarm_id_at(self, row: int) -> str | None:
        if not 0 <= row < self.rowCount():
            return None
        value = self.index(row, 0).data(AlarmIdRole)
        return str(value) if value is not None else None

    def alarm_at(self, row: int) -> AlarmView | None:
        if not 0 <= row < self.rowCount():
            return None
        value = self.index(row, 0).data(AlarmViewRole)
        return value if isinstance(value, AlarmView) else None

    def first_unclaimed_id(self) -> str | None:
        """The most urgent open alarm nobody has claimed (queue order)."""
        for row in range(self.rowCount()):
            alarm = self.alarm_at(row)
            if alarm is not None and alarm.is_open and alarm.claimed_by is None:
                return alarm.id
        return None
