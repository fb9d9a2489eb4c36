"""The garbage collector's part in an alarm's way to the screen.

CPython's cyclic collector stops every thread while it runs. A full (oldest-generation)
collection walks every tracked object the process holds; a desk holds a great many from its
start (Qt wrappers, SQLAlchemy's tables and compiled statements, translations, the modules
themselves) that live as long as the desk, so each full collection cost ~65 ms in
``benchmarks/latency.py`` (three in ten seconds at 200 alarms/s): longer than the whole 50 ms
budget from the feed's send to the painted row, for every alarm that arrived meanwhile.

``settle_after_start`` is called once the desk stands (the main window built, before the feed
starts): what exists then is collected once and moved out of the collector's sight
(``gc.freeze``), so later collections walk only what the desk made since. Nothing is leaked by
this: frozen objects are still freed by reference counting when the last reference goes; only
a cycle among them waits (none is expected to be let go of while the desk runs).
"""

from __future__ import annotations

import gc
import logging
import time

from operator_app.logging_setup import log_event

log = logging.getLogger("operator_app.app")


def settle_after_start() -> None:
    """Collect once, then keep everything that exists now out of later collections."""
    started = time.perf_counter()
    gc.collect()
    gc.freeze()
    log_event(log, "gc_settled", "start-up objects kept out of later collections",
              frozen=gc.get_freeze_count(),
              ms=round((time.perf_counter() - started) * 1000, 1))
