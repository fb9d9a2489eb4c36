"""``RowTableModel[T]``: a flat Qt table over immutable rows of one type, each row found by a key.

A subclass says what its columns are called and what a cell shows (``header`` and ``cell``);
this base keeps the rows and does what Qt needs around them: ``rowCount``, ``columnCount``,
``headerData``, ``data``, and every change announced with the right begin/end calls, so that
views, proxies and ``qtmodeltester`` see a consistent model.

- ``reset(rows)`` replaces everything (``beginResetModel``).
- ``refresh(rows)``: the same keys in the same order replace the rows in place (one
  ``dataChanged``: selections and scroll positions stay); anything else is a ``reset``.
- ``upsert(rows, roles)``: a row whose key is known replaces the old one (``dataChanged`` with
  ``roles`` per contiguous run of rows, one bounding block when the runs are many); a new key is
  inserted, at the end or, in a model with an ``order`` key, at its place in that order (one
  insert span per contiguous block). A replaced row whose order key changed moves there
  (``beginMoveRows``: a selection follows it) and repaints whole.
- ``remove(keys)``: one remove span per contiguous block of rows.
- ``emit_changed(rows, ...)`` / ``emit_column_changed(column, roles)``: repaint some rows or one
  column (a ticking clock), nothing else.

Keys are unique: a later row with a known key replaces the earlier one. Key -> row number is a
dict, re-indexed lazily (from the first row whose number changed) when it is next asked for.
An ordered model finds places with a C-level ``bisect`` over the rows' order keys, so a batch of
new rows costs no Python comparison calls from Qt. Knows nothing of any application.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

#: more contiguous runs than this in one ``upsert``: one dataChanged over their bounding block
MAX_RUNS = 16
#: more rows than this moving in one ``upsert``: one layout change instead of a move each (a
#: sort proxy remaps every row per move, and a view's slots run per move: a flood's batch
#: moved hundreds of group rows, benchmarks/flood.py)
MOVES_AS_LAYOUT = 8


class SupportsLessThan(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


def runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Row numbers as sorted contiguous ``(first, last)`` runs."""
    out: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if out and row == out[-1][1] + 1:
            out[-1] = (out[-1][0], row)
        else:
            out.append((row, row))
    return out


