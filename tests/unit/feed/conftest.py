"""Fixtures for the FeedClient tests: a simulator on loopback, a writer thread, sink, listener."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Iterator

import pytest
from feed_harness import TOKEN, MemorySink, Recorder

from operator_app.feed.simulator.runner import SimulatorThread


@pytest.fixture
def sim() -> Iterator[SimulatorThread]:
    server = SimulatorThread(token=TOKEN, live=False, heartbeat_s=0.5).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def executor() -> Iterator[concurrent.futures.ThreadPoolExecutor]:
    pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="writer")
    try:
        yield pool
    finally:
        pool.shutdown(wait=True)


@pytest.fixture
def sink() -> MemorySink:
    return MemorySink()


@pytest.fixture
def rec() -> Recorder:
    return Recorder()
