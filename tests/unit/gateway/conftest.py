"""Fixtures: a gateway on loopback (real UDP/TCP sockets, its log in a SQLite file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gateway_harness import Clock, gateway_thread

from operator_app.gateway.runner import GatewayThread


@pytest.fixture
def gateway_db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'gateway.db'}"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def gw(gateway_db: str) -> Iterator[GatewayThread]:
    thread = gateway_thread(gateway_db).start()
    try:
        yield thread
    finally:
        thread.stop()
