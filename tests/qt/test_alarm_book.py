from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import pytest
from qt_samples import NOW, closed, make_alarm, sample_patient

from operator_app.ui.queue.alarm_book import AlarmBook

pytestmark = pytest.mark.qt


def test_an_alarm_arrives_once(qtbot: Any) -> None:
    book = AlarmBook()
    a, claimed = make_alarm("A-1"), make_alarm("A-2", claimed_by="kari")
    assert book.record([a, claimed]) == [a]  # a claimed one is handled already: no arrival
    assert book.record([dataclasses.replace(a, message="update")]) == []
    assert book.open_alarm("A-1").message == "update"  # type: ignore[union-attr]
    assert book.has_seen("A-2")
    assert book.record([closed(a)]) == []
    assert book.open_alarm("A-1") is None and book.has_seen("A-1")
    assert book.record([]) == []


def test_attached_alarms_sit_in_their_parents_row_and_follow_its_claim(qtbot: Any) -> None:
    book = AlarmBook()
    parent = make_alarm("A-1", attached=1, claimed_by="anne", claimed_at=NOW)
    child = make_alarm("A-2", parent_id="A-1")
    loose = make_alarm("A-3")
    book.record([parent, child, loose])
    assert book.queue_row(child) is parent and book.queue_row(loose) is loose
    by_id = {a.id: a for a in book.changed_with_group_claims(["A-1", "A-3"])[0]}
    assert by_id["A-2"].claimed_by == "anne" and by_id["A-2"].claimed_at == NOW
    assert by_id["A-3"].claimed_by is None
    assert book.is_open_and_claimed_by("A-1", "anne")
    assert not book.is_open_and_claimed_by("A-2", "anne")  # its own view is not claimed
    book.record([dataclasses.replace(parent, claimed_by=None, claimed_at=None)])
    assert {a.id: a for a in book.changed_with_group_claims(["A-1"])[0]}["A-2"].claimed_by is None


def test_patients_and_their_names(qtbot: Any) -> None:
    book = AlarmBook()
    book.record([make_alarm("A-1", patient_id="P-1", patient_name="From the alarm"),
                 make_alarm("A-2", patient_id="P-2", patient_name=None,
                            received_at=NOW - timedelta(seconds=1))])
    assert book.patient_names() == {"P-1": "From the alarm"}
    book.record_patient("P-1", sample_patient("P-1", "Loaded name"))
    book.record_patient("P-9", None)  # the feed sent nothing for P-9
    assert book.has_patient("P-1") and book.has_patient("P-9") and book.patient("P-9") is None
    assert book.patient_names() == {"P-1": "Loaded name"}  # a loaded patient wins
    book.forget_patients(["P-1"])
    assert not book.has_patient("P-1") and book.has_patient("P-9")
    assert book.patient_names() == {"P-1": "From the alarm"}
