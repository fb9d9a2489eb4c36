"""The access log: one chained row per patient opened, read back per patient since a time."""

from __future__ import annotations

import clocked_store
import pytest
from clocked_store import Clock

from operator_app.domain.access import AccessAction, AccessLogError, ReasonKind
from operator_app.store import Store

pytestmark = pytest.mark.unit

clock = clocked_store.clock  # fixtures
desk = clocked_store.desk


def test_an_access_is_one_row_per_patient_read_back_in_order(desk: Store, clock: Clock) -> None:
    clock.at(10)
    assert desk.record_access("kari", "ws-1", ["P-1", "P-2", "P-1"], AccessAction.EXPORT,
                              ReasonKind.EXPORT, "log 2026-11-25", detail={"rows": 3}) == 2
    clock.at(20)
    desk.record_access("ola", "ws-2", ["P-1"], AccessAction.MEASUREMENTS, ReasonKind.REVIEW,
                       "R-P-1-1")
    rows = desk.access_log("P-1")
    assert [(r.at, r.account, r.workstation, r.action, r.reason_kind, r.reason_id, r.detail)
            for r in rows] == [
        (clock.at(10), "kari", "ws-1", AccessAction.EXPORT, ReasonKind.EXPORT, "log 2026-11-25",
         {"rows": 3}),
        (clock.at(20), "ola", "ws-2", AccessAction.MEASUREMENTS, ReasonKind.REVIEW, "R-P-1-1",
         None),
    ]  # fmt: skip
    assert [r.account for r in desk.access_log("P-1", since=clock.at(15))] == ["ola"]
    assert [r.patient_id for r in desk.access_log("P-2")] == ["P-2"]
    assert desk.access_log("P-3") == []
    assert all(s.ok for s in desk.verify_chains())


@pytest.mark.parametrize(
    ("account", "patients"), [(" ", ["P-1"]), ("kari", ["P-1", ""]), ("kari", ["  "])]
)
def test_a_blank_account_or_patient_is_refused_and_nothing_written(
    desk: Store, account: str, patients: list[str]
) -> None:
    with pytest.raises(AccessLogError):
        desk.record_access(account, "ws-1", patients, AccessAction.PATIENT, ReasonKind.ALARM, "A")
    assert desk.access_log("P-1") == []


def test_an_unknown_action_is_refused_and_nothing_written(desk: Store) -> None:
    with pytest.raises(ValueError):
        desk.record_access("kari", "ws-1", ["P-1"], "peek",  # type: ignore[arg-type]
                           ReasonKind.ALARM, "A-1")
    assert desk.access_log("P-1") == []


def test_no_patient_no_row(desk: Store) -> None:
    assert desk.record_access("kari", None, [], AccessAction.PATIENT, ReasonKind.ALARM) == 0
