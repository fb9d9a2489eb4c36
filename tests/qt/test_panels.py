from __future__ import annotations

from datetime import date
from typing import Any

import msgspec
import pytest
from PySide6.QtCore import Qt
from qt_samples import make_alarm, sample_patient

from operator_app.domain.alarms import Outcome
from operator_app.domain.records import Contact
from operator_app.domain.views import PatientView
from operator_app.ui.triage.patient_panel import PatientPanel
from operator_app.ui.triage.triage_panel import TriagePanel
from widgets.plain_text_label import PlainTextLabel

pytestmark = pytest.mark.qt

RAW = "<b>Ola</b> & <i>x</i>"


def test_patient_panel_shows_rich_text_literally(qtbot: Any) -> None:
    panel = PatientPanel()
    qtbot.addWidget(panel)
    patient = sample_patient("P-1", RAW)
    record = msgspec.structs.replace(patient.record, flags=[RAW], care_plan=RAW,
                                 contacts=[Contact(name=RAW, relation=RAW, phone="1", order=1)])
    panel.set_patient("P-1", PatientView(record), today=date(2025, 3, 14))
    assert panel.name_label.textFormat() == Qt.TextFormat.PlainText
    assert panel.name_label.text() == RAW
    assert panel.fields["care_plan"].text() == RAW
    assert panel.flags.items() == [RAW]
    assert panel.contact_rows[0][1].text() == RAW
    for label in panel.all_plain_labels():
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_plain_text_label_refuses_rich_text(qtbot: Any) -> None:
    label = PlainTextLabel(RAW)
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.RichText)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == RAW


def test_patient_panel_identity_and_contacts_in_call_order(qtbot: Any) -> None:
    panel = PatientPanel()
    qtbot.addWidget(panel)
    panel.set_patient("P-1", sample_patient(), today=date(2025, 3, 14))
    assert panel.fields["born"].text() == "17.05.1938 (age 86)"
    assert [row[1].text() for row in panel.contact_rows] == [
        "Kari Hansen", "Hans Hansen", "Home care night team"]
    assert [row[0].text() for row in panel.contact_rows] == ["1.", "2.", "3."]
    assert panel.contact_rows[0][3].text() == "+47 913 00 111"
    assert "Fall risk" in panel.flags.items()
    assert "Key box" in panel.fields["key_access"].text()


def test_patient_panel_unknown_patient(qtbot: Any) -> None:
    panel = PatientPanel()
    qtbot.addWidget(panel)
    panel.set_patient("P-9", None)
    assert panel.name_label.text() == "Unknown patient P-9"
    assert not panel.name_label.isHidden()
    assert "no details" in panel.state_label.text()
    assert panel.name_label.textFormat() == Qt.TextFormat.PlainText


@pytest.fixture
def triage(qtbot: Any) -> TriagePanel:
    panel = TriagePanel("anne")
    qtbot.addWidget(panel)
    return panel


def test_close_disabled_unless_claimed_by_me_and_outcome_chosen(triage: TriagePanel) -> None:
    triage.set_alarm(make_alarm("A-1"))
    assert not triage.close_button.isEnabled()
    assert triage.claim_button.isEnabled()
    assert not triage.choose_outcome(0)  # not claimed: no decision yet
    triage.set_alarm(make_alarm("A-1", claimed_by="anne"))
    assert not triage.close_button.isEnabled()  # no outcome yet
    assert triage.choose_outcome(4)
    assert triage.selected_outcome() is Outcome.EMERGENCY_113
    assert triage.close_button.isEnabled()
    assert triage.release_button.isEnabled()


def test_claimed_by_someone_else_disables_everything(triage: TriagePanel) -> None:
    triage.set_alarm(make_alarm("A-1", claimed_by="Kari"))
    assert triage.claim_label.text() == "Claimed by Kari"
    for button in (triage.claim_button, triage.release_button, triage.close_button):
        assert not button.isEnabled()
    assert not triage.outcome_box.isEnabled()
    assert not triage.note_edit.isEnabled()
    assert not triage.request_close()


def test_close_emits_outcome_and_note_once(qtbot: Any, triage: TriagePanel) -> None:
    triage.set_alarm(make_alarm("A-1", claimed_by="anne"))
    triage.choose_outcome(1)
    triage.note_edit.setPlainText("Home care on the way")
    with qtbot.waitSignal(triage.closeRequested) as blocker:
        assert triage.request_close()
    assert blocker.args == ["A-1", Outcome.HOME_CARE_DISPATCHED, "Home care on the way"]
    assert not triage.close_button.isEnabled()  # pending: no double close
    assert not triage.request_close()


def test_drafts_survive_switching_alarms(triage: TriagePanel) -> None:
    triage.set_alarm(make_alarm("A-1", claimed_by="anne"))
    triage.choose_outcome(2)
    triage.note_edit.setPlainText("draft one")
    triage.set_alarm(make_alarm("A-2", claimed_by="anne"))
    assert triage.note_edit.toPlainText() == ""
    assert triage.selected_outcome() is None
    triage.set_alarm(make_alarm("A-1", claimed_by="anne"))
    assert triage.note_edit.toPlainText() == "draft one"
    assert triage.selected_outcome() is Outcome.NEXT_OF_KIN_CONTACTED


def test_feed_text_in_triage_is_plain(triage: TriagePanel) -> None:
    triage.set_alarm(make_alarm("A-1", message=RAW, patient_name=RAW))
    assert triage.fields["message"].text() == RAW
    assert triage.fields["message"].textFormat() == Qt.TextFormat.PlainText
    assert RAW in triage.title_label.text()
