from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from qt_samples import NOW, closed, make_alarm, sample_alarms

from operator_app.domain.alarms import Priority
from operator_app.domain.queue import queue_sort_key
from operator_app.domain.views import AlarmView
from operator_app.ui.common.roles import (
    AlarmIdRole,
    AlarmViewRole,
    FlashingRole,
    PriorityLevelRole,
    SortKeyRole,
)
from operator_app.ui.queue.queue_model import AlarmQueueModel, Column
from operator_app.ui.queue.queue_proxy import AlarmQueueProxy
from widgets.row_table_model import RowTableModel

pytestmark = pytest.mark.qt


def _text(model: Any, row: int, column: Column) -> str:
    return str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole))


def _ids(model: Any) -> list[str]:
    return [model.index(r, 0).data(AlarmIdRole) for r in range(model.rowCount())]


@pytest.fixture
def model() -> AlarmQueueModel:
    return AlarmQueueModel("anne", now=NOW)


def test_model_passes_modeltester_through_inserts_updates_removals(
        qtmodeltester: Any, model: AlarmQueueModel) -> None:
    alarms = sample_alarms("anne")
    qtmodeltester.check(model)
    assert model.apply(alarms[:5]) == [a.id for a in alarms[:5]]
    qtmodeltester.check(model)
    model.apply(alarms[5:])
    qtmodeltester.check(model)
    model.apply([dataclasses.replace(alarms[0], claimed_by="kari"),
                 dataclasses.replace(alarms[1], message="updated")])
    qtmodeltester.check(model)
    model.apply([closed(alarms[2]), closed(alarms[3]), closed(alarms[9])])
    qtmodeltester.check(model)
    assert model.rowCount() == len(alarms) - 3
    assert alarms[2].id not in model.alarm_ids()


def test_proxy_passes_modeltester(qtmodeltester: Any, model: AlarmQueueModel) -> None:
    proxy = AlarmQueueProxy()
    proxy.setSourceModel(model)
    alarms = sample_alarms("anne")
    model.apply(alarms)
    qtmodeltester.check(proxy)
    model.apply([closed(alarms[0]), make_alarm("A-new", priority=Priority.HIGH, age_s=1)])
    qtmodeltester.check(proxy)


def test_batch_insert_is_one_span(qtbot: Any, model: AlarmQueueModel) -> None:
    spans: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: spans.append((first, last)))
    model.apply(sample_alarms("anne"))
    assert spans == [(0, 14)]


def test_inserted_ids_signalled_once(model: AlarmQueueModel) -> None:
    seen: list[list[str]] = []
    model.alarmsInserted.connect(seen.append)
    alarm = make_alarm("A-1")
    model.apply([alarm])
    model.apply([dataclasses.replace(alarm, message="again")])
    assert seen == [["A-1"]]


def test_closed_alarm_never_enters_the_queue(model: AlarmQueueModel) -> None:
    assert model.apply([closed(make_alarm("A-1"))]) == []
    assert model.rowCount() == 0


def test_last_view_in_a_batch_wins(model: AlarmQueueModel) -> None:
    alarm = make_alarm("A-1")
    model.apply([alarm, closed(alarm)])
    assert model.rowCount() == 0
    model.apply([alarm, dataclasses.replace(alarm, claimed_by="kari")])
    assert model.alarm("A-1").claimed_by == "kari"  # type: ignore[union-attr]


def test_proxy_orders_priority_then_longest_waiting(model: AlarmQueueModel) -> None:
    proxy = AlarmQueueProxy()
    proxy.setSourceModel(model)
    model.apply([
        make_alarm("low-old", priority=Priority.LOW, age_s=9000),
        make_alarm("med-new", priority=Priority.MEDIUM, age_s=5),
        make_alarm("high-new", priority=Priority.HIGH, age_s=5),
        make_alarm("med-old", priority=Priority.MEDIUM, age_s=500),
        make_alarm("high-old", priority=Priority.HIGH, age_s=500),
    ])
    assert _ids(proxy) == ["high-old", "high-new", "med-old", "med-new", "low-old"]
    model.apply([make_alarm("high-newest", priority=Priority.HIGH, age_s=1)])
    assert _ids(proxy)[:3] == ["high-old", "high-new", "high-newest"]
    levels = [proxy.index(r, 0).data(PriorityLevelRole) for r in range(proxy.rowCount())]
    assert levels == ["high"] * 3 + ["medium"] * 2 + ["low"]
    # the sort role carries the domain's own key
    top = proxy.index(0, 0)
    assert top.data(SortKeyRole) == queue_sort_key(top.data(AlarmViewRole))


