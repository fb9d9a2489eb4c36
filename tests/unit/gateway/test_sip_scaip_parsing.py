"""SIP requests and SCAIP <mrq>s as devices send them: short and long code forms, fields in
any order, optional fields absent, compact headers, a stream cut anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from gateway_harness import mrq, sip_message

from operator_app.gateway import sip
from operator_app.gateway.mapping import MappingError, load_mapping, parse_mapping
from operator_app.gateway.scaip import ScaipError, parse_mrq
from operator_app.gateway.translate import Target, call_back, events_for

pytestmark = pytest.mark.unit


def test_short_and_long_code_forms_in_any_order_are_one_request() -> None:
    short = parse_mrq(mrq(ref="1", cid="26317", dty="2", stc="9", dco="2", lco="12"))
    long = parse_mrq(mrq(lco="012", dco="002", stc="0009", dty="0002", cid="26317", ref="1"))
    assert short.fields == long.fields
    assert short.digest() == long.digest()
    assert (short.dty, short.get("stc"), short.get("dco"), short.mty) == ("0002", "0009", "002", "ME")


def test_optional_fields_absent_and_namespaces_tolerated() -> None:
    req = parse_mrq(b'<mrq xmlns="urn:x"><ref>a</ref><cid>1</cid><dty>3</dty></mrq>')
    assert req.get("stc") is None and req.get("did") is None and req.geo is None


def test_a_geo_position_outside_wgs84_is_wrong_content() -> None:
    with pytest.raises(ScaipError) as caught:
        parse_mrq(mrq(ref="1", cid="1", dty="3", lge="<geo>191,14</geo>"))
    assert caught.value.snu == 3


def test_datagram_with_compact_headers_and_folded_lines() -> None:
    data = sip_message(b"<mrq/>", compact=True).replace(b"Max-Forwards: 70", b"Subject: a\r\n b")
    req = sip.parse_datagram(data)
    assert req.method == "MESSAGE"
    assert req.content_type == "application/scaip+xml"
    assert req.body == b"<mrq/>"
    assert req.header("subject") == "a b"


def test_a_stream_cut_anywhere_gives_the_same_requests() -> None:
    data = sip_message(mrq(ref="1", cid="1", dty="3")) + sip_message(mrq(ref="2", cid="1", dty="3"))
    for cut in range(1, len(data), 37):
        framer = sip.StreamFramer()
        got = framer.feed(data[:cut]) + framer.feed(data[cut:])
        assert [r.body for r in got] == [mrq(ref="1", cid="1", dty="3"), mrq(ref="2", cid="1", dty="3")]


def test_a_stream_without_content_length_is_refused() -> None:
    data = sip_message(b"x").replace(b"Content-Length: 1\r\n", b"")
    with pytest.raises(sip.SipError) as caught:
        sip.StreamFramer().feed(data)
    assert caught.value.status == 400


def test_the_response_keeps_the_transaction_and_adds_a_to_tag() -> None:
    req = sip.parse_datagram(sip_message(b"<mrq/>", call_id="abc@h", cseq=7))
    answer = sip.response(req, 200, body=b"<mrs/>", content_type="application/scaip+xml",
                          to_tag="t1").decode()
    assert answer.startswith("SIP/2.0 200 OK\r\n")
    assert "Call-ID: abc@h\r\n" in answer and "CSeq: 7 MESSAGE\r\n" in answer
    assert "To: <sip:arc@centre.example>;tag=t1\r\n" in answer
    assert answer.endswith("Content-Length: 6\r\n\r\n<mrs/>")


def test_call_back_from_crd() -> None:
    assert call_back("gsm:+4790000001") == "+4790000001"
    assert call_back("tel:+4775000000") == "+4775000000"
    assert call_back("sip:26317@voice.example") == "sip:26317@voice.example"
    assert call_back("no-voice:") == "no voice"
    assert call_back(None) is None


def test_the_shipped_table_maps_the_message_types() -> None:
    mapping = load_mapping()
    target = Target("P-1", open_alarm_id="A-1")

    def one(**fields: str) -> tuple[str, dict[str, object]]:
        (event,) = events_for(parse_mrq(mrq(ref="1", cid="1", **fields)), mapping, target,
                              alarm_id="A-2", now="2026-12-01T12:00:00.000Z")
        return event

    assert one(dty="5", mty="ME")[1]["kind"] == "fall"
    assert one(dty="2", mty="ME", stc="16")[1]["kind"] == "device_battery_low"
    assert one(dty="3", mty="RE")[1]["status"] == "reset_at_device"
    assert one(dty="3", mty="IN", stc="88")[1]["status"] == "presence"
    info = one(dty="3", mty="IN", stc="82")[1]
    assert (info["kind"], info["priority"]) == ("scaip_info", "low")
    assert events_for(parse_mrq(mrq(ref="1", cid="1", dty="2", mty="PI")), mapping, target,
                      alarm_id="x", now="2026-12-01T12:00:00.000Z") == []


def test_a_centre_table_from_a_file_and_a_missing_file_said_as_such(tmp_path: Path) -> None:
    path = tmp_path / "centre.toml"
    path.write_text('[dty]\n"0005" = { name = "fall", kind = "fall", priority = "low" }\n',
                    encoding="utf-8")
    assert load_mapping(path).dty["0005"].priority == "low"
    assert load_mapping(path).stc == {}
    with pytest.raises(MappingError, match="cannot read"):
        load_mapping(tmp_path / "missing.toml")


def test_a_centre_table_overrides_and_a_wrong_one_is_refused() -> None:
    mapping = parse_mapping('[dty]\n"5" = { name = "fall sensor", kind = "fall", priority = "medium" }\n',
                            "centre.toml")
    assert mapping.dty["0005"].priority == "medium"
    with pytest.raises(MappingError, match=r"centre\.toml"):
        parse_mapping('[stc]\n"0009" = { name = "x", priority = "urgent" }\n', "centre.toml")
    with pytest.raises(MappingError, match="update"):
        parse_mapping('[stc]\n"0009" = { name = "x", update = "closed" }\n', "centre.toml")
