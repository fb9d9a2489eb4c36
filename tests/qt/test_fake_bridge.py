"""The tests' FakeBridge is a full ``DeskApi``: the UI tested against it sees what it sees of the
real bridge (mypy checks the assignment below; the test checks every member is there)."""

from __future__ import annotations

import inspect

import pytest
from fake_bridge import FakeBridge
from PySide6.QtCore import SignalInstance

from operator_app.bridge.api import DeskApi

pytestmark = pytest.mark.qt


def _protocol_members() -> list[str]:
    return [name for name, _ in inspect.getmembers(DeskApi)
            if not name.startswith("_") and name in DeskApi.__dict__]


def test_fake_bridge_implements_desk_api(qtbot: object) -> None:
    api: DeskApi = FakeBridge()  # mypy: FakeBridge satisfies the Protocol
    members = _protocol_members()
    assert "pendingDecisionsChanged" in members and "export_handover_csv" in members
    for name in members:
        value = getattr(api, name)
        declared = DeskApi.__dict__[name]
        if isinstance(declared, property):
            assert declared.fget is not None, name
            returns = inspect.signature(declared.fget).return_annotation
            if returns == "SignalInstance":
                assert isinstance(value, SignalInstance), name
            else:
                assert value is not None, name
        else:
            assert callable(value), name
            wanted = inspect.signature(declared)
            got = inspect.signature(value)
            assert list(got.parameters) == list(wanted.parameters)[1:], name
