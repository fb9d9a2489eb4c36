"""How the desk asks the Python runtime to treat an alarm's way to the screen.

Two settings, both measured with ``benchmarks/latency.py`` (send -> row painted, 200 alarms/s
plus 200 measurements/s, on the 2-core development machine):

- **The GIL's switch interval** (``favour_the_screen``). The GUI thread paints through many
  short calls from Qt's C++ into Python (a queue cell, a signal); while the store's writer
  thread runs Python, each of them waits for the interpreter lock up to the switch interval
  (5 ms by default) before the writer must hand it over. At 1 ms the p99 went from 72-78 ms to
  59-62 ms in the same runs; the writer loses a little throughput to the extra hand-overs.
- **The collector's view of the start-up heap** (``settle_after_start``). CPython's cyclic
  collector stops every thread while it runs, and a full collection walks every tracked object;
  a desk holds a great many from its start (Qt wrappers, SQLAlchemy's tables and compiled
  statements, translations, the modules themselves) that live as long as it does, so each full
  collection cost ~65 ms (three in ten seconds): longer than the whole 50 ms budget, for every
  alarm that arrived meanwhile. Once the desk stands, what exists is collected once and moved out
  of the collector's sight (``gc.freeze``): later collections walk only what came since. Nothing
  leaks by this: frozen objects are still freed by reference counting when the last reference
  goes; only a cycle among them would wait (none is let go of while the desk runs).
"""

from __future__ import annotations

import gc
import logging
import sys
import time

from operator_app.logging_setup import log_event

log = logging.getLogger("operator_app.app")

#: how long a thread may hold the interpreter lock while another waits for it (s)
SWITCH_INTERVAL_S = 0.001


def favour_the_screen() -> None:
    """A waiting thread (the GUI's) gets the interpreter lock within 1 ms, not 5 ms."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def settle_after_start() -> None:
    """Collect once, then keep everything that exists now out of later collections."""
    started = time.perf_counter()
    gc.collect()
    gc.freeze()
    log_event(log, "gc_settled", "start-up objects kept out of later collections",
              frozen=gc.get_freeze_count(), switch_interval_ms=sys.getswitchinterval() * 1000,
              ms=round((time.perf_counter() - started) * 1000, 1))
