"""The installed Qt binding must not take references from None (PySide6 6.12.0 does)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QStandardItemModel

from operator_app.ui.common import binding_check

pytestmark = pytest.mark.qt


def test_installed_binding_keeps_none_references() -> None:
    assert binding_check.problem() is None


def test_empty_model_data_from_python_keeps_none_references() -> None:
    model = QStandardItemModel(2, 2)
    before = sys.getrefcount(None)
    for _ in range(500):
        assert model.index(1, 1).data() is None
        assert QObject().property("absent") is None
    assert sys.getrefcount(None) >= before - 5
