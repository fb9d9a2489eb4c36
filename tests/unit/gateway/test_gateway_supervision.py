"""Heartbeats per controller: silence longer than the expected interval raises
``device_offline``; the controller's next message restores it. A registered controller's
alarms go to its patient; an unknown one is shown as "unknown device cid …"."""

from __future__ import annotations

from pathlib import Path

import pytest
from gateway_harness import Clock, desk, gateway_thread, mrq, send_udp, sip_message, snu

from operator_app.gateway.intake import Supervision
from operator_app.store.gateway.gateway_store import Device, GatewayStore

pytestmark = pytest.mark.unit


def test_a_silent_controller_raises_device_offline_and_its_next_heartbeat_restores_it(
        gateway_db: str, clock: Clock, tmp_path: Path) -> None:
    registry = GatewayStore.open(gateway_db)
    registry.replace_devices([Device("26317", "", "P-1001", heartbeat_s=600)])
    registry.close()
    thread = gateway_thread(gateway_db, clock=clock,
                            supervision=Supervision(default_interval_s=3600, grace_s=30)).start()
    try:
        gateway = thread.gateway
        port = gateway.udp_port
        assert port is not None
        with desk(gateway.feed.url, tmp_path / "desk.db") as d:
            beat = send_udp(port, sip_message(mrq(ref="h1", cid="26317", dty="2", mty="PI")))
            assert snu(beat) == 0
            assert b"<hbi>3600</hbi>" in beat
            # a heartbeat makes no alarm
            clock.advance(600 + 30)  # silent exactly as long as allowed
            thread.call(gateway.check_silent)
            assert gateway.feed.head == 0
            clock.advance(1)
            thread.call(gateway.check_silent)
            thread.call(gateway.check_silent)  # once, not on every pass
            (offline,) = d.wait_for(lambda a: len(a) == 1, what="device_offline")
            assert offline.kind == "device_offline"
            assert offline.patient_id == "P-1001"
            assert offline.message is not None and "26317" in offline.message
            beat = send_udp(port, sip_message(mrq(ref="h2", cid="26317", dty="2", mty="PI")))
            assert snu(beat) == 0
            d.wait_for(lambda a: a[0].source_status == "restored", what="restored")
        assert [e.type for e in gateway.intake.store.events()] == ["alarm.raised",
                                                                   "alarm.updated"]
        assert gateway.feed.open_alarms() == []
    finally:
        thread.stop()


def test_an_unregistered_controller_uses_the_default_interval(gateway_db: str,
                                                              clock: Clock) -> None:
    thread = gateway_thread(gateway_db, clock=clock,
                            supervision=Supervision(default_interval_s=120, grace_s=0)).start()
    try:
        gateway = thread.gateway
        assert gateway.udp_port is not None
        send_udp(gateway.udp_port, sip_message(mrq(ref="1", cid="555", dty="2", mty="PI")))
        clock.advance(121)
        thread.call(gateway.check_silent)
        (alarm,) = gateway.feed.open_alarms()
        assert alarm["kind"] == "device_offline"
        assert alarm["patient_id"] == "unknown-device-555"
        assert alarm["message"].startswith("unknown device cid 555")
    finally:
        thread.stop()


def test_registered_devices_go_to_their_patient(gateway_db: str) -> None:
    registry = GatewayStore.open(gateway_db)
    registry.replace_devices([Device("100", "", "P-1"), Device("100", "FD1", "P-2"),
                              Device("200", "A", "P-3")])
    registry.close()
    thread = gateway_thread(gateway_db).start()
    try:
        gateway = thread.gateway
        port = gateway.udp_port
        assert port is not None
        for ref, cid, did in (("1", "100", ""), ("2", "100", "FD1"), ("3", "100", "ZZ"),
                              ("4", "200", "B")):
            fields = {"ref": ref, "cid": cid, "dty": "5"} | ({"did": did} if did else {})
            assert snu(send_udp(port, sip_message(mrq(**fields)))) == 0
        patients = [e.data["patient_id"] for e in gateway.intake.store.events()]
        messages = [e.data["message"] for e in gateway.intake.store.events()]
    finally:
        thread.stop()
    # a controller's other devices are its patient's; one patient per controller here
    assert patients == ["P-1", "P-2", "P-1", "P-3"]
    assert not any("unknown device" in m for m in messages)


