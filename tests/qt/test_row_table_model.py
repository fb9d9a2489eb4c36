"""``widgets.row_table_model.RowTableModel``: the bookkeeping every table model of the desk
shares, checked with ``qtmodeltester`` after inserts, updates, moves and removals."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from widgets.row_table_model import RowTableModel, runs

pytestmark = pytest.mark.qt


@dataclass(frozen=True)
class Row:
    key: str
    rank: int = 0
    text: str = ""


class Plain(RowTableModel[Row]):
    """Rows in the order given."""

    def __init__(self) -> None:
        super().__init__(lambda r: r.key, 2)

    def header(self, column: int) -> str | None:
        return ("Key", "Text")[column]

    def cell(self, row: Row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row.key if column == 0 else row.text
        return None


class Ranked(Plain):
    """Rows kept in (rank, key) order."""

    def __init__(self) -> None:
        RowTableModel.__init__(self, lambda r: r.key, 2, order=lambda r: (r.rank, r.key))


class Spans:
    """What a model announced."""

    def __init__(self, model: RowTableModel[Row]) -> None:
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        self.moved: list[tuple[int, int]] = []
        self.changed: list[tuple[int, int, int, int, list[int]]] = []
        self.resets = 0
        model.rowsInserted.connect(lambda _p, a, b: self.inserted.append((a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.removed.append((a, b)))
        model.rowsMoved.connect(lambda _p, a, _b, _d, row: self.moved.append((a, row)))
        model.dataChanged.connect(lambda tl, br, roles=(): self.changed.append(
            (tl.row(), tl.column(), br.row(), br.column(), list(roles))))
        model.modelReset.connect(lambda: setattr(self, "resets", self.resets + 1))


def _texts(model: RowTableModel[Row]) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_runs() -> None:
    assert runs([5, 1, 2, 3, 7, 8, 2]) == [(1, 3), (5, 5), (7, 8)]
    assert runs([]) == []


def test_qt_side_from_the_hooks(qtmodeltester: Any) -> None:
    model = Plain()
    qtmodeltester.check(model)
    model.reset([Row("a", text="first"), Row("b", text="second")])
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table: no children
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Text"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.index(1, 1).data() == "second"
    assert model.data(QModelIndex()) is None
    assert model.get("b") == Row("b", text="second") and model.get("z") is None
    assert model.row_of("b") == 1 and model.row_of("z") is None
    assert model.keys() == ["a", "b"] and model.row_at(0) == Row("a", text="first")


def test_unordered_inserts_at_the_end_updates_in_place_and_removes_in_spans(
        qtmodeltester: Any) -> None:
    model = Plain()
    spans = Spans(model)
    assert model.upsert([Row(k) for k in "abcdef"]) == list("abcdef")
    assert spans.inserted == [(0, 5)]  # one span for the batch
    qtmodeltester.check(model)
    assert model.upsert([Row("b", text="B"), Row("c", text="C"), Row("f", text="F"),
                         Row("g")], roles=[int(Qt.ItemDataRole.DisplayRole)]) == ["g"]
    assert spans.inserted[-1] == (6, 6)
    assert [c[0:4:2] for c in spans.changed] == [(1, 2), (5, 5)]  # per contiguous run
    assert spans.changed[0][4] == [int(Qt.ItemDataRole.DisplayRole)]
    assert _texts(model) == list("abcdefg")
    assert model.index(1, 1).data() == "B"
    qtmodeltester.check(model)
    assert model.remove(["b", "c", "f", "zz"]) == ["b", "c", "f"]
    assert spans.removed == [(5, 5), (1, 2)]  # one span per block, last first
    assert _texts(model) == list("adeg")
    assert [model.row_of(k) for k in "adeg"] == [0, 1, 2, 3]
    qtmodeltester.check(model)


def test_last_row_of_a_key_wins(qtmodeltester: Any) -> None:
    model = Plain()
    model.upsert([Row("a", text="1"), Row("b"), Row("a", text="2")])
    assert _texts(model) == ["a", "b"] and model.get("a") == Row("a", text="2")
    model.reset([Row("x", text="1"), Row("y"), Row("x", text="2")])
    assert _texts(model) == ["x", "y"] and model.get("x") == Row("x", text="2")
    qtmodeltester.check(model)


def test_refresh_keeps_the_rows_when_the_keys_are_the_same(qtmodeltester: Any) -> None:
    model = Plain()
    spans = Spans(model)
    model.refresh([Row("a"), Row("b")])
    assert spans.resets == 1
    selected = QPersistentModelIndex(model.index(1, 0))
    model.refresh([Row("a", text="x"), Row("b", text="y")])
    assert spans.resets == 1 and spans.changed[-1][0:4] == (0, 0, 1, 1)
    assert selected.isValid() and selected.row() == 1
    assert model.index(0, 1).data() == "x"
    model.refresh([Row("b"), Row("a")])  # another order: a reset
    assert spans.resets == 2
    model.refresh([])
    assert spans.resets == 3 and model.rowCount() == 0
    qtmodeltester.check(model)


def test_ordered_inserts_at_their_places_in_spans(qtmodeltester: Any) -> None:
    model = Ranked()
    spans = Spans(model)
    model.upsert([Row("c", 3), Row("a", 1), Row("e", 5)])
    assert _texts(model) == ["a", "c", "e"] and spans.inserted == [(0, 2)]
    model.upsert([Row("b", 2), Row("d", 4), Row("f", 6), Row("bb", 2)])
    assert _texts(model) == ["a", "b", "bb", "c", "d", "e", "f"]
    # one span per contiguous block of new rows, the last block first (places counted in the
    # rows before the insert, so each span is still right when it is announced)
    assert spans.inserted[1:] == [(3, 3), (2, 2), (1, 2)]
    assert [model.row_of(k) for k in _texts(model)] == list(range(7))
    qtmodeltester.check(model)


def test_ordered_update_moves_a_row_whose_order_changed(qtmodeltester: Any) -> None:
    model = Ranked()
    model.upsert([Row(k, i) for i, k in enumerate("abcde")])
    spans = Spans(model)
    followed = QPersistentModelIndex(model.index(1, 0))  # "b", e.g. the selection
    model.upsert([Row("b", 9), Row("d", 3, text="same place")], roles=[0])
    assert _texts(model) == ["a", "c", "d", "e", "b"]
    assert spans.moved == [(1, 5)]
    assert followed.row() == 4 and followed.data() == "b"
    # the moved row repaints whole; the row that kept its place only with the roles given
    assert (4, 0, 4, 1, []) in spans.changed
    assert (2, 0, 2, 1, [0]) in spans.changed
    qtmodeltester.check(model)
    model.upsert([Row("b", -1)])
    assert _texts(model)[0] == "b" and spans.moved[-1] == (4, 0)
    assert [model.row_of(k) for k in _texts(model)] == list(range(5))
    qtmodeltester.check(model)


def test_ordered_remove_and_reset_keep_the_order(qtmodeltester: Any) -> None:
    model = Ranked()
    model.reset([Row(k, -i) for i, k in enumerate("abcdef")])
    assert _texts(model) == list("fedcba")
    model.remove(["e", "c"])
    model.upsert([Row("x", -3)])
    assert _texts(model) == ["f", "d", "x", "b", "a"]
    assert [model.row_of(k) for k in _texts(model)] == list(range(5))
    model.clear()
    assert model.rowCount() == 0 and model.get("a") is None
    qtmodeltester.check(model)


def test_many_scattered_updates_repaint_one_block() -> None:
    model = Plain()
    model.upsert([Row(str(i)) for i in range(100)])
    spans = Spans(model)
    model.upsert([Row(str(i), text="x") for i in range(0, 100, 3)])  # 34 runs > MAX_RUNS
    assert [c[0:4:2] for c in spans.changed] == [(0, 99)]


def test_emit_changed_and_column_changed() -> None:
    model = Plain()
    spans = Spans(model)
    model.emit_column_changed(1)  # empty: nothing to repaint
    assert spans.changed == []
    model.upsert([Row(k) for k in "abc"])
    model.emit_column_changed(1, [0])
    assert spans.changed[-1] == (0, 1, 2, 1, [0])
    model.emit_changed([2, 0], first_column=1, last_column=1)
    assert spans.changed[-2:] == [(0, 1, 0, 1, []), (2, 1, 2, 1, [])]


def test_rows_are_replaced_not_mutated() -> None:
    model = Plain()
    first = Row("a", text="1")
    model.upsert([first])
    model.upsert([replace(first, text="2")])
    assert model.rows() == [Row("a", text="2")] and first.text == "1"


class Tied(Plain):
    """Rows ordered by rank alone: equal order keys (the move finds such a row by its index)."""

    def __init__(self) -> None:
        RowTableModel.__init__(self, lambda r: r.key, 2, order=lambda r: r.rank)


@pytest.mark.parametrize("model_class", [Ranked, Tied])
def test_many_moves_in_one_batch_keep_order_rows_and_followers(
        model_class: type[Plain], qtmodeltester: Any) -> None:
    """A flood re-orders hundreds of group rows in one batch: each moves to its place, the
    row numbers stay right, a persistent index (the selection) follows its row."""
    import random

    from PySide6.QtCore import QSortFilterProxyModel

    rng = random.Random(5)
    model = model_class()
    proxy = QSortFilterProxyModel()  # passes the model's order through, as the queue's does
    proxy.setSourceModel(model)
    proxy.sort(-1)
    rows = {f"k{i:03d}": Row(f"k{i:03d}", rng.randrange(50)) for i in range(300)}
    model.upsert(rows.values())
    followed = {k: QPersistentModelIndex(model.index(model.row_of(k) or 0, 0))
                for k in rng.sample(sorted(rows), 20)}
    through_proxy = {k: QPersistentModelIndex(proxy.index(model.row_of(k) or 0, 0))
                     for k in rng.sample(sorted(rows), 20)}
    for _ in range(4):
        changed = [replace(rows[k], rank=rng.randrange(50)) for k in rng.sample(sorted(rows), 120)]
        rows.update((r.key, r) for r in changed)
        model.upsert(changed)
        order = model.keys()
        ranks = [model.get(k).rank for k in order]  # type: ignore[union-attr]
        assert ranks == sorted(ranks)
        if model_class is Ranked:
            assert order == sorted(rows, key=lambda k: (rows[k].rank, k))
        assert [model.row_of(k) for k in order] == list(range(300))
        assert all(idx.data() == k for k, idx in followed.items())
        assert all(idx.data() == k for k, idx in through_proxy.items())
        assert [proxy.index(r, 0).data() for r in range(300)] == order
        assert model.rows() == [rows[str(k)] for k in order]
    qtmodeltester.check(model)


def test_row_of_is_right_between_any_changes() -> None:
    """``row_of`` answers from its cache above the first shifted row and re-indexes below it:
    right after every kind of change, for every key."""
    import random

    rng = random.Random(11)
    model = Ranked()
    live: dict[str, Row] = {}
    for step in range(300):
        op = rng.random()
        if op < 0.4 or not live:
            new = [Row(f"n{step}-{i}", rng.randrange(40)) for i in range(rng.randrange(1, 6))]
            model.upsert(new)
            live.update((r.key, r) for r in new)
        elif op < 0.7:
            moved = [replace(live[k], rank=rng.randrange(40))
                     for k in rng.sample(sorted(live), min(len(live), 4))]
            model.upsert(moved)
            live.update((r.key, r) for r in moved)
        else:
            gone = rng.sample(sorted(live), min(len(live), 3))
            model.remove(gone)
            for k in gone:
                del live[k]
        order = sorted(live, key=lambda k: (live[k].rank, k))
        probe = rng.sample(order, min(len(order), 5))  # a few lookups, in any order
        assert [model.row_of(k) for k in probe] == [order.index(k) for k in probe]
    assert [model.row_of(k) for k in order] == list(range(len(order)))
