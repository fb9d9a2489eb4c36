"""snu 0 only for what is stored; the event log survives a restart and desks resume by seq;
the gateway on a centre's PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from gateway_harness import desk, gateway_thread, mrq, send_tcp, send_udp, sip_message, snu

from operator_app.gateway.runner import GatewayThread
from operator_app.store.gateway.tables import gateway_refs

pytestmark = pytest.mark.unit


def test_a_store_that_fails_gets_no_snu_0_and_the_retransmission_is_stored_later(
        gw: GatewayThread, gateway_db: str, tmp_path: Path) -> None:
    """The store fails (its refs table is gone): the device gets snu 5 "not treated", never 0,
    and nothing reaches the desk. Once the store is back, the same datagram (a retransmission)
    is stored and answered 0."""
    port = gw.gateway.udp_port
    assert port is not None
    engine = sa.create_engine(gateway_db)
    with engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE gateway_refs RENAME TO gateway_refs_away"))
    datagram = sip_message(mrq(ref="f1", cid="31", dty="5", mty="ME"))
    with desk(gw.gateway.feed.url, tmp_path / "desk.db") as d:
        failed = send_udp(port, datagram)
        assert snu(failed) == 5
        assert gw.gateway.intake.store.events() == []
        assert d.alarms() == []
        with engine.begin() as conn:
            conn.execute(sa.text("ALTER TABLE gateway_refs_away RENAME TO gateway_refs"))
        stored = send_udp(port, datagram)
        assert snu(stored) == 0
        (alarm,) = d.wait_for(lambda a: len(a) == 1)
    assert alarm.kind == "fall"
    engine.dispose()
    assert gateway_refs.name == "gateway_refs"


def test_the_event_log_survives_a_restart_and_a_desk_resumes_by_seq(
        gateway_db: str, tmp_path: Path) -> None:
    first = gateway_thread(gateway_db).start()
    try:
        port = first.gateway.udp_port
        assert port is not None
        with desk(first.gateway.feed.url, tmp_path / "desk.db") as d:
            send_udp(port, sip_message(mrq(ref="1", cid="11", dty="3")))
            d.wait_for(lambda a: len(a) == 1)
        stream = first.gateway.feed.stream
        feed_port = first.gateway.feed.port
    finally:
        first.stop()
    second = gateway_thread(gateway_db, feed_port=feed_port).start()
    try:
        gateway = second.gateway
        assert gateway.feed.stream == stream
        assert gateway.feed.head == 1
        assert [a["patient_id"] for a in gateway.feed.open_alarms()] == ["unknown-device-11"]
        port = gateway.udp_port
        assert port is not None
        # the repeat of a ref answered before the restart is still a repeat
        assert snu(send_udp(port, sip_message(mrq(ref="1", cid="11", dty="3")))) == 0
        assert gateway.feed.head == 1
        send_udp(port, sip_message(mrq(ref="2", cid="12", dty="5")))
        with desk(gateway.feed.url, tmp_path / "desk.db") as d:
            alarms = d.wait_for(lambda a: len(a) == 2)
            assert d.store.load_cursor(f"ws@{gateway.feed.url}") == (stream, 2)
        assert second.call(lambda: [h.get("resume_from") for h in gateway.feed.hellos]) == [1]
    finally:
        second.stop()
    assert sorted(a.kind for a in alarms) == ["assistance_call", "fall"]


def test_tcp_carries_several_requests_on_one_connection(gw: GatewayThread) -> None:
    port = gw.gateway.tcp_port
    assert port is not None
    data = (sip_message(mrq(ref="t1", cid="21", dty="3"), transport="TCP")
            + sip_message(mrq(ref="t2", cid="21", dty="23", stc="0009"), transport="TCP"))
    answers = send_tcp(port, data, answers=2)
    assert [snu(a) for a in answers] == [0, 0]
    kinds = [e.data["kind"] for e in gw.gateway.intake.store.events()]
    assert kinds == ["assistance_call", "smoke"]


@pytest.mark.postgres
def test_the_gateway_on_a_centres_postgresql(pg_url: str, tmp_path: Path) -> None:
    thread = gateway_thread(pg_url).start()
    try:
        port = thread.gateway.udp_port
        assert port is not None
        with desk(thread.gateway.feed.url, tmp_path / "desk.db") as d:
            assert snu(send_udp(port, sip_message(mrq(ref="p1", cid="91", dty="5")))) == 0
            # the widest values the gateway takes fit the columns on PostgreSQL too
            wide = mrq(ref="r-" + "9" * 30, cid="+" + "4" * 20, dty="4", did="d" * 32)
            assert snu(send_udp(port, sip_message(wide))) == 0
            alarms = d.wait_for(lambda a: len(a) == 2)
        assert sorted(a.kind for a in alarms) == ["assistance_call", "fall"]
        assert [e.seq for e in thread.gateway.intake.store.events()] == [1, 2]
    finally:
        thread.stop()
