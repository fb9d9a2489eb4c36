"""FeedClient and the transport rules (PROTOCOL.md "Transport"): the token, TLS, plain ws://."""

from __future__ import annotations

import time
from typing import Any

import pytest
from feed_harness import MemorySink, Recorder, make_client, running, wait_until

from operator_app.domain.connection import LinkState
from operator_app.feed.simulator.runner import SimulatorThread
from operator_app.feed.transport_policy import PolicyError, transport_policy

pytestmark = pytest.mark.unit


def test_wrong_token_is_fatal_without_retry_loop(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(make_client(sim.url, sink, rec, executor, token="wrong")) as client:
        wait_until(lambda: LinkState.FAILED in rec.states(), what="FAILED")
        time.sleep(0.8)
        assert client.stats.connect_attempts == 1
        assert not client.running
        failed = next(s for s in rec.statuses if s.state is LinkState.FAILED)
        assert failed.reason is not None and "401" in failed.reason
    assert rec.last().state is LinkState.FAILED  # stays failed: the operator must see why
    assert sim.call(lambda: list(sim.server.hellos)) == []


def test_plain_ws_to_remote_host_is_refused(sink: MemorySink, rec: Recorder, executor: Any) -> None:
    with running(make_client("ws://192.0.2.10:8765", sink, rec, executor)) as client:
        wait_until(lambda: LinkState.FAILED in rec.states(), what="FAILED")
        assert client.stats.connect_attempts == 0
        reason = rec.last().reason
        assert reason is not None and "wss://" in reason and "192.0.2.10" in reason


@pytest.mark.parametrize(
    ("url", "insecure", "shown"),
    [
        ("ws://127.0.0.1:1", False, False),
        ("ws://127.3.4.5:1", False, False),
        ("ws://localhost:1", False, False),
        ("ws://[::1]:1", False, False),
        ("ws://feed.example.org:1", True, True),
    ],
)
def test_transport_policy_allows(url: str, insecure: bool, shown: bool) -> None:
    ctx, insecure_shown = transport_policy(url, insecure, None)
    assert ctx is None and insecure_shown is shown


def test_transport_policy_wss_verifies_certificates() -> None:
    import ssl

    ctx, shown = transport_policy("wss://feed.example.org", False, None)
    assert ctx is not None and ctx.verify_mode is ssl.CERT_REQUIRED and ctx.check_hostname
    assert not shown


@pytest.mark.parametrize(
    ("url", "ca_file"),
    [
        ("ws://feed.example.org:1", None),
        ("ws://10.0.0.1", None),
        ("http://127.0.0.1", None),
        ("wss://feed.example.org", "/nonexistent/ca.pem"),
        ("ws://", None),
    ],
)
def test_transport_policy_refuses(url: str, ca_file: str | None) -> None:
    with pytest.raises(PolicyError):
        transport_policy(url, False, ca_file)


def test_insecure_remote_ws_is_allowed_and_shown(
    sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    client = make_client(
        "ws://192.0.2.10:9", sink, rec, executor, insecure=True, open_timeout_s=0.2
    )
    with running(client):
        wait_until(
            lambda: any(s.state is LinkState.RECONNECTING for s in rec.statuses), what="retrying"
        )
        assert all(s.insecure for s in rec.statuses if s.state is not LinkState.STOPPED)
        retry = next(s for s in rec.statuses if s.state is LinkState.RECONNECTING)
        assert retry.retry_in_s is not None and retry.retry_in_s <= 0.5
