"""Typed work off the GUI thread (in the spirit of Anki's ``QueryOp``/``CollectionOp``).

A ``Job`` is what to run on a worker thread and what to do with its result (or its failure) back
in the GUI thread. A ``Worker`` is one thread: the store's single writer is one, the reader
another, so the order of jobs on a worker is the order they were submitted. Results cross into
the GUI thread through one queued signal (``GuiHop``); after ``stop`` nothing is delivered.
A failure without a handler is logged and reported through ``GuiHop.report``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger("operator_app.bridge")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Job(Generic[T]):
    """``run`` on the worker; then ``success(result)`` or ``failure(exc)`` in the GUI thread."""

    run: Callable[[], T]
    success: Callable[[T], object] | None = None
    failure: Callable[[BaseException], object] | None = None


class GuiHop(QObject):
    """Delivers callables into the thread that owns it (the GUI thread), in order."""

    _call = Signal(object)

    def __init__(self, report: Callable[[BaseException], None], parent: QObject | None = None):
        super().__init__(parent)
        self.report = report
        self.stopped = False
        self._call.connect(self._run)

    def post(self, fn: Callable[[], object]) -> None:
        """Any thread: run ``fn`` in the GUI thread soon (dropped after ``stop``)."""
        if not self.stopped:
            self._call.emit(fn)

    @Slot(object)
    def _run(self, fn: Callable[[], object]) -> None:
        if not self.stopped:
            fn()


class Worker:
    """One named thread running ``Job``s in submission order."""

    def __init__(self, name: str, hop: GuiHop) -> None:
        self.executor = ThreadPoolExecutor(1, thread_name_prefix=name)
        self._hop = hop

    def submit(self, job: Job[T]) -> None:
        if self._hop.stopped:
            return
        future = self.executor.submit(job.run)
        future.add_done_callback(lambda f: self._finished(job, f))

    def _finished(self, job: Job[T], future: Future[T]) -> None:
        exc = future.exception()
        if exc is not None:
            log.error("background job failed: %s", exc, exc_info=exc)
            failure = job.failure or self._hop.report
            self._hop.post(lambda: failure(exc))
        elif job.success is not None:
            success, result = job.success, future.result()
            self._hop.post(lambda: success(result))

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True)
