"""A SCAIP alarm over real UDP becomes one alarm in a desk's store, answered snu 0 only after
it is stored; resends and retransmissions make no second alarm."""

from __future__ import annotations

from pathlib import Path

import pytest
from gateway_harness import desk, gateway_thread, header, mrq, send_tcp, send_udp, sip_message, snu, status

from operator_app.gateway.runner import GatewayThread

pytestmark = pytest.mark.unit


def _udp(gw: GatewayThread) -> int:
    port = gw.gateway.udp_port
    assert port is not None
    return port


def test_a_fall_over_udp_reaches_the_desk_with_location_and_call_back(
        gw: GatewayThread, tmp_path: Path) -> None:
    body = mrq(ref="4711", mty="ME", cid="26317", dty="5", did="D55", dco="2", stc="9",
               crd="gsm:+4790000001", lco="12", lge="<geo>67.28,14.40</geo>")
    with desk(gw.gateway.feed.url, tmp_path / "desk.db") as d:
        answer = send_udp(_udp(gw), sip_message(body))
        assert status(answer) == 200
        assert snu(answer) == 0
        assert b"<ref>4711</ref>" in answer
        assert ";tag=" in (header(answer, "To") or "")
        alarms = d.wait_for(lambda a: len(a) == 1)
    alarm = alarms[0]
    assert alarm.kind == "fall"
    assert alarm.patient_id == "unknown-device-26317"
    assert alarm.message is not None
    assert "unknown device cid 26317" in alarm.message
    assert "call back: +4790000001" in alarm.message
    assert "fall detector (dty 0005)" in alarm.message
    assert alarm.location_text is not None and alarm.location_text.startswith("Soverom")
    assert "67.28" in alarm.location_text
    assert alarm.device_id == "26317/D55"


def test_snu_0_only_after_the_event_is_in_the_durable_log(gw: GatewayThread) -> None:
    answer = send_udp(_udp(gw), sip_message(mrq(ref="1", cid="42", dty="0003", mty="ME")))
    assert snu(answer) == 0
    # the answer was sent, so the event is committed: a fresh connection reads it
    events = gw.gateway.intake.store.events()
    assert [e.type for e in events] == ["alarm.raised"]
    assert events[0].data["kind"] == "assistance_call"


def test_retransmission_and_repeated_ref_make_one_alarm(gw: GatewayThread) -> None:
    port = _udp(gw)
    datagram = sip_message(mrq(ref="77", cid="501", dty="3", mty="ME"))
    first = send_udp(port, datagram)
    again = send_udp(port, datagram)  # a UDP retransmission of the same transaction
    assert again == first  # same answer, same To-tag
    resent = send_udp(port, sip_message(mrq(dty="0003", mty="ME", cid="501", ref="77")))
    assert snu(resent) == 0  # same ref, new transaction, fields in another order
    raised = [e for e in gw.gateway.intake.store.events() if e.type == "alarm.raised"]
    assert len(raised) == 1


def test_a_reused_ref_with_other_content_is_a_new_alarm_never_taken_for_a_repeat(
        gw: GatewayThread) -> None:
    port = _udp(gw)
    send_udp(port, sip_message(mrq(ref="9", cid="600", dty="3", mty="ME")))
    send_udp(port, sip_message(mrq(ref="9", cid="600", dty="5", mty="ME")))
    kinds = [e.data["kind"] for e in gw.gateway.intake.store.events()]
    assert kinds == ["assistance_call", "fall"]


def test_unknown_device_type_and_status_are_still_alarms_with_their_codes(
        gw: GatewayThread) -> None:
    answer = send_udp(_udp(gw), sip_message(mrq(ref="u1", cid="7", dty="9999", stc="4321")))
    assert snu(answer) == 0  # mty absent: taken as an alarm
    (event,) = gw.gateway.intake.store.events()
    assert event.data["kind"] == "scaip_dty_9999"
    assert event.data["priority"] == "high"
    assert "unknown dty 9999" in event.data["message"]
    assert "unknown stc 4321" in event.data["message"]


def test_reset_from_the_device_updates_its_open_alarm(gw: GatewayThread, tmp_path: Path) -> None:
    port = _udp(gw)
    with desk(gw.gateway.feed.url, tmp_path / "desk.db") as d:
        send_udp(port, sip_message(mrq(ref="1", cid="88", dty="3", did="B1", mty="ME")))
        d.wait_for(lambda a: len(a) == 1)
        send_udp(port, sip_message(mrq(ref="2", cid="88", dty="3", did="B1", mty="RE",
                                       stc="93")))
        d.wait_for(lambda a: a[0].source_status == "reset_at_device", what="reset")
    types = [e.type for e in gw.gateway.intake.store.events()]
    assert types == ["alarm.raised", "alarm.updated"]