def test_heartbeats_that_repeat_one_ref_keep_their_controller_alive(gateway_db: str,
                                                                    clock: Clock) -> None:
    thread = gateway_thread(gateway_db, clock=clock,
                            supervision=Supervision(default_interval_s=100, grace_s=0)).start()
    try:
        gateway = thread.gateway
        assert gateway.udp_port is not None
        for _ in range(5):
            beat = sip_message(mrq(ref="0", cid="808", dty="2", mty="PI"))
            assert snu(send_udp(gateway.udp_port, beat)) == 0
            clock.advance(90)
            thread.call(gateway.check_silent)
        assert gateway.feed.head == 0  # never offline
        clock.advance(11)
        thread.call(gateway.check_silent)
        assert [a["kind"] for a in gateway.feed.open_alarms()] == ["device_offline"]
    finally:
        thread.stop()


def test_a_restart_counts_silence_from_its_own_start_no_flood_of_offline_alarms(
        gateway_db: str, clock: Clock) -> None:
    supervision = Supervision(default_interval_s=100, grace_s=0)
    first = gateway_thread(gateway_db, clock=clock, supervision=supervision).start()
    try:
        assert first.gateway.udp_port is not None
        send_udp(first.gateway.udp_port, sip_message(mrq(ref="1", cid="31", dty="2", mty="PI")))
    finally:
        first.stop()
    clock.advance(3600)  # the gateway was down for an hour: the heartbeats were lost
    second = gateway_thread(gateway_db, clock=clock, supervision=supervision).start()
    try:
        second.call(second.gateway.check_silent)
        assert second.gateway.feed.open_alarms() == []
        clock.advance(101)  # silent for longer than its interval since the restart
        second.call(second.gateway.check_silent)
        assert [a["kind"] for a in second.gateway.feed.open_alarms()] == ["device_offline"]
    finally:
        second.stop()


def test_desks_are_told_the_registered_patient_before_the_alarm(
        gateway_db: str, tmp_path: Path) -> None:
    registry = GatewayStore.open(gateway_db)
    registry.replace_devices([Device("26317", "", "P-1001", patient_name="Kari Nordmann",
                                     patient_phone="+4790000001",
                                     patient_address="Storgata 1")])
    registry.close()
    thread = gateway_thread(gateway_db).start()
    try:
        gateway = thread.gateway
        assert gateway.udp_port is not None
        with desk(gateway.feed.url, tmp_path / "desk.db") as d:
            send_udp(gateway.udp_port, sip_message(mrq(ref="1", cid="26317", dty="7")))
            (alarm,) = d.wait_for(lambda a: len(a) == 1)
        assert alarm.patient_name == "Kari Nordmann"
        # told once (at start), not again with the alarm: the record has not changed
        types = [e.type for e in gateway.intake.store.events()]
        assert types == ["patient.upsert", "alarm.raised"]
        renamed = GatewayStore.open(gateway_db)
        renamed.replace_devices([Device("26317", "", "P-1001", patient_name="Kari Nordmann-Berg")])
        renamed.close()
        send_udp(gateway.udp_port, sip_message(mrq(ref="2", cid="26317", dty="7")))
        types = [e.type for e in gateway.intake.store.events()]
        assert types == ["patient.upsert", "alarm.raised", "patient.upsert", "alarm.raised"]
        assert gateway.feed.patient("P-1001") == {"id": "P-1001", "name": "Kari Nordmann-Berg"}
    finally:
        thread.stop()
