"""``Store``: the one entry point of the storage layer (see docs/ARCHITECTURE.md, "Store").

It owns the engine, runs the migrations, and composes the features: the feed side (``ingest``),
alarm commands and reads (``alarms``), and the parts ``store.measurements`` and ``store.shift``.
Writes should come from one thread per process (the bridge's writer); reads may come from any
thread, each call in its own short transaction. Several processes may share one database.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime

from sqlalchemy.engine import URL, Connection, Engine

from operator_app.domain.access import AccessAction, AccessEntry, ReasonKind, access_patients
from operator_app.domain.accounts import Permission
from operator_app.domain.alarms import Outcome
from operator_app.domain.changes import ChangeSet
from operator_app.domain.commands import CommandResult
from operator_app.domain.grouping import DEFAULT_GROUPING, GroupingRule
from operator_app.domain.records import FeedEvent
from operator_app.domain.views import AlarmView, PatientView
from operator_app.store.accounts.account_rows import authorize
from operator_app.store.accounts.account_store import AccountStore
from operator_app.store.alarms import claims, grouping, queries
from operator_app.store.alarms.response_log import ResponseLogRow, response_log
from operator_app.store.alarms.view_rows import patient_view
from operator_app.store.audit import access_log
from operator_app.store.core import chain
from operator_app.store.core.columns import as_utc
from operator_app.store.core.dbapi import DbApi
from operator_app.store.core.engine import (
    Clock,
    create_engine,
    read_transaction,
    utc_now,
    write_transaction,
    write_unless_answered,
)
from operator_app.store.core.migrate import upgrade
from operator_app.store.desks import workstations
from operator_app.store.ingest import apply, feed_key_adoption, quarantine, shared_feed
from operator_app.store.journal import enqueue as journal_enqueue
from operator_app.store.journal.journal_store import JournalStore
from operator_app.store.measurements.measurement_store import MeasurementStore
from operator_app.store.shift import callback_rows
from operator_app.store.shift.shift_store import ShiftStore

log = logging.getLogger("operator_app.store")


class Store:
    def __init__(self, engine: Engine, clock: Clock = utc_now) -> None:
        self.engine = engine
        self._clock = clock
        self.accounts = AccountStore(engine, clock)
        self.measurements = MeasurementStore(engine, clock)
        self.shift = ShiftStore(engine, clock)
        self.journal = JournalStore(engine, clock)

    @classmethod
    def open(cls, url: str | URL, *, clock: Clock = utc_now) -> Store:
        """Connect to ``url`` and migrate the database to the newest schema."""
        engine = create_engine(url)
        try:
            upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        log.info("store open (%s)", engine.url.render_as_string(hide_password=True))
        return cls(engine, clock)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _now(self) -> datetime:
        return as_utc(self._clock())

    def register_workstation(self, workstation_id: str, name: str) -> None:
        """Record this desk's workstation id and display name (see ``store/desks``)."""
        with write_transaction(self.engine) as conn:
            workstations.register(conn, workstation_id, name, self._now())

    def workstation_names(self) -> dict[str, str]:
        with read_transaction(self.engine) as conn:
            return workstations.names(conn)

    # -- feed side --------------------------------------------------------------------------

    def load_cursor(self, feed_key: str) -> tuple[str | None, int | None]:
        with read_transaction(self.engine) as conn:
            return apply.load_cursor(conn, feed_key)

    def adopt_feed_key(self, old_key: str, new_key: str) -> bool:
        """Carry the feed position of ``old_key`` over to ``new_key`` (``feed_key_adoption``)."""
        with write_transaction(self.engine) as conn:
            return feed_key_adoption.adopt(conn, old_key, new_key)

    def start_stream_at(self, feed_key: str, stream: str, seq: int) -> bool:
        """Follow ``stream`` from ``seq`` if this feed key has no cursor yet (True if set).

        For a feed whose window holds history worth replaying (the demo's past measurements):
        a desk new to a stream would otherwise get a snapshot, which carries no measurements."""
        with write_transaction(self.engine) as conn:
            if apply.load_cursor(conn, feed_key)[0] is not None:
                return False
            apply.save_cursor(conn, feed_key, stream, seq, self._now())
            return True

    def apply_batch(
        self, feed_key: str, stream: str | None, events: Sequence[FeedEvent], received_at: datetime
    ) -> ChangeSet:
        """Apply the events and move the cursor, in one transaction (on PostgreSQL a batch
        that other desks stored already skips the writers' lock: ``ingest/shared_feed.py``).
        If the batch fails because of its data, it is applied again with each unstorable event
        set aside (``ingest/quarantine.py``); any other failure propagates (the client
        retries)."""
        try:
            if self.engine.dialect.name == "postgresql":  # a centre: skip what is stored
                return shared_feed.apply_unless_stored(
                    self.engine, feed_key, stream, events, received_at)
            with write_transaction(self.engine) as conn:
                return apply.apply_batch(conn, feed_key, stream, events, received_at)
        except Exception as exc:
            if not quarantine.is_poison(exc):
                raise
            log.warning("feed %s: batch refused (%s); isolating what cannot be applied",
                        feed_key, quarantine.reason_of(exc))
        with write_transaction(self.engine) as conn:
            return quarantine.apply_isolating(conn, feed_key, stream, events, received_at)

    def set_aside_count(self, since: datetime | None = None) -> int:
        """Feed events set aside (quarantined), all or since ``since``."""
        with read_transaction(self.engine) as conn:
            return quarantine.count(conn, since)

    def attach_pending(
        self, alarm_ids: Sequence[str], known: Mapping[str, AlarmView] | None = None,
        rule: GroupingRule = DEFAULT_GROUPING,
    ) -> list[AlarmView]:
        """After ``apply_batch``: group the new alarms (``alarms/grouping.py``); ``known`` are
        views the caller already holds (saves reading back the new members)."""
        if not alarm_ids:
            return []
        with write_transaction(self.engine) as conn:
            return grouping.attach_pending(conn, alarm_ids, self._now(), known, rule)

    # -- operator side ----------------------------------------------------------------------
    # ``operator`` is an account name: each command checks that the account exists, is
    # enabled and that its stored role allows the command (``account_rows.authorize``).

    def claim(self, alarm_id: str, operator: str, workstation: str) -> CommandResult:
        """Claim ``alarm_id``. An alarm already taken (claimed, closed, unknown) is refused from
        a read, without a turn at the writers' lock: many desks race for the same alarm, and
        the one holding the lock is often claiming it (``engine.write_unless_answered``)."""

        def refused(conn: Connection) -> CommandResult | None:
            authorize(conn, operator, Permission.HANDLE_ALARMS)
            return claims.refused_claim(conn, alarm_id, operator)

        def claim(conn: Connection) -> CommandResult:
            authorize(conn, operator, Permission.HANDLE_ALARMS)
            return claims.claim(conn, alarm_id, operator, workstation, self._now())

        return write_unless_answered(self.engine, refused, claim)

    def release(self, alarm_id: str, operator: str, workstation: str) -> CommandResult:
        with write_transaction(self.engine) as conn:
            authorize(conn, operator, Permission.HANDLE_ALARMS)
            return claims.release(conn, alarm_id, operator, workstation, self._now())

    def reassign(
        self, alarm_id: str, to: str | None, operator: str, workstation: str
    ) -> CommandResult:
        """A shift lead moves an open alarm's claim to account ``to`` (None: unclaimed)."""
        with write_transaction(self.engine) as conn:
            authorize(conn, operator, Permission.REASSIGN)
            if to is not None:
                authorize(conn, to, Permission.HANDLE_ALARMS)
            return claims.reassign(conn, alarm_id, to, operator, workstation, self._now())

    def reopen(self, alarm_id: str, why: str, operator: str, workstation: str) -> CommandResult:
        """A shift lead reopens a closed alarm; it is back in the queue, claimed by the lead."""
        with write_transaction(self.engine) as conn:
            authorize(conn, operator, Permission.REOPEN)
            return claims.reopen(conn, alarm_id, why, operator, workstation, self._now())

    def close_alarm(
        self, alarm_id: str, operator: str, workstation: str, outcome: Outcome, note: str,
        decided_at: datetime | None = None,
    ) -> CommandResult:
        """Close with a decision (the alarms of its group with it); a callback's queue item
        completes its callback in the same transaction, and the journal bundle is queued in it
        (``store/journal``). ``decided_at`` is when the operator decided (an outbox replay
        after an outage writes later than that); default now."""
        when = as_utc(decided_at) if decided_at is not None else self._now()
        with write_transaction(self.engine) as conn:
            authorize(conn, operator, Permission.HANDLE_ALARMS)
            result = claims.close(conn, alarm_id, operator, workstation, outcome, note, when)
            if result.ok:
                callback_rows.on_item_closed(conn, alarm_id, outcome, note, operator, when)
                # the journal entry commits with the close or not at all (docs/HAZARDS.md H18)
                journal_enqueue.alarm_closed(conn, alarm_id, when)
            return result

    def mark_shown(self, alarm_ids: Sequence[str], workstation: str, at: datetime) -> None:
        if not alarm_ids:
            return
        with write_transaction(self.engine) as conn:
            claims.mark_shown(conn, alarm_ids, workstation, as_utc(at))

    # -- reads ------------------------------------------------------------------------------

    def open_alarms(self) -> list[AlarmView]:
        with read_transaction(self.engine) as conn:
            return queries.open_alarms(conn)

    def closed_alarms(self, since: datetime) -> list[AlarmView]:
        with read_transaction(self.engine) as conn:
            return queries.closed_alarms(conn, since)

    def alarm(self, alarm_id: str) -> AlarmView | None:
        with read_transaction(self.engine) as conn:
            return queries.alarm(conn, alarm_id)

    def patient(self, patient_id: str) -> PatientView | None:
        with read_transaction(self.engine) as conn:
            return patient_view(conn, patient_id)

    def last_event_id(self) -> int:
        with read_transaction(self.engine) as conn:
            return queries.last_event_id(conn)

    def alarms_changed_since(
        self, event_id: int, *, own_workstation: str | None = None, own_feed_key: str | None = None
    ) -> tuple[int, list[AlarmView]]:
        with read_transaction(self.engine) as conn:
            return queries.alarms_changed_since(
                conn, event_id, own_workstation=own_workstation, own_feed_key=own_feed_key)

    def response_log(self, since: datetime, until: datetime) -> Iterator[ResponseLogRow]:
        """Rows are read in one transaction and then yielded (a shift's worth fits in memory)."""
        with read_transaction(self.engine) as conn:
            rows = list(response_log(conn, since, until))
        return iter(rows)

    # -- audit: the access log and the tamper-evident chains ---------------------------------

    def record_access(
        self,
        account: str,
        workstation: str | None,
        patient_ids: Sequence[str],
        action: AccessAction,
        reason_kind: ReasonKind,
        reason_id: str | None = None,
        *,
        detail: Mapping[str, object] | None = None,
        at: datetime | None = None,
    ) -> int:
        """Log that ``account`` at ``workstation`` opened (``action``) the data of each of
        ``patient_ids``, and why; one chained row per distinct patient; the number written.
        ``AccessLogError`` for a blank account or patient id (nothing written). ``detail``
        holds ids and counts only, never patient text."""
        ids = access_patients(account, list(patient_ids))
        if not ids:
            return 0
        with write_transaction(self.engine) as conn:
            when = as_utc(at) if at is not None else self._now()
            return access_log.record(conn, when, account, workstation, ids, action,
                                     reason_kind, reason_id, None if detail is None else dict(detail))

    def access_log(self, patient_id: str, since: datetime | None = None) -> list[AccessEntry]:
        """Who opened ``patient_id``'s data (at or after ``since``), in the order logged."""
        with read_transaction(self.engine) as conn:
            return access_log.entries(conn, patient_id, None if since is None else as_utc(since))

    def verify_chains(self) -> list[chain.ChainState]:
        """Walk every chained table (``store/core/chain.py``); each one's length and head, or
        its first bad row."""
        with read_transaction(self.engine) as conn, DbApi(conn) as raw:
            return chain.verify_all(raw)