def _edge_case_alarms() -> list[AlarmView]:
    """Alarms whose order is easy to get wrong: every priority at equal and nearly equal
    times (a microsecond apart, a year apart), ids that sort differently as numbers, by case,
    and a time before 1970."""
    alarms = [make_alarm(f"A-{i}", priority=prio, age_s=age)
              for i, (prio, age) in enumerate(
                  [(p, a) for p in Priority for a in (0, 0.000001, 1, 59.5, 86400 * 400)])]
    alarms += [make_alarm("B-9", age_s=1), make_alarm("B-10", age_s=1), make_alarm("b-1", age_s=1)]
    alarms.append(make_alarm("old", now=NOW.replace(year=1960)))
    return alarms


def test_model_keeps_the_order_of_queue_sort_key(model: AlarmQueueModel) -> None:
    alarms = _edge_case_alarms()
    for alarm in alarms[::2] + alarms[1::2]:  # in two batches, interleaved
        model.apply([alarm])
    assert model.alarm_ids() == [a.id for a in sorted(alarms, key=queue_sort_key)]


class _Unordered(RowTableModel[AlarmView]):
    """Alarms in the order given (not queue order): the proxy must sort them itself."""

    def __init__(self) -> None:
        super().__init__(lambda a: a.id, 1)

    def cell(self, alarm: AlarmView, column: int, role: int) -> Any:
        if role == AlarmIdRole:
            return alarm.id
        if role == AlarmViewRole:
            return alarm
        return None


def test_proxy_sorts_an_unordered_source_with_queue_sort_key(qtmodeltester: Any) -> None:
    source = _Unordered()
    proxy = AlarmQueueProxy()
    proxy.setSourceModel(source)
    alarms = _edge_case_alarms()
    source.reset(reversed(alarms))
    assert _ids(proxy) == [a.id for a in sorted(alarms, key=queue_sort_key)]
    newcomer = make_alarm("new-high", priority=Priority.HIGH, age_s=86400 * 500)
    source.upsert([newcomer])
    assert _ids(proxy) == [a.id for a in sorted([*alarms, newcomer], key=queue_sort_key)]
    assert _ids(proxy).index("new-high") == 1  # after the one from 1960, before the rest
    qtmodeltester.check(proxy)


def test_proxy_order_under_many_inserts_updates_and_removals(
        qtmodeltester: Any, model: AlarmQueueModel) -> None:
    proxy = AlarmQueueProxy()
    proxy.setSourceModel(model)
    prios = list(Priority)
    alarms = [make_alarm(f"A-{i}", priority=prios[i % 3], age_s=(i * 7919) % 1000)
              for i in range(600)]
    for start in range(0, 600, 150):
        model.apply(alarms[start:start + 150])
    # updates that keep the place, updates that move (priority changes), closes
    model.apply([dataclasses.replace(a, claimed_by="kari") for a in alarms[::5]]
                + [dataclasses.replace(a, priority=Priority.HIGH) for a in alarms[1::7]]
                + [closed(a) for a in alarms[2::9]])
    expected = sorted((model.alarm(i) for i in model.alarm_ids()), key=queue_sort_key)
    assert _ids(proxy) == [a.id for a in expected if a is not None]
    assert model.alarm_ids() == _ids(proxy)  # the model keeps queue order; the proxy passes it
    for row, alarm_id in enumerate(model.alarm_ids()):
        assert model.row_of(alarm_id) == row
    qtmodeltester.check(proxy)


def test_update_in_place_does_not_claim_a_sort_change(model: AlarmQueueModel) -> None:
    alarm = make_alarm("A-1")
    model.apply([alarm, make_alarm("A-2")])
    roles_seen: list[list[int]] = []
    model.dataChanged.connect(lambda _tl, _br, roles=(): roles_seen.append(list(roles)))
    model.apply([dataclasses.replace(alarm, claimed_by="kari")])
    assert roles_seen and SortKeyRole not in roles_seen[-1] and roles_seen[-1]
    model.apply([dataclasses.replace(alarm, priority=Priority.LOW)])
    assert roles_seen[-1] == [] or SortKeyRole in roles_seen[-1]


def test_age_column_ticks_only_that_column(qtbot: Any, model: AlarmQueueModel) -> None:
    model.apply([make_alarm("A-1", age_s=59), make_alarm("A-2", age_s=3599)])
    assert model.alarm_ids() == ["A-2", "A-1"]  # the model keeps queue order: longest waiting
    assert _text(model, 1, Column.AGE) == "00:59"
    assert _text(model, 0, Column.AGE) == "59:59"
    changes: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda tl, br, roles=(): changes.append(
        (tl.row(), tl.column(), br.row(), br.column())))
    model.tick(NOW + timedelta(seconds=2))
    assert changes == [(0, Column.AGE, 1, Column.AGE)]
    assert _text(model, 1, Column.AGE) == "01:01"
    assert _text(model, 0, Column.AGE) == "1:00:01"


