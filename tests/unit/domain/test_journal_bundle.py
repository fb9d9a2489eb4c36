"""The journal bundle (domain.journal): VKP's shape, valid FHIR R4 (fhir.resources 6.x), a
stable identifier, the note escaped; delivery statuses and the retry delays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from operator_app.domain.journal import (
    AttemptResult,
    IssueFact,
    JournalCase,
    SubjectKind,
    build_bundle,
    bundle_identifier,
    classify_status,
    retry_delay,
)

pytestmark = pytest.mark.unit
T = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def _case(**changes: object) -> JournalCase:
    base = JournalCase(
        subject=SubjectKind.ALARM, subject_id="A-1", patient_id="P-1", operator="kari",
        started_at=T, closed_at=T + timedelta(minutes=4), outcome="home_care_dispatched",
        note="Falt på badet <ikke skadet> & ok\nHjemmetjenesten sendt",
        handled_from=T + timedelta(seconds=40),
        issues=(IssueFact("A-1", "fall", "high", T, "D-55", "Fall detected"),
                IssueFact("A-2", "door_open", "medium", T + timedelta(seconds=5))),
    )
    return JournalCase(**{**{f: getattr(base, f) for f in base.__slots__}, **changes})  # type: ignore[arg-type]


def test_the_bundle_validates_as_fhir_r4() -> None:
    bundle_model = pytest.importorskip("fhir.resources.bundle")
    body = build_bundle(_case())
    bundle = bundle_model.Bundle.parse_obj(body)
    assert bundle.type == "transaction"
    assert [type(e.resource).__name__ for e in bundle.entry] == [
        "DetectedIssue", "DetectedIssue", "Encounter", "Composition"]
    encounter = bundle.entry[2].resource
    assert encounter.class_fhir.code == "VR"
    assert encounter.participant[0].individual.identifier.value == "kari"
    assert encounter.period.end == bundle.entry[3].resource.date
    composition = bundle.entry[3].resource
    refs = [e.reference for e in composition.section[0].entry]
    assert refs == [bundle.entry[2].fullUrl, bundle.entry[0].fullUrl, bundle.entry[1].fullUrl]
    callback = build_bundle(_case(subject=SubjectKind.CALLBACK, subject_id="7", issues=(),
                                  outcome="cancelled", cancelled=True))
    assert bundle_model.Bundle.parse_obj(callback).entry[0].resource.status == "cancelled"


def test_the_validator_is_not_a_rubber_stamp() -> None:
    bundle_model = pytest.importorskip("fhir.resources.bundle")
    for index, field in ((0, "status"), (2, "class"), (3, "title")):  # each 1..1 in R4
        body = build_bundle(_case())
        del body["entry"][index]["resource"][field]
        with pytest.raises(ValueError, match=field):
            bundle_model.Bundle.parse_obj(body)
    body = build_bundle(_case())
    body["entry"][2]["resource"]["period"]["end"] = "yesterday"
    with pytest.raises(ValueError):
        bundle_model.Bundle.parse_obj(body)


def test_identifier_is_stable_per_close_and_new_for_a_later_close() -> None:
    assert bundle_identifier(_case()) == bundle_identifier(_case())
    assert bundle_identifier(_case()) != bundle_identifier(
        _case(closed_at=T + timedelta(minutes=9)))
    assert bundle_identifier(_case()) != bundle_identifier(_case(subject_id="A-2"))
    body = build_bundle(_case())
    assert body["identifier"]["value"] == bundle_identifier(_case())
    assert body["identifier"]["value"].startswith("urn:uuid:")


def test_the_note_is_escaped_and_no_patient_name_is_carried() -> None:
    body = build_bundle(_case())
    div = body["entry"][3]["resource"]["section"][0]["text"]["div"]
    assert "&lt;ikke skadet&gt; &amp; ok<br/>Hjemmetjenesten" in div
    assert body["entry"][0]["resource"]["patient"] == {
        "identifier": {"system": "urn:operator-app:patient", "value": "P-1"}}


def test_statuses_and_retry_delays() -> None:
    assert classify_status(201) is AttemptResult.DELIVERED
    assert classify_status(503) is AttemptResult.RETRY
    assert classify_status(429) is AttemptResult.RETRY
    assert classify_status(401) is AttemptResult.RETRY  # the token: the admin's fix
    assert classify_status(422) is AttemptResult.REJECTED
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [5, 10, 20]
    assert retry_delay(40).total_seconds() == 900


def test_an_item_without_a_patient_or_note_still_makes_a_valid_bundle() -> None:
    bundle_model = pytest.importorskip("fhir.resources.bundle")
    body = build_bundle(_case(patient_id="", note="", issues=(
        IssueFact("U-1", "feed_unreadable", "high", T),)))
    resources = [e["resource"] for e in body["entry"]]
    assert not any("patient" in r or "subject" in r for r in resources)
    bundle_model.Bundle.parse_obj(body)
