from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from handover_samples import SHIFT, sample_figures, sample_notes
from PySide6.QtCore import QDate, Qt

from operator_app.domain.handover import handover_for_shift
from operator_app.domain.shifts import DEFAULT_SCHEDULE
from operator_app.ui.handover.handover_chart import HandoverChart, nice_ceiling
from operator_app.ui.handover.handover_view import HandoverView

pytestmark = pytest.mark.qt


@pytest.fixture
def view(qtbot: Any) -> HandoverView:
    v = HandoverView()
    qtbot.addWidget(v)
    v.resize(1300, 850)
    v.set_handover(str(SHIFT), sample_figures(), sample_notes()[:2], None)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_cards_show_figures_in_words(view: HandoverView) -> None:
    f = sample_figures()
    assert view.cards["alarms"].value.text() == str(f.total)
    share60 = view.cards["share60"]
    assert ("NOT met" in share60.detail.text()) == (not f.answer[0].met)
    assert "97.5 %" in share60.detail.text()
    assert view.cards["callbacks"].value.text() == "1 overdue"
    assert view.kind_table.rowCount() == len(f.by_kind)
    assert view.priority_table.item(0, 0).text() == "*** High"
    assert "Flood periods:" in view.flood_label.text()
    assert view.chart.buckets() == f.buckets
    assert view.period_label.text().startswith("14.03.2025 07:00")


def test_empty_shift(qtbot: Any) -> None:
    v = HandoverView()
    qtbot.addWidget(v)
    empty = handover_for_shift(DEFAULT_SCHEDULE, SHIFT, [])
    v.set_handover(str(SHIFT), empty, [], None)
    assert v.cards["share60"].value.text() == "—"
    assert v.cards["claim"].value.text() == "—"
    v.grab()  # paints without data


def test_shift_chooser_emits(view: HandoverView, qtbot: Any) -> None:
    with qtbot.waitSignal(view.shiftChosen) as blocker:
        qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["2025-03-13:night"]
    with qtbot.waitSignal(view.shiftChosen) as blocker:
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["2025-03-14:evening"]
    with qtbot.waitSignal(view.shiftChosen) as blocker:
        view.date_edit.setDate(QDate(2025, 3, 10))
    assert blocker.args == ["2025-03-10:day"]
    with qtbot.assertNotEmitted(view.shiftChosen):
        view.set_handover("2025-03-10:night", None, [], None)


def test_notes_and_sign_off(view: HandoverView, qtbot: Any) -> None:
    assert not view.add_note_button.isEnabled()
    qtbot.keyClicks(view.note_edit, "Door sensor at Solheim still faulty")
    with qtbot.waitSignal(view.noteAdded) as blocker:
        qtbot.mouseClick(view.add_note_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [str(SHIFT), "Door sensor at Solheim still faulty"]
    assert view.note_edit.toPlainText() == ""
    with qtbot.waitSignal(view.signOffRequested) as blocker:
        qtbot.mouseClick(view.signoff_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [str(SHIFT)]

    _, end = DEFAULT_SCHEDULE.bounds(SHIFT)
    view.set_handover(str(SHIFT), sample_figures(), sample_notes(),
                      ("kari", end + timedelta(minutes=5)))
    assert view.signed_off
    assert not view.signoff_button.isEnabled()
    assert view.signoff_label.text().startswith("Signed off by kari at 14.03.2025 15:05")
    assert "frozen" in view.signoff_label.text()
    assert view.add_note_button.text() == "Add addendum"
    last = view.notes_list.item(view.notes_list.count() - 1)
    assert last.text().startswith("Addendum after sign-off")


def test_export_asks_for_a_path(view: HandoverView, qtbot: Any, tmp_path: Path) -> None:
    asked: list[tuple[str, str]] = []

    def provider(kind: str, suggested: str) -> str:
        asked.append((kind, suggested))
        return str(tmp_path / suggested)

    view.path_provider = provider
    with qtbot.waitSignal(view.exportRequested) as blocker:
        qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert asked == [("pdf", "handover-2025-03-14-day.pdf")]
    assert blocker.args == [str(SHIFT), "pdf", str(tmp_path / "handover-2025-03-14-day.pdf")]
    view.path_provider = lambda kind, suggested: ""
    with qtbot.assertNotEmitted(view.exportRequested):
        qtbot.mouseClick(view.csv_button, Qt.MouseButton.LeftButton)


def test_chart_axis_helpers(qtbot: Any) -> None:
    assert [nice_ceiling(v) for v in (1, 5, 6, 12, 31, 101)] == [5, 5, 10, 15, 40, 150]
    chart = HandoverChart()
    qtbot.addWidget(chart)
    chart.resize(800, 240)
    chart.set_figures(sample_figures())
    assert "flood" in chart.toolTip()
    assert not chart.grab().isNull()
