"""Operator decisions are never lost: closing an alarm with an outcome, and a callback's outcome.

Each decision is written to the fsynced outbox *before* the database is tried (on the outbox's
own thread, so the GUI never waits for the disk), then applied on the writer thread; it leaves
the outbox once the database has answered (applied, or refused for a reason that retrying cannot
fix). The outbox is replayed at start-up and every few seconds, so a decision survives a
database or network outage and a crash of the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from operator_app.bridge.jobs import Job, Worker
from operator_app.bridge.outbox import Outbox, PendingDecision
from operator_app.db_errors import safe_text
from operator_app.domain.access import AccessAction, ReasonKind
from operator_app.domain.alarms import Outcome
from operator_app.domain.callbacks import Callback, CallbackError, CallbackOutcome
from operator_app.domain.commands import CommandResult
from operator_app.domain.session import Session
from operator_app.store import Store

log = logging.getLogger("operator_app.bridge")

CLOSE = "close"
CALLBACK_DONE = "callback_complete"
#: a patient's record opened (the access log): kept like a decision, so an outage loses none
ACCESS = "access"


@dataclass(frozen=True, slots=True)
class DecisionListener:
    """What the bridge does with the answers (GUI thread)."""

    closed: Callable[[CommandResult], None]  # the database answered a close
    close_failed: Callable[[str, BaseException, bool], None]  # alarm id, error, kept in outbox
    callback_done: Callable[[Callback | CallbackError], None]
    callback_failed: Callable[[BaseException], None]
    pending_changed: Callable[[int], None]


class Decisions:
    def __init__(self, store: Store, writer: Worker, keeper: Worker, outbox: Outbox | None,
                 session: Session, listener: DecisionListener) -> None:
        self._store = store
        self._writer = writer
        self._keeper = keeper  # the thread that writes the outbox
        self.outbox = outbox
        self.session = session  # the bridge sets it when another operator signs in
        self._listener = listener
        self._inflight: set[str] = set()  # outbox decisions queued on the writer

    def pending(self) -> int:
        return len(self.outbox.pending()) if self.outbox is not None else 0

    def close_alarm(self, alarm_id: str, outcome: Outcome, note: str) -> None:
        self._decide(CLOSE, alarm_id, Outcome(outcome).value, note)

    def complete_callback(self, callback_id: str, outcome: CallbackOutcome, note: str) -> None:
        self._decide(CALLBACK_DONE, callback_id, CallbackOutcome(outcome).value, note)

    def record_access(self, patient_id: str, action: AccessAction, reason_kind: ReasonKind,
                      reason_id: str | None) -> None:
        """The access log's row for this operator opening ``patient_id``, and why."""
        self._decide(ACCESS, patient_id, f"{AccessAction(action).value}|{ReasonKind(reason_kind).value}",
                     reason_id or "")

    def _decide(self, op: str, target: str, outcome: str, note: str) -> None:
        s = self.session
        decision = PendingDecision.new(op, target, s.operator, s.workstation,
                                       datetime.now(UTC).isoformat(), outcome, note)
        outbox = self.outbox
        if outbox is None:
            self._submit(decision, first_try=True)
            return
        # written and fsynced on its own thread, then to the database: the GUI thread never
        # waits for the disk (an fsync beside the store's on a busy disk held it for up to
        # hundreds of ms, benchmarks/soak.py); a replay meanwhile leaves it alone
        self._inflight.add(decision.id)

        def not_kept(exc: BaseException) -> None:
            log.error("decision %s could not be written to the outbox (%s); trying the "
                      "database", decision.id, safe_text(exc))
            self._submit(decision, first_try=True)

        self._keeper.submit(Job(lambda: outbox.add(decision),
                                lambda _none: self._submit(decision, first_try=True), not_kept))

    def replay(self) -> None:
        if self.outbox is None:
            return
        pending = self.outbox.pending()
        self._listener.pending_changed(len(pending))
        for decision in pending:
            if decision.id not in self._inflight:
                self._submit(decision, first_try=False)

    def _submit(self, decision: PendingDecision, *, first_try: bool) -> None:
        self._inflight.add(decision.id)
        listener = self._listener

        def done(result: CommandResult | Callback | CallbackError | None) -> None:
            self._inflight.discard(decision.id)
            if isinstance(result, CommandResult):
                listener.closed(result)
            elif result is not None:
                listener.callback_done(result)
            listener.pending_changed(self.pending())

        def failed(exc: BaseException) -> None:
            self._inflight.discard(decision.id)
            if not first_try:
                log.warning("outbox replay failed; will retry: %s", safe_text(exc))
            elif decision.op == ACCESS:
                log.warning("access log row kept in the outbox; will retry: %s", safe_text(exc))
                listener.pending_changed(self.pending())
            elif decision.op == CALLBACK_DONE:
                listener.callback_failed(exc)
                listener.pending_changed(self.pending())
            else:
                listener.close_failed(decision.alarm_id, exc, self.outbox is not None)

        self._writer.submit(Job(lambda: self._apply(decision), done, failed))

    def _apply(self, decision: PendingDecision) -> CommandResult | Callback | CallbackError | None:
        """Writer thread: apply one decision; drop it from the outbox once the database has
        answered (applied, or refused for a reason that retrying cannot fix)."""
        result: CommandResult | Callback | CallbackError | None
        if decision.outcome is None:  # every decision carries its outcome
            raise ValueError(f"outbox decision {decision.id} has no outcome")
        if decision.op == ACCESS:
            action, kind = decision.outcome.split("|", 1)
            self._store.record_access(
                decision.operator, decision.workstation, [decision.alarm_id],
                AccessAction(action), ReasonKind(kind), decision.note or None,
                at=datetime.fromisoformat(decision.at))
            result = None
        elif decision.op == CALLBACK_DONE:
            try:
                result = self._store.shift.complete(
                    decision.alarm_id, CallbackOutcome(decision.outcome), decision.note or "",
                    decision.operator)
            except CallbackError as refused:  # e.g. already done: nothing left to retry
                result = refused
        else:
            assert decision.op == CLOSE
            result = self._store.close_alarm(
                decision.alarm_id, decision.operator, decision.workstation,
                Outcome(decision.outcome), decision.note or "",
                decided_at=datetime.fromisoformat(decision.at),
            )
        if self.outbox is not None:
            self.outbox.remove(decision.id)
        return result
