"""Deliver the journal outbox: claim due entries under a lease, POST each, record the outcome.

:func:`deliver_due` is one round (the ``journal deliver`` command without ``--follow``);
:class:`JournalDeliverer` runs rounds on a thread of its own until stopped (the desk starts one
when a journal endpoint is configured; ``journal deliver --follow`` runs one in the foreground).
The network never runs on the GUI thread and never inside a database transaction.
"""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass
from datetime import timedelta

from operator_app.credentials import CredentialError
from operator_app.domain.journal import AttemptResult
from operator_app.journal.endpoint import Attempt, JournalEndpoint
from operator_app.store.journal.journal_store import JournalStore

log = logging.getLogger("operator_app.journal")

#: how long a claim holds an entry: longer than one POST can take (the endpoint's timeout)
DEFAULT_LEASE = timedelta(minutes=2)
#: how often a follower looks for due entries when nothing wakes it
DEFAULT_POLL_S = 5.0


@dataclass(frozen=True, slots=True)
class Round:
    delivered: int = 0
    retried: int = 0
    rejected: int = 0

    @property
    def attempted(self) -> int:
        return self.delivered + self.retried + self.rejected


def new_owner(label: str = "desk") -> str:
    return f"{label}-{uuid.uuid4().hex[:12]}"


def deliver_due(journal: JournalStore, endpoint: JournalEndpoint, owner: str,
                lease: timedelta = DEFAULT_LEASE, limit: int = 20) -> Round:
    """Claim up to ``limit`` due entries and try each once."""
    entries = journal.claim(owner, lease, limit)
    if not entries:
        return Round()
    try:
        token = endpoint.token()
    except CredentialError as exc:
        token = None
        log.warning("journal: %s", exc)
    counts = {r: 0 for r in AttemptResult}
    for entry in entries:
        attempt: Attempt = endpoint.post(entry.bundle_id, entry.body.encode("utf-8"), token)
        if attempt.result is AttemptResult.RETRY and token is None:
            attempt = Attempt(attempt.result, attempt.status,
                              f"{attempt.error} (no journal token in the keyring)")
        journal.record_attempt(entry.id, owner, attempt.result, attempt.status, attempt.error)
        counts[attempt.result] += 1
        if attempt.result is not AttemptResult.DELIVERED:
            log.warning("journal: bundle %s not delivered (attempt %d): %s", entry.bundle_id,
                        entry.attempts + 1, attempt.error)
    return Round(counts[AttemptResult.DELIVERED], counts[AttemptResult.RETRY],
                 counts[AttemptResult.REJECTED])


class JournalDeliverer:
    """Rounds of :func:`deliver_due` on a daemon thread; :meth:`wake` after a close for an
    immediate round, :meth:`stop` to end (waits for the round in progress)."""

    def __init__(self, journal: JournalStore, endpoint: JournalEndpoint, *,
                 owner: str | None = None, poll_s: float = DEFAULT_POLL_S,
                 lease: timedelta = DEFAULT_LEASE) -> None:
        self._journal = journal
        self._endpoint = endpoint
        self.owner = owner or new_owner()
        self._poll_s = poll_s
        self._lease = lease
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="journal-deliverer", daemon=True)
        self.rounds = 0

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stopped.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stopped.is_set():
            self._wake.clear()
            try:
                done = deliver_due(self._journal, self._endpoint, self.owner, self._lease)
            except Exception:  # the database away: try again on the next round
                log.exception("journal: delivery round failed")
                done = Round()
            self.rounds += 1
            if done.attempted and not done.retried and not done.rejected:
                continue  # more may be due: go on at once
            self._wake.wait(self._poll_s)
