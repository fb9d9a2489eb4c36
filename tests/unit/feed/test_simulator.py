"""The feed simulator's server side of rc-feed.v1, through real loopback sockets."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from operator_app.feed.simulator import FeedServer, Scenario, SimulatorThread
from operator_app.feed.simulator.main import main as simulate_main
from operator_app.secret_files import write_secret_file

pytestmark = pytest.mark.unit

TOKEN = "s3cret-token"
NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def run(test: Callable[[FeedServer], Awaitable[None]], **kwargs: Any) -> None:
    """Start a (non-live by default) server, run ``test`` against it, stop it."""

    async def body() -> None:
        kwargs.setdefault("live", False)
        kwargs.setdefault("scenario", Scenario(seed=7, patients=12))
        server = FeedServer(token=TOKEN, **kwargs)
        await server.start()
        try:
            await asyncio.wait_for(test(server), 10)
        finally:
            await server.stop()

    asyncio.run(body())


def open_client(server: FeedServer, token: str | None = TOKEN,
                subprotocols: list[str] | None = None) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return connect(server.url, subprotocols=subprotocols or ["rc-feed.v1"],  # type: ignore[arg-type]
                   additional_headers=headers, max_size=1 << 20, open_timeout=5)


async def hello(ws: ClientConnection, stream: str | None = None,
                resume_from: int | None = None) -> dict[str, Any]:
    await ws.send(json.dumps({"type": "hello", "protocol": 1, "client": "test/0",
                              "workstation": "ws-t", "stream": stream,
                              "resume_from": resume_from,
                              "feeds": ["patients", "alarms", "measurements"]}))
    welcome: dict[str, Any] = json.loads(await ws.recv())
    return welcome


async def recv(ws: ClientConnection, skip_heartbeats: bool = True) -> dict[str, Any]:
    while True:
        frame: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), 5))
        if not (skip_heartbeats and frame["type"] == "heartbeat"):
            return frame


@pytest.mark.parametrize("token", [None, "wrong"])
def test_handshake_refused_with_401_for_missing_or_wrong_token(token: str | None) -> None:
    async def test(server: FeedServer) -> None:
        with pytest.raises(InvalidStatus) as info:
            async with open_client(server, token=token):
                pass
        assert info.value.response.status_code == 401
        assert server.connections == 0 and server.hellos == []

    run(test)


def test_client_without_subprotocol_is_refused() -> None:
    async def test(server: FeedServer) -> None:
        with pytest.raises(InvalidStatus) as info:
            async with open_client(server, subprotocols=["other.v9"]):
                pass
        assert info.value.response.status_code == 400

    run(test)


def test_welcome_then_snapshot_for_first_connect_then_live_events() -> None:
    async def test(server: FeedServer) -> None:
        async with open_client(server) as ws:
            assert ws.subprotocol == "rc-feed.v1"
            welcome = await hello(ws)
            assert welcome == {"type": "welcome", "protocol": 1, "server": "rc-sim/0.1.0",
                               "stream": server.stream, "oldest": 1, "head": 12,
                               "heartbeat_s": server.heartbeat_s}
            snap = await recv(ws)
            assert snap["type"] == "snapshot" and snap["seq"] == server.head == 12
            assert [p["id"] for p in snap["data"]["patients"]] == [
                f"P-{1001 + i}" for i in range(12)]
            assert snap["data"]["open_alarms"] == []
            alarm = server.scenario.next_alarm(NOW)
            assert server.inject("alarm.raised", alarm) == 13
            event = await recv(ws)
            assert event["type"] == "alarm.raised" and event["seq"] == 13
            assert event["data"] == alarm and event["sent_at"].endswith("Z")
            assert server.hellos[0]["workstation"] == "ws-t"
            assert server.event_log[-1]["seq"] == 13

    run(test)


def test_resume_replays_missing_events_in_order_then_goes_live() -> None:
    async def test(server: FeedServer) -> None:
        server.inject_many(server.scenario.mixed_events(50, NOW))  # head 62
        async with open_client(server) as ws:
            welcome = await hello(ws, stream=server.stream, resume_from=10)
            assert (welcome["oldest"], welcome["head"]) == (1, 62)
            seqs = [(await recv(ws))["seq"] for _ in range(52)]
            assert seqs == list(range(11, 63))
            server.inject("measurement.recorded", server.scenario.next_measurement(NOW))
            assert (await recv(ws))["seq"] == 63
        # resuming at head replays nothing: the next frame is the next live event
        async with open_client(server) as ws:
            await hello(ws, stream=server.stream, resume_from=63)
            server.inject("alarm.raised", server.scenario.next_alarm(NOW))
            assert (await recv(ws))["seq"] == 64

    run(test)


@pytest.mark.parametrize("case", ["unknown_stream", "too_old", "ahead_of_head"])
def test_snapshot_when_stream_unknown_or_resume_outside_window(case: str) -> None:
    async def test(server: FeedServer) -> None:
        alarm = server.scenario.next_alarm(NOW)
        server.inject("alarm.raised", alarm)
        server.inject_many(server.scenario.mixed_events(30, NOW))
        server.trim_window(20)
        assert server.oldest == 20
        stream, resume = {"unknown_stream": ("S-other", 25), "too_old": (server.stream, 5),
                          "ahead_of_head": (server.stream, server.head + 5)}[case]
        async with open_client(server) as ws:
            welcome = await hello(ws, stream=stream, resume_from=resume)
            assert welcome["oldest"] == 20 and welcome["head"] == server.head
            snap = await recv(ws)
            assert snap["type"] == "snapshot" and snap["seq"] == server.head
            open_ids = {a["id"] for a in snap["data"]["open_alarms"]}
            assert open_ids == server.open_alarm_ids()
            assert len(snap["data"]["patients"]) == 12
            server.inject("alarm.raised", server.scenario.next_alarm(NOW))
            assert (await recv(ws))["seq"] == snap["seq"] + 1

    run(test)


def test_resume_at_oldest_minus_one_is_still_a_replay() -> None:
    async def test(server: FeedServer) -> None:
        server.trim_window(5)
        async with open_client(server) as ws:
            await hello(ws, stream=server.stream, resume_from=4)
            assert (await recv(ws))["seq"] == 5

    run(test)


def test_open_alarms_follow_raises_and_source_resets() -> None:
    async def test(server: FeedServer) -> None:
        a1, a2 = server.scenario.next_alarm(NOW), server.scenario.next_alarm(NOW)
        server.inject("alarm.raised", a1)
        server.inject("alarm.raised", a2)
        server.inject("alarm.updated", {"alarm_id": a1["id"], "status": "presence",
                                        "at": "2026-11-25T18:01:00Z"})
        assert server.open_alarm_ids() == {a1["id"], a2["id"]}
        server.inject("alarm.updated", {"alarm_id": a1["id"], "status": "reset_at_device",
                                        "at": "2026-11-25T18:02:00Z"})
        assert server.open_alarm_ids() == {a2["id"]}
        odd = dict(server.scenario.patients[0], id="P-9999", name="<b>Ola</b> & Co\u0007")
        server.inject("patient.upsert", odd)
        async with open_client(server) as ws:
            await hello(ws)
            snap = await recv(ws)
            assert [a["id"] for a in snap["data"]["open_alarms"]] == [a2["id"]]
            assert snap["data"]["patients"][-1]["name"] == "<b>Ola</b> & Co\u0007"

    run(test)


def test_heartbeats_arrive_and_acks_are_recorded() -> None:
    async def test(server: FeedServer) -> None:
        async with open_client(server) as ws:
            welcome = await hello(ws)
            assert welcome["heartbeat_s"] == 0.1
            await recv(ws)  # snapshot
            beat = await recv(ws, skip_heartbeats=False)
            assert beat["type"] == "heartbeat" and beat["head"] == server.head
            assert beat["sent_at"].endswith("Z")
            await ws.send(json.dumps({"type": "ack", "seq": 12}))
            await ws.send(json.dumps({"type": "ack", "seq": 13}))
            for _ in range(100):
                if len(server.acks) == 2:
                    break
                await asyncio.sleep(0.01)
            assert server.acks == [12, 13]

    run(test, heartbeat_s=0.1)


def test_silent_server_sends_nothing_but_keeps_the_socket() -> None:
    async def test(server: FeedServer) -> None:
        async with open_client(server) as ws:
            await hello(ws)
            await recv(ws)
            server.set_silent(True)
            await asyncio.sleep(0.05)
            while True:  # drain a heartbeat that may have been in flight
                try:
                    await asyncio.wait_for(ws.recv(), 0.1)
                except TimeoutError:
                    break
            server.inject("alarm.raised", server.scenario.next_alarm(NOW))
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(ws.recv(), 0.3)
            assert server.connections == 1
            server.set_silent(False)
            assert (await recv(ws))["seq"] == server.head

    run(test, heartbeat_s=0.05)


def test_binary_frame_from_client_closes_with_1003() -> None:
    async def test(server: FeedServer) -> None:
        async with open_client(server) as ws:
            await hello(ws)
            await recv(ws)
            await ws.send(b"\x00\x01")
            with pytest.raises(ConnectionClosed):
                while True:
                    await ws.recv()
            assert ws.close_code == 1003

    run(test)


@pytest.mark.parametrize("first", [
    '{"type": "hello", "protocol": 2}', '{"type": "ack", "seq": 1}', "not json", "[1]"])
def test_bad_hello_gets_error_and_close_1002(first: str) -> None:
    async def test(server: FeedServer) -> None:
        async with open_client(server) as ws:
            await ws.send(first)
            error = json.loads(await ws.recv())
            assert error["type"] == "error" and error["code"] == "bad_hello"
            with pytest.raises(ConnectionClosed):
                await ws.recv()
            assert ws.close_code == 1002
        assert server.hellos == []

    run(test)


def test_drop_connections_aborts_without_close_frame() -> None:
    async def test(server: FeedServer) -> None:
        async with open_client(server) as ws:
            await hello(ws)
            await recv(ws)
            assert server.connections == 1
            await server.drop_connections()
            with pytest.raises(ConnectionClosed):
                await asyncio.wait_for(ws.recv(), 5)
            assert ws.close_code == 1006  # no close frame received
        assert server.connections == 0

    run(test)


def test_injected_frames_keep_their_place_after_window_events() -> None:
    async def test(server: FeedServer) -> None:
        async with open_client(server) as ws:
            await hello(ws)
            await recv(ws)
            server.inject("alarm.raised", server.scenario.next_alarm(NOW))
            server.inject_frame({"type": "alarm.raised", "seq": 99, "data": {}})
            server.inject_raw("not json {")
            assert (await recv(ws))["seq"] == 13
            assert (await recv(ws))["seq"] == 99
            assert await asyncio.wait_for(ws.recv(), 5) == "not json {"
            server.inject_raw(b"\x01\x02")
            assert await asyncio.wait_for(ws.recv(), 5) == b"\x01\x02"
            assert server.head == 13 and len(server.event_log) == 13

    run(test)


def test_new_stream_closes_clients_and_restarts_at_seq_one() -> None:
    async def test(server: FeedServer) -> None:
        old = server.stream
        async with open_client(server) as ws:
            await hello(ws)
            await recv(ws)
            server.new_stream()
            with pytest.raises(ConnectionClosed):
                await asyncio.wait_for(ws.recv(), 5)
            assert ws.close_code == 1012
        assert server.stream != old and (server.oldest, server.head) == (1, 0)
        async with open_client(server) as ws:
            welcome = await hello(ws, stream=old, resume_from=12)
            assert (welcome["stream"], welcome["head"]) == (server.stream, 0)
            snap = await recv(ws)
            assert snap["seq"] == 0 and len(snap["data"]["patients"]) == 12
            assert server.inject("alarm.raised", server.scenario.next_alarm(NOW)) == 1
            assert (await recv(ws))["seq"] == 1

    run(test)


def test_client_behind_a_trimmed_window_is_closed_with_4001() -> None:
    async def test(server: FeedServer) -> None:
        async with open_client(server) as ws:
            await hello(ws)
            await recv(ws)
            server.set_silent(True)
            server.inject_many(server.scenario.mixed_events(20, NOW))
            server.trim_window(server.head - 2)
            server.set_silent(False)
            with pytest.raises(ConnectionClosed):
                await asyncio.wait_for(ws.recv(), 5)
            assert ws.close_code == 4001

    run(test)


def test_live_mode_generates_events_and_history_seeds_the_window() -> None:
    async def test(server: FeedServer) -> None:
        seeded = server.head
        assert seeded > 12  # patients + 2 days of measurements
        assert {e["type"] for e in server.event_log} == {"patient.upsert",
                                                         "measurement.recorded"}
        async with open_client(server) as ws:
            await hello(ws, stream=server.stream, resume_from=seeded)
            types = {(await recv(ws))["type"] for _ in range(20)}
            assert "alarm.raised" in types and "measurement.recorded" in types
        seqs = [e["seq"] for e in server.event_log]
        assert seqs == list(range(1, len(seqs) + 1))

    run(test, live=True, history_days=2, alarm_rate_per_min=3000,
        measurement_rate_per_min=3000)


def test_slow_client_does_not_block_a_fast_one() -> None:
    async def test(server: FeedServer) -> None:
        server.inject_many(server.scenario.mixed_events(20_000, NOW))
        async with open_client(server) as slow, open_client(server) as fast:
            await hello(slow, stream=server.stream, resume_from=0)  # never reads again
            await hello(fast, stream=server.stream, resume_from=0)
            last = 0
            while last < server.head:
                last = (await recv(fast))["seq"]
            assert last == server.head
            slow.transport.abort()  # its unread backlog would delay a polite close

    run(test)


def test_event_log_file_gets_every_event(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"

    async def test(server: FeedServer) -> None:
        server.inject("alarm.raised", server.scenario.next_alarm(NOW))

    run(test, event_log_path=str(path))
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [f["seq"] for f in lines] == list(range(1, 14))


def test_simulator_thread_runs_server_and_calls_on_its_loop() -> None:
    sim = SimulatorThread(token=TOKEN, live=False, scenario=Scenario(seed=2, patients=5),
                          heartbeat_s=0.2)
    with sim:
        assert sim.url == f"ws://127.0.0.1:{sim.port}"
        seq = sim.call(sim.server.inject, "alarm.raised",
                       sim.server.scenario.next_alarm(NOW))
        assert seq == 6

        async def client() -> dict[str, Any]:
            async with connect(sim.url, subprotocols=["rc-feed.v1"],  # type: ignore[list-item]
                               additional_headers={"Authorization": f"Bearer {TOKEN}"}) as ws:
                await hello(ws, stream=sim.server.stream, resume_from=5)
                frame = await recv(ws)
                assert sim.call(lambda: sim.server.connections) == 1
                sim.call(sim.server.drop_connections)  # a coroutine: awaited on the server loop
                return frame

        frame = asyncio.run(client())
        assert frame["seq"] == 6 and frame["type"] == "alarm.raised"
    assert sim.server.connections == 0


def test_simulate_command_refuses_unsafe_setups(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    token = tmp_path / "token"
    write_secret_file(token, "abc")
    assert simulate_main(["--port", "0", "--token-file", str(token),
                          "--host", "0.0.0.0"]) == 2
    assert "non-loopback" in capsys.readouterr().err
    assert simulate_main(["--port", "0", "--token-file", str(tmp_path / "missing")]) == 2


def test_simulate_command_serves_until_sigterm(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    token = tmp_path / "token"
    write_secret_file(token, f"{TOKEN}\nignored second line")
    proc = subprocess.Popen(
        [sys.executable, "-m", "operator_app.feed.simulator.main", "--port", "0",
         "--token-file", str(token), "--seed", "3", "--heartbeat", "0.2",
         "--alarm-rate", "600"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("listening on ws://127.0.0.1:")
        url = line.removeprefix("listening on ")

        async def client() -> dict[str, Any]:
            async with connect(url, subprotocols=["rc-feed.v1"],  # type: ignore[list-item]
                               additional_headers={"Authorization": f"Bearer {TOKEN}"}) as ws:
                await hello(ws)
                return await recv(ws)

        snap = asyncio.run(client())
        assert snap["type"] == "snapshot" and len(snap["data"]["patients"]) == 40
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def test_restart_keeps_stream_and_window_so_clients_resume() -> None:
    async def test(server: FeedServer) -> None:
        port, stream = server.port, server.stream
        async with open_client(server) as ws:
            await hello(ws)
            await recv(ws)
            await server.restart()
            with pytest.raises(ConnectionClosed):
                await asyncio.wait_for(ws.recv(), 5)
        assert (server.port, server.stream) == (port, stream)
        server.inject("alarm.raised", server.scenario.next_alarm(NOW))
        async with open_client(server) as ws:
            await hello(ws, stream=stream, resume_from=12)
            assert (await recv(ws))["seq"] == 13

    run(test)
