from __future__ import annotations

from typing import Any

import pytest
from measurement_samples import review_items

from operator_app.domain.colour import Colour
from operator_app.ui.common.roles import AlarmIdRole, ColourLevelRole
from operator_app.ui.measurements.review_view import ReviewListModel, ReviewView

pytestmark = pytest.mark.qt


def test_review_model(qtmodeltester: Any) -> None:
    model = ReviewListModel()
    qtmodeltester.check(model)
    model.set_items(review_items())
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    row = next(i for i in range(4) if model.index(i, 0).data(AlarmIdRole) == "R-2")
    assert model.index(row, ReviewListModel.COLOUR).data() == "Red"
    assert model.index(row, ReviewListModel.COLOUR).data(ColourLevelRole) == "red"
    assert model.index(row, ReviewListModel.PARAMETERS).data() == "SpO2, Temperature"
    assert model.index(row, ReviewListModel.DEVIATIONS).data() == "3"
    unknown = next(i for i in range(4) if model.items()[i].patient_name is None)
    assert model.index(unknown, ReviewListModel.PATIENT).data() == "Unknown patient P-9"
    assert model.index(unknown, ReviewListModel.PARAMETERS).data() == "Systolic, Diastolic"
    model.set_items([])
    qtmodeltester.check(model)


def test_green_items_are_not_listed() -> None:
    items = review_items()
    green = items[0].__class__(**{**{f: getattr(items[0], f) for f in items[0].__slots__},
                                  "alarm_id": "G", "colour": Colour.GREEN})
    model = ReviewListModel()
    model.set_items([*items, green])
    assert model.rowCount() == 4


def test_review_view_worst_first_and_activation(qtbot: Any, qtmodeltester: Any) -> None:
    view = ReviewView()
    qtbot.addWidget(view)
    view.show()
    view.set_items(review_items())
    qtmodeltester.check(view.proxy)
    # red before yellow, then the oldest first deviation first
    assert [view.alarm_id_at(r) for r in range(4)] == ["R-4", "R-2", "R-3", "R-1"]
    assert view.count_label.text() == "2 red, 2 yellow"
    with qtbot.waitSignal(view.reviewActivated) as blocker:
        view.table.activated.emit(view.proxy.index(1, 2))
    assert blocker.args == ["R-2"]
    assert view.select_alarm("R-3")
    view.set_items(review_items()[::-1])  # an update keeps the selection
    assert view.selected_alarm_id() == "R-3"
    view.set_items([])
    assert view.count_label.text() == "No open yellow or red measurements."
