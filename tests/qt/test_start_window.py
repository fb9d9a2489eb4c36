"""The desk's first window is painted before the heavy parts load: the start's first part
(``operator_app.app``) imports neither SQLAlchemy, nor the store, nor the main window's parts
(pyqtgraph), nor the keyring; ``benchmarks/startup.py`` measures what this keeps."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtCore import QSize

from operator_app.ui.shell.start_window import StartWindow

pytestmark = pytest.mark.qt

HEAVY = ("sqlalchemy", "alembic", "operator_app.store.store", "operator_app.app_desk",
         "operator_app.ui.shell.main_window", "pyqtgraph", "keyring", "psycopg", "argon2")

REPORT = """
import sys
import operator_app.app
print(" ".join(m for m in sys.argv[1:] if m in sys.modules))
"""


def test_the_first_part_of_the_start_loads_nothing_heavy() -> None:
    done = subprocess.run([sys.executable, "-c", REPORT, *HEAVY], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.split() == []


def test_start_window_says_what_the_start_is_doing(qtbot: Any) -> None:
    window = StartWindow("Operator Desk \u2014 DEMO", QSize(1366, 700))
    qtbot.addWidget(window)
    window.show()
    window.set_step("Opening the database\u2026")
    assert window.windowTitle() == "Operator Desk \u2014 DEMO"
    assert window.step.text() == "Opening the database\u2026"
    assert window.size() == QSize(1366, 700)