@pytest.mark.parametrize(("body", "expected"), [
    (b"<mrq><ref>1</ref><cid>5</cid>", 2),                       # not XML
    (b"<scaip><ref>1</ref></scaip>", 2),                        # not an mrq
    (mrq(ref="1", dty="2"), 7),                                  # no cid
    (mrq(cid="5", dty="2"), 7),                                  # no ref
    (mrq(ref="1", cid="12a", dty="2"), 3),                       # cid not digits
    (mrq(ref="1", cid="5", dty="2", mty="XX"), 3),               # unknown message type
    (b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x "y">]><mrq><ref>1</ref></mrq>', 2),
])
def test_what_cannot_be_taken_is_answered_with_its_snu_and_stores_nothing(
        gw: GatewayThread, body: bytes, expected: int) -> None:
    answer = send_udp(_udp(gw), sip_message(body))
    assert status(answer) == 200
    assert snu(answer) == expected
    assert gw.gateway.intake.store.events() == []


def test_sip_answers_415_405_and_options(gw: GatewayThread) -> None:
    port = _udp(gw)
    wrong_type = send_udp(port, sip_message(b"hello", content_type="text/plain"))
    assert status(wrong_type) == 415
    assert header(wrong_type, "Accept") == "application/scaip+xml"
    assert status(send_udp(port, sip_message(b"", method="INVITE"))) == 405
    assert status(send_udp(port, sip_message(b"", method="OPTIONS"))) == 200


def test_compact_header_forms_are_understood(gw: GatewayThread) -> None:
    answer = send_udp(_udp(gw), sip_message(mrq(ref="c1", cid="3", dty="2"), compact=True))
    assert snu(answer) == 0


def test_sip_from_outside_the_allowed_networks_is_refused_and_takes_nothing(gateway_db: str) -> None:
    thread = gateway_thread(gateway_db, allow=("10.20.0.0/16",)).start()
    try:
        gateway = thread.gateway
        assert gateway.udp_port is not None and gateway.tcp_port is not None
        body = mrq(ref="x1", cid="66", dty="5")
        assert status(send_udp(gateway.udp_port, sip_message(body))) == 403
        (answer,) = send_tcp(gateway.tcp_port, sip_message(body, transport="TCP"))
        assert status(answer) == 403
        assert gateway.intake.store.events() == []
    finally:
        thread.stop()
    allowed = gateway_thread(gateway_db, allow=("10.20.0.0/16", "127.0.0.0/8")).start()
    try:
        assert allowed.gateway.udp_port is not None
        assert snu(send_udp(allowed.gateway.udp_port, sip_message(body))) == 0
    finally:
        allowed.stop()


FIELD_SHAPES = {
    # as SS 91100 writes it, every code zero-padded
    "long": b'<?xml version="1.0" encoding="UTF-8"?>\n<mrq>\n  <ref>000123</ref>\n  <ver>01.00</ver>'
            b"\n  <mty>ME</mty>\n  <cid>4790000001</cid>\n  <dty>0004</dty>\n  <did>1</did>"
            b"\n  <dco>007</dco>\n  <stc>0010</stc>\n  <pri>0</pri>\n  <lco>021</lco>"
            b"\n  <lte>kitchen</lte>\n</mrq>",
    # short codes, another order, optional fields absent, no XML declaration
    "short": b"<mrq><cid>4790000001</cid><dty>4</dty><ref>124</ref><stc>10</stc></mrq>",
    # values wider than the table, as field devices send them: + before cid, a MAC as did
    "field": b'<?xml version="1.0"?><mrq><ver>01.00</ver><cid>+123456</cid><dty>0004</dty>'
             b"<did>001d940cb800</did><dco>007</dco><stc>0010</stc><ref>ref-125</ref></mrq>",
}


@pytest.mark.parametrize("shape", sorted(FIELD_SHAPES))
def test_messages_shaped_as_devices_send_them_become_one_alarm_each(
        gw: GatewayThread, shape: str) -> None:
    answer = send_udp(_udp(gw), sip_message(FIELD_SHAPES[shape]))
    assert snu(answer) == 0
    (event,) = gw.gateway.intake.store.events()
    assert event.data["kind"] == "assistance_call"  # fixed trigger, manual alarm
    assert "manual alarm (stc 0010)" in event.data["message"]
