"""The alarm queue table: keyboard first, stable selection, new alarms never hidden.

* Selection is tracked by alarm id and survives inserts, updates and re-sorts. When the
  selected alarm leaves the queue the selection is cleared (never silently moved to another
  alarm).
* When the operator has no alarm selected, the view keeps the top of the queue visible.
  When the operator works on a selected alarm, the view keeps that alarm visible and shows a
  "N new alarms above" button for new alarms scrolled out of sight above.
* One blink clock drives flashing; only the priority cells of flashing rows are repainted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QKeyEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from operator_app.domain.views import AlarmView
from operator_app.ui.common.icons import priority_icons
from operator_app.ui.common.roles import AlarmIdRole, AlarmViewRole, FlashingRole, PriorityLevelRole
from operator_app.ui.queue.queue_model import Column
from widgets.blink_clock import BlinkClock
from widgets.priority_delegate import PriorityDelegate
from widgets.priority_style import priority_style

_Index = QModelIndex | QPersistentModelIndex

_COLUMN_WIDTHS = {
    Column.PRIORITY: 112,
    Column.AGE: 84,  # room for "⚠ 1:06:40" (overdue over an hour)
    # every column visible in a 740 px queue (1366x768); a long kind is elided, its tooltip whole
    Column.KIND: 180,  # a group names the kinds of its other alarms here
    Column.PATIENT: 140,
    Column.MUNICIPALITY: 92,
    Column.STATUS: 100,
}


class AlarmQueueView(QTableView):
    #: the selected alarm id, or None when nothing is selected
    currentAlarmChanged = Signal(object)
    #: Enter/Return (or double click) on an alarm: open its triage panel
    alarmActivated = Signal(str)
    #: how many new alarms are scrolled out of sight above
    newAboveChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmQueue")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSortingEnabled(False)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setSectionsClickable(False)
        self.setAccessibleName(self.tr("Alarm queue"))

        self._delegate = PriorityDelegate(PriorityLevelRole, FlashingRole, priority_icons(), self)
        self.setItemDelegateForColumn(Column.PRIORITY, self._delegate)
        self._blink = BlinkClock(self)
        self._blink.phaseChanged.connect(self._on_blink)

        self._selected_id: str | None = None
        self._pending_new: list[str] = []
        self._unseen_above: set[str] = set()
        self._insert_timer = QTimer(self)
        self._insert_timer.setSingleShot(True)
        self._insert_timer.setInterval(0)
        self._insert_timer.timeout.connect(self.process_inserted)

        self._new_above = QPushButton(self.viewport())
        self._new_above.setObjectName("newAlarmsAbove")
        self._new_above.setCursor(Qt.CursorShape.PointingHandCursor)
        self._new_above.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._new_above.setStyleSheet(
            "QPushButton#newAlarmsAbove { background: #1d4f7a; color: white; border: none;"
            " border-radius: 11px; padding: 3px 14px; font-weight: bold; }"
        )
        self._new_above.clicked.connect(self.scroll_to_top)
        self._new_above.hide()
        self.verticalScrollBar().valueChanged.connect(self._refresh_new_above)
        self._blink.start()

    # -- model ---------------------------------------------------------------------------------
    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal, slot in self._model_connections(old):
                signal.disconnect(slot)
        super().setModel(model)
        if model is None:
            return
        for signal, slot in self._model_connections(model):
            signal.connect(slot)
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        for column, width in _COLUMN_WIDTHS.items():
            self.setColumnWidth(column, width)

    def _model_connections(
            self, model: QAbstractItemModel) -> list[tuple[SignalInstance, Callable[..., None]]]:
        return [
            (model.rowsInserted, self._on_rows_inserted),
            (model.rowsRemoved, self._after_change),
            (model.layoutChanged, self._after_change),
            (model.modelReset, self._after_reset),
        ]


    def blink_clock(self) -> BlinkClock:
        return self._blink

    # -- selection by id -----------------------------------------------------------------------
    def selected_alarm_id(self) -> str | None:
        return self._selected_id

    def selected_alarm(self) -> AlarmView | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        value = index.siblingAtColumn(0).data(AlarmViewRole)
        return value if isinstance(value, AlarmView) else None

    def row_of(self, alarm_id: str) -> int | None:
        model = self.model()
        if model is None:
            return None
        finder = getattr(model, "row_of", None)
        if finder is not None:
            row = finder(alarm_id)
            return row if isinstance(row, int) else None
        for row in range(model.rowCount()):
            if model.index(row, 0).data(AlarmIdRole) == alarm_id:
                return row
        return None

    def alarm_id_at(self, row: int) -> str | None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return None
        value = model.index(row, 0).data(AlarmIdRole)
        return None if value is None else str(value)

    def select_alarm(self, alarm_id: str | None) -> bool:
        """Select ``alarm_id`` (None clears); False when it is not in the queue."""
        model = self.model()
        if model is None:
            return False
        if alarm_id is None:
            self.clear_selection()
            return True
        row = self.row_of(alarm_id)
        if row is None:
            return False
        index = model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def clear_selection(self) -> None:
        selection = self.selectionModel()
        if selection is not None:
            selection.clear()  # also clears the current index
        if self._selected_id is not None:
            self._selected_id = None
            self.currentAlarmChanged.emit(None)

    def _on_current_row_changed(self, current: _Index, previous: _Index) -> None:
        value = current.sibling(current.row(), 0).data(AlarmIdRole) if current.isValid() else None
        alarm_id = None if value is None else str(value)
        if alarm_id != self._selected_id:
            self._selected_id = alarm_id
            self.currentAlarmChanged.emit(alarm_id)

    def rowsAboutToBeRemoved(self, parent: _Index, first: int, last: int) -> None:
        """Qt would move the current index to a neighbour; clear it first instead."""
        if not parent.isValid() and self._selected_id is not None:
            row = self.row_of(self._selected_id)
            if row is not None and first <= row <= last:
                # never slide the selection onto another alarm: the operator picks the next one
                self.clear_selection()
        super().rowsAboutToBeRemoved(parent, first, last)

    def _after_change(self, *args: object) -> None:
        if self._selected_id is None:
            return
        current = self.currentIndex()
        if current.isValid() and current.siblingAtColumn(0).data(AlarmIdRole) == self._selected_id:
            return
        wanted = self._selected_id
        if not self.select_alarm(wanted):
            self.clear_selection()
        self._refresh_new_above()

    def _after_reset(self) -> None:
        self._unseen_above.clear()
        self._after_change()
        self._refresh_new_above()

    # -- new alarms are never hidden ------------------------------------------------------------
    def _on_rows_inserted(self, parent: _Index, first: int, last: int) -> None:
        if parent.isValid():
            return
        between = getattr(self.model(), "alarm_ids_between", None)
        ids = between(first, last) if between is not None else None
        if ids is None:
            ids = [i for i in map(self.alarm_id_at, range(first, last + 1)) if i is not None]
        self._pending_new.extend(ids)
        self._after_change()
        self._insert_timer.start()

    def is_working(self) -> bool:
        """The operator has an alarm selected (then the view does not jump to the top)."""
        return self._selected_id is not None

    def process_inserted(self) -> None:
        """Keep the top visible, or the selected alarm plus a "new above" count."""
        self._insert_timer.stop()
        new_ids, self._pending_new = self._pending_new, []
        if not self.is_working():
            self.scroll_to_top()
            return
        current = self.currentIndex()
        if current.isValid():
            self.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)
        first_visible = self.first_visible_row()
        for alarm_id in new_ids:
            row = self.row_of(alarm_id)
            if row is not None and row < first_visible:
                self._unseen_above.add(alarm_id)
        self._refresh_new_above()

    def first_visible_row(self) -> int:
        row = self.rowAt(0)
        return max(row, 0)

    def new_above_count(self) -> int:
        return len(self._unseen_above)

    def scroll_to_top(self) -> None:
        self.scrollToTop()
        self._unseen_above.clear()
        self._refresh_new_above()

    def _refresh_new_above(self, *args: object) -> None:
        first_visible = self.first_visible_row()
        still = set()
        for alarm_id in self._unseen_above:
            row = self.row_of(alarm_id)
            if row is not None and row < first_visible and self.verticalScrollBar().value() > 0:
                still.add(alarm_id)
        changed = still != self._unseen_above
        self._unseen_above = still
        count = len(still)
        if count:
            self._new_above.setText(self.tr("▲ 1 new alarm above") if count == 1
                                    else self.tr("▲ %n new alarms above", "", count))
            self._new_above.setToolTip(self.tr("Show the top of the queue"))
            self._new_above.adjustSize()
            self._place_new_above()
            self._new_above.show()
            self._new_above.raise_()
        else:
            self._new_above.hide()
        if changed or count:
            self.newAboveChanged.emit(count)

    def _place_new_above(self) -> None:
        button = self._new_above
        x = max(0, (self.viewport().width() - button.width()) // 2)
        button.move(x, 4)

    def new_above_button(self) -> QPushButton:
        return self._new_above

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_new_above()

    # -- flashing --------------------------------------------------------------------------------
    def _on_blink(self, high_on: bool, medium_on: bool) -> None:
        old_high, old_medium = self._delegate.blink_phase()
        self._delegate.set_blink_phase(high_on, medium_on)
        changed_levels: set[str] = set()
        if high_on != old_high:
            changed_levels.add("high")
        if medium_on != old_medium:
            changed_levels.add("medium")
        region = self.flash_region(changed_levels)
        if not region.isEmpty():
            self.viewport().update(region)

    def flash_region(self, levels: set[str]) -> QRegion:
        """The priority cells of visible, flashing rows of ``levels`` (nothing else repaints)."""
        region = QRegion()
        model = self.model()
        levels = {level for level in levels if priority_style(level).flashes}
        if not levels or model is None or model.rowCount() == 0:
            return region
        first = self.first_visible_row()
        last = self.rowAt(self.viewport().height() - 1)
        last = model.rowCount() - 1 if last < 0 else last
        for row in range(first, last + 1):
            index = model.index(row, Column.PRIORITY)
            if index.data(FlashingRole) and index.data(PriorityLevelRole) in levels:
                rect: QRect = self.visualRect(index)
                region = region.united(rect)
        return region

    # -- keyboard --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                 | Qt.KeyboardModifier.AltModifier))
        if plain_enter and self._selected_id is not None:
            self.alarmActivated.emit(self._selected_id)
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: object) -> None:
        super().mouseDoubleClickEvent(event)  # type: ignore[arg-type]
        if self._selected_id is not None:
            self.alarmActivated.emit(self._selected_id)
