"""Device statistics (domain.device_stats) from known alarms."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from operator_app.domain.device_stats import DeviceAlarm, device_stats

pytestmark = pytest.mark.unit
T = datetime(2026, 12, 1, 7, 0, tzinfo=UTC)
END = T + timedelta(hours=8)


def _a(aid: str, kind: str, device: str | None, outcome: str | None = None, *,
       patient: str = "P-1", at: float = 0, closed: float | None = None,
       status: str | None = None, status_at: float | None = None) -> DeviceAlarm:
    return DeviceAlarm(
        aid, kind, patient, device, T + timedelta(minutes=at),
        None if closed is None and outcome is None else T + timedelta(minutes=closed or at + 5),
        outcome, status, None if status_at is None else T + timedelta(minutes=status_at))


ALARMS = [
    _a("A1", "fall", "D-1", "false_alarm"),
    _a("A2", "fall", "D-1", "false_alarm", at=10),
    _a("A3", "fall", "D-1", "home_care_dispatched", at=20),
    _a("A4", "assistance_call", "D-2", "resolved_by_phone", patient="P-2", at=30),
    _a("A5", "assistance_call", "D-2", None, patient="P-2", at=40),  # open: no verdict
    _a("A6", "device_battery_low", "D-3", "technical_fault", patient="P-3", at=50),
    _a("A7", "device_offline", "D-3", "technical_fault", patient="P-3", at=60, closed=200,
       status="restored", status_at=90),
    _a("A8", "device_offline", "D-4", None, patient="P-4", at=400),  # still offline
    _a("C-1", "callback", None, "resolved_by_phone", at=70),  # a callback is not an alarm
]


def test_figures_from_known_alarms() -> None:
    s = device_stats(ALARMS, T, END)
    assert (s.alarms, s.decided) == (8, 6)
    assert [(c.key, c.alarms) for c in s.noisy_devices] == [
        ("D-1", 3), ("D-2", 2), ("D-3", 2), ("D-4", 1)]
    assert [(c.key, c.alarms) for c in s.noisy_patients][:2] == [("P-1", 3), ("P-2", 2)]
    by_kind = {r.key: (r.false_alarms, r.decided) for r in s.false_by_kind}
    assert by_kind == {"fall": (2, 3), "assistance_call": (0, 1), "device_battery_low": (0, 1),
                       "device_offline": (0, 1)}
    assert s.false_by_kind[0].key == "fall" and s.false_by_kind[0].rate == pytest.approx(2 / 3)
    assert s.false_by_device[0].key == "D-1"
    assert s.false_rate == pytest.approx(2 / 6)
    assert s.technical_faults == 2 and s.technical_fault_share == pytest.approx(2 / 6)
    assert s.technical_kind_alarms == 3 and s.technical_kind_share == pytest.approx(3 / 8)


def test_heartbeat_gaps_end_at_restore_else_close_else_ongoing() -> None:
    s = device_stats(ALARMS, T, END)
    first, second = s.gaps
    assert (first.device_id, first.restored, first.seconds(END)) == ("D-3", True, 30 * 60)
    assert (second.device_id, second.end, second.seconds(END)) == ("D-4", None, 80 * 60)
    assert s.offline_seconds() == 110 * 60
    closed_only = device_stats([_a("X", "device_offline", "D-9", "technical_fault", closed=15)],
                               T, END)
    assert closed_only.gaps[0].restored is False and closed_only.gaps[0].seconds(END) == 15 * 60


def test_no_alarms_gives_no_rates() -> None:
    s = device_stats([], T, END)
    assert (s.alarms, s.false_rate, s.technical_fault_share, s.gaps) == (0, None, None, ())


def test_top_limits_the_lists() -> None:
    s = device_stats(ALARMS, T, END, top=1)
    assert len(s.noisy_devices) == 1 and len(s.noisy_patients) == 1 and len(s.false_by_device) == 1