def test_unknown_kind_shows_raw_string(model: AlarmQueueModel) -> None:
    model.apply([make_alarm("A-1", kind="vital_sign_alert"), make_alarm("A-2", kind="fall")])
    assert _text(model, 0, Column.KIND) == "vital_sign_alert"
    assert _text(model, 1, Column.KIND) == "Fall"


def test_unknown_patient_shows_id(model: AlarmQueueModel) -> None:
    model.apply([make_alarm("A-1", patient_id="P-9", patient_name=None)])
    assert _text(model, 0, Column.PATIENT) == "Unknown patient P-9"


def test_status_texts(model: AlarmQueueModel) -> None:
    model.apply([
        make_alarm("new"),
        make_alarm("claimed", claimed_by="Kari"),
        make_alarm("reset", source_status="reset_at_device"),
        make_alarm("gone", source_status="closed_at_source"),
    ])
    texts = {model.alarm_ids()[r]: _text(model, r, Column.STATUS) for r in range(4)}
    assert texts == {"new": "New", "claimed": "Claimed by Kari",
                     "reset": "Updated at device: reset", "gone": "Closed at source"}


def test_priority_text_has_prefix_and_flashing_until_claimed(model: AlarmQueueModel) -> None:
    model.apply([make_alarm("h", priority=Priority.HIGH),
                 make_alarm("m", priority=Priority.MEDIUM, claimed_by="kari"),
                 make_alarm("l", priority=Priority.LOW)])
    assert [_text(model, r, Column.PRIORITY) for r in range(3)] == [
        "*** High", "** Medium", "* Low"]
    assert [model.index(r, 0).data(FlashingRole) for r in range(3)] == [True, False, True]


def test_rich_text_patient_name_is_literal(model: AlarmQueueModel) -> None:
    raw = "<b>Ola</b> & <i>x</i>"
    model.apply([make_alarm("A-1", patient_name=raw, message="<a href='x'>click</a>")])
    assert _text(model, 0, Column.PATIENT) == raw
    tooltip = model.index(0, Column.MESSAGE).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;a href=" in tooltip and "<a " not in tooltip


def test_apply_many_alarms_keeps_row_index_consistent(model: AlarmQueueModel) -> None:
    alarms: list[AlarmView] = [make_alarm(f"A-{i}", age_s=i) for i in range(300)]
    model.apply(alarms)
    model.apply([closed(a) for a in alarms[::3]])
    assert model.rowCount() == 200
    for row, alarm_id in enumerate(model.alarm_ids()):
        assert model.row_of(alarm_id) == row


def _painted(index: Any) -> tuple[str, bool, bool]:
    """What a delegate reads of a cell in one ``multiData`` call: text, bold, an icon."""
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    option = QStyleOptionViewItem()
    QStyledItemDelegate().initStyleOption(option, index)
    return option.text, option.font.bold(), not option.icon.isNull()


def _asked_one_by_one(index: Any) -> tuple[str, bool, bool]:
    font = index.data(Qt.ItemDataRole.FontRole)
    return (str(index.data(Qt.ItemDataRole.DisplayRole) or ""), bool(font and font.bold()),
            index.data(Qt.ItemDataRole.DecorationRole) is not None)


def test_a_repaint_reads_each_cell_in_one_call_with_the_answers_of_data(
        model: AlarmQueueModel) -> None:
    """multiData (one call into Python a cell, through the proxy too) answers as data() does,
    and a row's kept values follow a new view of its alarm (claimed: status text, bold, icon)."""
    proxy = AlarmQueueProxy()
    proxy.setSourceModel(model)
    alarms = sample_alarms("anne")
    model.apply(alarms)
    model.set_overdue({alarms[0].id: 75.0})

    def every_cell() -> list[tuple[str, bool, bool]]:
        cells = []
        for row in range(proxy.rowCount()):
            for column in Column:
                index = proxy.index(row, column)
                assert _painted(index) == _asked_one_by_one(index)
                assert _painted(model.index(proxy.mapToSource(index).row(), column)) == (
                    _asked_one_by_one(index))
                cells.append(_painted(index))
        return cells

    before = every_cell()
    first = alarms[0]
    model.apply([dataclasses.replace(first, claimed_by="anne")])
    row = proxy.row_of(first.id)
    assert row is not None
    status = _painted(proxy.index(row, Column.STATUS))
    assert "anne" in status[0] and status[1] and status[2]  # claimed by me: bold, with an icon
    assert every_cell() != before
    model.set_operator("kari")  # "mine" is someone else's now: no longer bold
    assert not _painted(proxy.index(row, Column.STATUS))[1]
    assert every_cell()
    outside = proxy.index(proxy.rowCount(), 0)
    assert _painted(outside) == ("", False, False)
