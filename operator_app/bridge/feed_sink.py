"""The feed client's sink: applies batches through the store, on the writer thread (no Qt).

After each batch the follow-up passes run, each in its own idempotent transaction: grouping a
burst from one home under its open alarm, and triage of new measurements. A failure after the
batch committed is repaired by the client's retry (and, at start-up, by the catch-up pass).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from operator_app.domain.changes import ChangeSet
from operator_app.domain.grouping import DEFAULT_GROUPING, GroupingRule
from operator_app.domain.records import FeedEvent
from operator_app.store import Store


def utcnow() -> datetime:
    return datetime.now(UTC)


class StoreSink:
    def __init__(self, store: Store, feed_key: str,
                 on_committed: Callable[[ChangeSet], None] | None = None,
                 grouping: GroupingRule = DEFAULT_GROUPING) -> None:
        self._store = store
        self._feed_key = feed_key
        self._on_committed = on_committed
        self._grouping = grouping

    def load_cursor(self) -> tuple[str | None, int | None]:
        return self._store.load_cursor(self._feed_key)

    def apply(self, stream: str, events: list[FeedEvent]) -> ChangeSet:
        """Apply ``events``; returns what the follow-up passes changed beyond what
        ``on_committed`` was already handed (the UI applies each alarm view once)."""
        changes = self._store.apply_batch(self._feed_key, stream, events, utcnow())
        if self._on_committed is None or not changes.alarms:
            return follow_up(self._store, changes, self._grouping)
        # new alarms reach the queue now, not after the triage of a backlog of measurements
        self._on_committed(changes)
        return not_handed_on(follow_up(self._store, changes, self._grouping), changes)


def not_handed_on(result: ChangeSet, handed: ChangeSet) -> ChangeSet:
    """``result`` without what ``handed`` already carried: the same alarm views (a view the
    follow-up passes replaced stays), its problems and its set-aside count. When the batch had
    measurements its patient ids stay (triage ran since: a patient's panel reloads once more)."""
    before = {a.id: a for a in handed.alarms}
    alarms = tuple(a for a in result.alarms if before.get(a.id) is not a)
    problems = result.problems
    if problems[:len(handed.problems)] == handed.problems:
        problems = problems[len(handed.problems):]
    patients = result.patient_ids if result.measurements else (
        result.patient_ids - handed.patient_ids)
    return ChangeSet(alarms=alarms, patient_ids=patients, measurements=result.measurements,
                     problems=problems)


def follow_up(store: Store, changes: ChangeSet,
              grouping: GroupingRule = DEFAULT_GROUPING) -> ChangeSet:
    """Grouping and triage after ``changes`` were committed; one merged ChangeSet."""
    views = {a.id: a for a in changes.alarms}
    new = [a.id for a in changes.alarms if a.is_open and a.parent_id is None]
    for view in store.attach_pending(new, known=views, rule=grouping):
        views[view.id] = view
    problems = list(changes.problems)
    if changes.measurements:
        triaged = store.measurements.triage_pending()
        for view in triaged.alarms:
            views[view.id] = view
        problems.extend(triaged.problems)
    if len(views) == len(changes.alarms) and len(problems) == len(changes.problems):
        return changes
    return ChangeSet(alarms=tuple(views.values()), patient_ids=changes.patient_ids,
                     measurements=changes.measurements, problems=tuple(problems))


def catch_up(store: Store, now: datetime, grouping: GroupingRule = DEFAULT_GROUPING) -> ChangeSet:
    """At start-up: finish the follow-up passes a crash may have cut short, and bring in
    callbacks that fell due while the desk was closed."""
    open_ids = [a.id for a in store.open_alarms()]
    views = {a.id: a for a in store.attach_pending(open_ids, rule=grouping)}
    for result in store.measurements.triage_all():
        views.update((a.id, a) for a in result.alarms)
    views.update((a.id, a) for a in store.shift.enqueue_due(now))
    return ChangeSet(alarms=tuple(views.values()))
