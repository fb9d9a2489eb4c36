"""Delivery of the journal to a real local endpoint (H18): HTTPS with a throw-away CA, the token
from the keyring, the idempotency key; down → retried later → delivered once; stored-then-5xx →
retried with the same key → the endpoint holds one; every bundle validates as FHIR R4."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import clocked_store
import pytest
from clocked_store import Clock
from journal_server import JournalServer, tls_pair
from store_events import T0, alarm, events, patient

from operator_app import credentials
from operator_app.domain.alarms import Outcome
from operator_app.journal.deliverer import JournalDeliverer, deliver_due
from operator_app.journal.endpoint import TOKEN_KIND, EndpointError, JournalEndpoint
from operator_app.store import Store

pytestmark = pytest.mark.unit
clock = clocked_store.clock  # fixtures
desk = clocked_store.desk
pytest.importorskip("trustme")
bundle_model = pytest.importorskip("fhir.resources.bundle")

TOKEN = "s3cret-journal-token"


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[tuple[JournalServer, JournalEndpoint]]:
    context, ca_file = tls_pair(tmp_path)
    server = JournalServer(context).start()
    endpoint = JournalEndpoint(server.url, ca_file=ca_file, timeout=5)
    credentials.set_secret(TOKEN_KIND, server.url, TOKEN)
    try:
        yield server, endpoint
    finally:
        server.stop()


def _close_one(store: Store, alarm_id: str = "A-1") -> None:
    store.apply_batch("feed", "S-1", events(patient(), alarm(alarm_id)), T0)
    assert store.claim(alarm_id, "kari", "ws-1").ok
    assert store.close_alarm(alarm_id, "kari", "ws-1", Outcome.FALSE_ALARM, "Utløst ved feil").ok


def test_a_closed_alarm_reaches_the_https_endpoint_once_and_valid(
    desk: Store, https_server: tuple[JournalServer, JournalEndpoint]
) -> None:
    server, endpoint = https_server
    _close_one(desk)
    assert deliver_due(desk.journal, endpoint, "d1").delivered == 1
    assert deliver_due(desk.journal, endpoint, "d1").attempted == 0  # nothing left
    [got] = server.state.stored.values()
    assert server.state.requests == [got.key]
    assert got.authorization == f"Bearer {TOKEN}"
    assert got.content_type == "application/fhir+json"
    assert got.body["identifier"]["value"] == got.key
    bundle = bundle_model.Bundle.parse_obj(got.body)  # FHIR R4 (fhir.resources 6.x)
    assert [type(e.resource).__name__ for e in bundle.entry] == [
        "DetectedIssue", "Encounter", "Composition"]
    status = desk.journal.status()
    assert (status.pending, status.delivered, status.last_error) == (0, 1, None)


def test_endpoint_down_then_back_is_delivered_once(
    desk: Store, clock: Clock, https_server: tuple[JournalServer, JournalEndpoint]
) -> None:
    server, endpoint = https_server
    server.stop()
    _close_one(desk)
    round_ = deliver_due(desk.journal, endpoint, "d1")
    assert (round_.delivered, round_.retried) == (0, 1)
    status = desk.journal.status()
    assert status.pending == 1 and status.last_error == "connection refused"
    server.start()  # same port
    assert deliver_due(desk.journal, endpoint, "d1").attempted == 0  # waits its backoff
    clock.at(6)
    assert deliver_due(desk.journal, endpoint, "d1").delivered == 1
    assert len(server.state.stored) == 1 and len(server.state.requests) == 1
    assert desk.journal.status().last_error is None


def test_stored_then_5xx_is_retried_with_the_same_key(
    desk: Store, clock: Clock, https_server: tuple[JournalServer, JournalEndpoint]
) -> None:
    server, endpoint = https_server
    server.state.fail_next = [503]
    server.state.store_before_failing = True
    _close_one(desk)
    assert deliver_due(desk.journal, endpoint, "d1").retried == 1
    assert desk.journal.status().last_error is not None
    clock.at(6)
    assert deliver_due(desk.journal, endpoint, "d1").delivered == 1
    first, second = server.state.requests
    assert first == second  # the same idempotency key both times
    assert len(server.state.stored) == 1  # the endpoint holds the bundle once


def test_a_rejected_bundle_is_failed_and_shown_not_retried(
    desk: Store, clock: Clock, https_server: tuple[JournalServer, JournalEndpoint]
) -> None:
    server, endpoint = https_server
    server.state.fail_next = [422]
    _close_one(desk)
    assert deliver_due(desk.journal, endpoint, "d1").rejected == 1
    clock.at(3600)
    assert deliver_due(desk.journal, endpoint, "d1").attempted == 0
    status = desk.journal.status()
    assert status.failed == 1 and status.last_error is not None and "422" in status.last_error
    assert status.oldest_age_s(T0 + timedelta(hours=1)) == 3600


def test_an_untrusted_certificate_is_not_sent_to(
    desk: Store, https_server: tuple[JournalServer, JournalEndpoint]
) -> None:
    server, _trusted = https_server
    endpoint = JournalEndpoint(server.url, timeout=5)  # the system's CAs only
    _close_one(desk)
    assert deliver_due(desk.journal, endpoint, "d1").retried == 1
    assert server.state.requests == []
    assert "certificate" in (desk.journal.status().last_error or "")


def test_plain_http_only_to_loopback() -> None:
    JournalEndpoint("http://127.0.0.1:8080/fhir")
    with pytest.raises(EndpointError):
        JournalEndpoint("http://vkp.example.org/fhir")
    with pytest.raises(EndpointError):
        JournalEndpoint("ftp://vkp.example.org/fhir")


def test_the_deliverer_thread_delivers_after_a_wake(
    desk: Store, https_server: tuple[JournalServer, JournalEndpoint]
) -> None:
    server, endpoint = https_server
    deliverer = JournalDeliverer(desk.journal, endpoint, poll_s=0.05)
    deliverer.start()
    try:
        _close_one(desk)
        deliverer.wake()
        for _ in range(400):  # waits for the behaviour (up to ~20 s); times nothing
            if server.state.stored:
                break
            time.sleep(0.05)
    finally:
        deliverer.stop()
    assert len(server.state.stored) == 1
    [got] = server.state.stored.values()
    assert json.loads(json.dumps(got.body))["type"] == "transaction"