class RowTableModel(QAbstractTableModel, Generic[T]):
    """Rows of type ``T``, found by ``key(row)``; kept in ``order(row)`` order when given."""

    def __init__(self, key: Callable[[T], Hashable], columns: int,
                 parent: QObject | None = None, *,
                 order: Callable[[T], SupportsLessThan] | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self._columns = columns
        self._order = order
        self._keys: list[Hashable] = []  # per row
        self._by_key: dict[Hashable, T] = {}
        self._row_of: dict[Hashable, int] = {}
        self._stale_from: int | None = None  # _row_of is out of date from this row on
        self._order_of: dict[Hashable, SupportsLessThan] = {}  # ordered models only
        self._order_keys: list[SupportsLessThan] = []  # per row, sorted (ordered models only)

    # -- what a subclass says --------------------------------------------------------------------
    def header(self, column: int) -> str | None:
        """The horizontal header of ``column`` (None: no header)."""
        return None

    def cell(self, row: T, column: int, role: int) -> Any:
        """What ``data()`` answers for ``row`` in ``column`` for ``role`` (None: nothing)."""
        raise NotImplementedError

    # -- Qt's side -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._columns

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < self._columns):
            return self.header(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not (0 <= row < len(self._keys)) or not index.isValid():
            return None
        return self.cell(self._by_key[self._keys[row]], index.column(), role)

    # Painting a cell asks Qt's model for an index (``hasIndex``: ``rowCount`` and
    # ``columnCount``) and for seven roles; each is a call from C++ into Python that must take
    # the GIL, which another thread (the store's writer) may hold. These two overrides make it
    # two calls a cell: a view of a few dozen rows repaints several times faster.
    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._keys) and 0 <= column < self._columns):
            return QModelIndex()
        return self.createIndex(row, column)

    def multiData(self, index: _Index,
                  roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:  # noqa: N803
        """Every role a view asks of one cell, in one call (the same answers as ``data``)."""
        span = roleDataSpan
        # (PySide's stub lacks the span's __getitem__)
        asked = ([span] if isinstance(span, QModelRoleData)
                 else [span[k] for k in range(span.size())])  # type: ignore[index]
        row = index.row()
        if not (0 <= row < len(self._keys)) or not index.isValid():
            for role_data in asked:
                role_data.clearData()
            return
        item, column, cell = self._by_key[self._keys[row]], index.column(), self.cell
        for role_data in asked:
            value = cell(item, column, role_data.role())
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    # -- reading ---------------------------------------------------------------------------------
    def rows(self) -> list[T]:
        """Every row, in row order."""
        by_key = self._by_key
        return [by_key[k] for k in self._keys]

    def keys(self) -> list[Hashable]:
        """Every row's key, in row order."""
        return list(self._keys)

    def keys_between(self, first: int, last: int) -> list[Hashable]:
        """The keys of rows ``first..last`` (inclusive), in row order."""
        return self._keys[first:last + 1]

    def row_at(self, row: int) -> T:
        """The row with number ``row`` (IndexError when there is none)."""
        return self._by_key[self._keys[row]]

    def get(self, key: Hashable) -> T | None:
        """The row with ``key``, None when there is none."""
        return self._by_key.get(key)

    def row_of(self, key: Hashable) -> int | None:
        """The row number of ``key``, None when there is none. A row above the first row a
        change shifted keeps its number: no re-index for it (the selected alarm is looked up
        on every change, and it is mostly near the top)."""
        stale = self._stale_from
        if stale is not None:
            row = self._row_of.get(key)
            if row is not None and row < stale:
                return row
            self._reindex()
        return self._row_of.get(key)

    # -- changing --------------------------------------------------------------------------------
    def reset(self, rows: Iterable[T]) -> None:
        """Replace every row (``beginResetModel``)."""
        self.beginResetModel()
        latest: dict[Hashable, T] = {}
        for row in rows:
            latest[self._key(row)] = row
        keys = list(latest)
        if self._order is not None:
            order = self._order
            self._order_of = {k: order(r) for k, r in latest.items()}
            keys.sort(key=self._order_of.__getitem__)
            self._order_keys = [self._order_of[k] for k in keys]
        self._keys = keys
        self._by_key = latest
        self._row_of = {k: i for i, k in enumerate(keys)}
        self._stale_from = None
        self.endResetModel()

    def refresh(self, rows: Iterable[T]) -> None:
        """The same keys in the same order: replaced in place with one ``dataChanged``;
        anything else: ``reset``."""
        new = list(rows)
        keys = [self._key(r) for r in new]
        same = bool(new) and keys == self._keys and (
            self._order is None or all(self._order(r) == self._order_of[k]
                                       for k, r in zip(keys, new, strict=True)))
        if not same:
            self.reset(new)
            return
        self._by_key = dict(zip(keys, new, strict=True))
        self.emit_changed(range(len(keys)))

    def upsert(self, rows: Iterable[T], roles: Sequence[int] = ()) -> list[Hashable]:
        """Replace the rows whose key is known, insert the others; returns the keys inserted
        (in the order given). The last of several rows with one key wins."""
        latest: dict[Hashable, T] = {}
        for row in rows:
            latest[self._key(row)] = row
        known = self._by_key
        updated = [(k, r) for k, r in latest.items() if k in known]
        inserted = [(k, r) for k, r in latest.items() if k not in known]
        if updated:
            self._replace(updated, roles)
        if inserted:
            self._insert(inserted)
        return [k for k, _ in inserted]

    def remove(self, keys: Iterable[Hashable]) -> list[Hashable]:
        """Drop the rows of ``keys``; returns the keys that were there."""
        present = list(dict.fromkeys(k for k in keys if k in self._by_key))
        if not present:
            return []
        if self._stale_from is not None:
            self._reindex()
        row_of = self._row_of
        for first, last in reversed(runs(row_of[k] for k in present)):
            self.beginRemoveRows(QModelIndex(), first, last)
            for key in self._keys[first:last + 1]:
                del self._by_key[key]
                del row_of[key]
                self._order_of.pop(key, None)
            del self._keys[first:last + 1]
            if self._order is not None:
                del self._order_keys[first:last + 1]
            # rows after ``first`` shifted: re-indexed once, lazily
            self._mark_stale(first)
            self.endRemoveRows()
        return present

    def clear(self) -> None:
        self.reset(())

    # -- repainting ------------------------------------------------------------------------------
    def emit_changed(self, rows: Iterable[int], roles: Sequence[int] = (), *,
                     first_column: int = 0, last_column: int | None = None,
                     max_runs: int | None = None) -> None:
        """``dataChanged`` for ``rows`` (per contiguous run; one bounding block when there are
        more than ``max_runs`` runs) across the columns ``first_column..last_column``."""
        spans = runs(rows)
        if max_runs is not None and len(spans) > max_runs:
            spans = [(spans[0][0], spans[-1][1])]
        last_col = self._columns - 1 if last_column is None else last_column
        for first, last in spans:
            self.dataChanged.emit(self.index(first, first_column), self.index(last, last_col),
                                  list(roles))

    def emit_column_changed(self, column: int, roles: Sequence[int] = ()) -> None:
        """``dataChanged`` for one whole column (e.g. a clock ticking)."""
        if self._keys:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._keys) - 1, column),
                                  list(roles))

    # -- bookkeeping -----------------------------------------------------------------------------
    def _reindex(self) -> None:
        start, self._stale_from = self._stale_from or 0, None
        keys = self._keys
        self._row_of.update(zip(keys[start:], range(start, len(keys)), strict=True))

    def _mark_stale(self, row: int) -> None:
        if self._stale_from is None or row < self._stale_from:
            self._stale_from = row

    def _insert(self, inserted: list[tuple[Hashable, T]]) -> None:
        """At the end in one span, or (ordered) one span per contiguous block of new rows."""
        if self._order is None:
            self._insert_at(len(self._keys), inserted, [])
            return
        order = self._order
        triples = sorted(((order(r), k, r) for k, r in inserted), key=lambda t: t[0])
        # group by insertion point among the rows before this insert; insert the last group
        # first so that the earlier insertion points stay valid
        groups: list[tuple[int, list[tuple[SupportsLessThan, Hashable, T]]]] = []
        for triple in triples:
            at = bisect.bisect_left(self._order_keys, triple[0])
            if groups and groups[-1][0] == at:
                groups[-1][1].append(triple)
            else:
                groups.append((at, [triple]))
        for at, group in reversed(groups):
            self._insert_at(at, [(k, r) for _, k, r in group], [o for o, _, _ in group])

    def _insert_at(self, at: int, pairs: list[tuple[Hashable, T]],
                   order_keys: list[SupportsLessThan]) -> None:
        self.beginInsertRows(QModelIndex(), at, at + len(pairs) - 1)
        keys = [k for k, _ in pairs]
        self._keys[at:at] = keys
        self._by_key.update(pairs)
        if self._order is not None:
            self._order_keys[at:at] = order_keys
            self._order_of.update(zip(keys, order_keys, strict=True))
        if at == len(self._keys) - len(keys) and self._stale_from is None:
            self._row_of.update(zip(keys, range(at, at + len(keys)), strict=True))
        else:
            self._mark_stale(at)
        self.endInsertRows()

    def _replace(self, updated: list[tuple[Hashable, T]], roles: Sequence[int]) -> None:
        """Store the new rows; move a row whose order key changed; ``dataChanged`` per
        contiguous block (one bounding block when scattered) with ``roles`` for rows that kept
        their place, with every role for rows that moved."""
        still: list[Hashable] = []
        moved: list[tuple[Hashable, SupportsLessThan]] = []
        order = self._order
        for key, row in updated:
            self._by_key[key] = row
            if order is None:
                still.append(key)
                continue
            new = order(row)
            old = self._order_of[key]
            if not (new < old or old < new):
                self._order_of[key] = new
                still.append(key)
            else:
                moved.append((key, new))
        if len(moved) > MOVES_AS_LAYOUT:
            self._move_as_layout(moved)
        else:
            for key, new in moved:
                self._move(key, new)
        if moved:
            self._reindex()
            self.emit_changed(self._row_of[k] for k, _ in moved)
        if still:
            if self._stale_from is not None:
                self._reindex()
            self.emit_changed((self._row_of[k] for k in still), roles, max_runs=MAX_RUNS)

    def _move_as_layout(self, moved: list[tuple[Hashable, SupportsLessThan]]) -> None:
        """Many rows to the places of their new order keys in one layout change; persistent
        indexes (a selection, a proxy's mapping) follow their rows."""
        self.layoutAboutToBeChanged.emit()
        followed = self.persistentIndexList()  # after the signal: a proxy's indexes too
        keys = self._keys
        followed_keys = [keys[i.row()] if i.isValid() and i.row() < len(keys) else None
                         for i in followed]
        moving = {k for k, _ in moved}
        kept = [(o, k) for o, k in zip(self._order_keys, keys, strict=True) if k not in moving]
        for key, new in moved:
            self._order_of[key] = new
            bisect.insort_right(kept, (new, key), key=lambda pair: pair[0])
        self._order_keys = [o for o, _ in kept]
        self._keys = [k for _, k in kept]
        self._stale_from = 0
        self._reindex()
        row_of = self._row_of
        self.changePersistentIndexList(followed, [
            self.index(row_of[k], i.column()) if k is not None and k in row_of else QModelIndex()
            for i, k in zip(followed, followed_keys, strict=True)])
        self.layoutChanged.emit()

    def _move(self, key: Hashable, new: SupportsLessThan) -> None:
        """Move one row to the place of its new order key (``beginMoveRows``). Its row is found
        by its old order key (a bisect), not by re-indexing every row after
        the last move: a flood that re-orders hundreds of group rows in one batch re-indexed
        thousands of rows per move (benchmarks/flood.py)."""
        order_keys = self._order_keys
        old_key = self._order_of[key]
        src = bisect.bisect_left(order_keys, old_key)
        if src >= len(order_keys) or self._keys[src] != key:  # equal order keys: by the index
            if self._stale_from is not None:
                self._reindex()
            src = self._row_of[key]
        old = order_keys.pop(src)
        dst = bisect.bisect_left(order_keys, new)
        order_keys.insert(src, old)
        self._order_of[key] = new
        if dst == src:  # same place: only the key changed
            order_keys[src] = new
            return
        # beginMoveRows counts the destination before the move: below the source it is dst + 1
        self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), dst + 1 if dst > src else dst)
        del order_keys[src]
        del self._keys[src]
        order_keys.insert(dst, new)
        self._keys.insert(dst, key)
        self._mark_stale(min(src, dst))
        self.endMoveRows()
