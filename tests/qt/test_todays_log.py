from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt
from qt_samples import NOW, closed, make_alarm

from operator_app.ui.common.roles import AlarmIdRole, ClosedAtRole
from operator_app.ui.queue.todays_log import LogColumn, TodayLogModel, TodayLogProxy

pytestmark = pytest.mark.qt


def test_model_passes_modeltester_through_loads_inserts_and_updates(qtmodeltester: Any) -> None:
    model = TodayLogModel()
    qtmodeltester.check(model)
    a0, a1 = closed(make_alarm("A-0")), closed(make_alarm("A-1"), by="ola")
    model.set_alarms([a0, a1, dataclasses.replace(a0, note="later")])
    assert model.alarm_ids() == ["A-0", "A-1"]  # listed once, in its first place, last view
    assert model.alarm("A-0").note == "later"  # type: ignore[union-attr]
    qtmodeltester.check(model)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.add([make_alarm("open"), closed(make_alarm("A-2")), closed(make_alarm("A-3")),
               dataclasses.replace(a1, note="amended")])
    assert inserted == [(2, 3)]  # the open one is ignored; new ones in one span
    assert model.alarm_ids() == ["A-0", "A-1", "A-2", "A-3"]
    assert model.index(1, LogColumn.NOTE).data() == "amended"
    assert model.index(1, LogColumn.OPERATOR).data() == "ola"
    qtmodeltester.check(model)
    model.set_alarms([])
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_proxy_lists_the_newest_closure_first(qtmodeltester: Any) -> None:
    model = TodayLogModel()
    proxy = TodayLogProxy()
    proxy.setSourceModel(model)
    model.set_alarms([closed(make_alarm("early"), at=NOW.replace(hour=8)),
                      closed(make_alarm("late"), at=NOW.replace(hour=12))])
    model.add([closed(make_alarm("latest"), at=NOW.replace(hour=13))])
    assert [proxy.index(r, 0).data(AlarmIdRole) for r in range(3)] == [
        "latest", "late", "early"]
    assert proxy.index(0, 0).data(ClosedAtRole) == NOW.replace(hour=13).timestamp()
    assert proxy.index(0, LogColumn.KIND).data(Qt.ItemDataRole.DisplayRole) == "Fall"
    qtmodeltester.check(proxy)
