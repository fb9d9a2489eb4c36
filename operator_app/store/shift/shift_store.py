"""``ShiftStore``: callbacks and the handover (``store.shift``).

Every write runs in one ``write_transaction`` (writers are serialised), every read in one
``read_transaction``. The rules are the domain's; ``callback_rows``, ``handover_facts`` and
``handover_notes`` hold the statements; this class only opens transactions and reads the
clock. Times going in must be timezone-aware; they come out as UTC.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.engine import Engine

from operator_app.domain.accounts import Permission
from operator_app.domain.alarms import Priority
from operator_app.domain.callbacks import Callback, CallbackOutcome
from operator_app.domain.device_stats import DEFAULT_TOP, DeviceStats
from operator_app.domain.device_stats import device_stats as compute_device_stats
from operator_app.domain.handover import figures_visible_to, handover_for_shift
from operator_app.domain.handover_facts import AlarmFact, AlarmIndex, CallbackFact, OperatorPresence
from operator_app.domain.handover_report import Handover, HandoverNote, Signoff
from operator_app.domain.shifts import ShiftSchedule
from operator_app.domain.views import AlarmView
from operator_app.store.accounts.account_rows import authorize
from operator_app.store.alarms.view_rows import alarm_views_by_id
from operator_app.store.core.columns import as_utc
from operator_app.store.core.engine import Clock, read_transaction, utc_now, write_transaction
from operator_app.store.journal import delivery_rows
from operator_app.store.shift import callback_rows, device_stats, handover_facts, handover_notes


class ShiftStore:
    def __init__(self, engine: Engine, clock: Clock = utc_now) -> None:
        self.engine = engine
        self._clock = clock

    def _now(self) -> datetime:
        return as_utc(self._clock())

    def _authorize(self, username: str, permission: Permission) -> None:
        with read_transaction(self.engine) as conn:
            authorize(conn, username, permission)

    # -- callbacks --------------------------------------------------------------------------

    def schedule_callback(
        self,
        patient_id: str,
        due_at: datetime,
        reason: str,
        assignee: str | None,
        by: str,
        priority: Priority = Priority.MEDIUM,
    ) -> Callback:
        with write_transaction(self.engine) as conn:
            authorize(conn, by, Permission.CALLBACKS)
            return callback_rows.schedule(
                conn,
                patient_id,
                as_utc(due_at) if due_at.tzinfo else due_at,
                reason,
                assignee,
                by,
                self._now(),
                priority,
            )

    def reschedule(self, callback_id: str, new_due: datetime, why: str, by: str) -> Callback:
        with write_transaction(self.engine) as conn:
            authorize(conn, by, Permission.CALLBACKS)
            return callback_rows.reschedule(conn, callback_id, new_due, why, by, self._now())

    def complete(
        self, callback_id: str, outcome: CallbackOutcome, note: str | None, by: str
    ) -> Callback:
        with write_transaction(self.engine) as conn:
            authorize(conn, by, Permission.CALLBACKS)
            return callback_rows.complete(conn, callback_id, outcome, note, by, self._now())

    def cancel(self, callback_id: str, why: str, by: str) -> Callback:
        with write_transaction(self.engine) as conn:
            authorize(conn, by, Permission.CALLBACKS)
            return callback_rows.cancel(conn, callback_id, why, by, self._now())

    def callback(self, callback_id: str) -> Callback:
        with read_transaction(self.engine) as conn:
            return callback_rows.load(conn, callback_id)[0]

    def callbacks(self, since: datetime | None = None) -> list[Callback]:
        """Open callbacks and those closed since ``since`` (all when None), by due time;
        bucket them with ``domain.callbacks.by_bucket``."""
        with read_transaction(self.engine) as conn:
            return callback_rows.list_callbacks(conn, since)

    def enqueue_due(self, now: datetime | None = None) -> list[AlarmView]:
        """Callbacks whose time has come enter the queue (idempotent); their queue items."""
        when = self._now() if now is None else as_utc(now)
        with write_transaction(self.engine) as conn:
            ids = callback_rows.enqueue_due(conn, when)
            return alarm_views_by_id(conn, ids) if ids else []

    # -- handover ---------------------------------------------------------------------------

    def device_stats(self, start: datetime, end: datetime, top: int = DEFAULT_TOP) -> DeviceStats:
        """Noisy devices and patients, false-alarm rates, technical share, heartbeat gaps of
        the alarms received in ``[start, end)`` (``domain.device_stats``)."""
        start, end = as_utc(start), as_utc(end)
        with read_transaction(self.engine) as conn:
            rows = device_stats.device_alarms(conn, start, end)
        return compute_device_stats(rows, start, end, top)

    def alarm_facts(self, start: datetime, end: datetime) -> list[AlarmFact]:
        with read_transaction(self.engine) as conn:
            return handover_facts.alarm_facts(conn, start, end)

    def callback_facts(self, start: datetime, end: datetime) -> list[CallbackFact]:
        with read_transaction(self.engine) as conn:
            return handover_facts.callback_facts(conn, start, end)

    def presence(self, start: datetime, end: datetime) -> list[OperatorPresence]:
        with read_transaction(self.engine) as conn:
            return handover_facts.presence(conn, start, end)

    def handover(
        self, schedule: ShiftSchedule, shift_id: str, as_of: datetime | None = None,
        viewer: str | None = None,
    ) -> Handover:
        """The shift's handover. Unsigned: figures as of ``as_of`` (default: now, or the shift
        end if that is earlier). Signed: the frozen figures of the sign-off. With ``viewer``
        (an account) the per-operator load is what that account's role may see."""
        sid = schedule.parse(shift_id)
        key = str(sid)
        start, end = schedule.bounds(sid)
        when = min(self._now(), end) if as_of is None else as_utc(as_of)
        with read_transaction(self.engine) as conn:
            sees_all = viewer is None or authorize(conn, viewer, Permission.HANDLE_ALARMS) \
                .actor.may(Permission.SEE_ALL_FIGURES)
            facts = handover_facts.alarm_facts(conn, start, end)
            cbs = handover_facts.callback_facts(conn, start, end)
            people = handover_facts.presence(conn, start, end)
            notes = handover_notes.notes(conn, key)
            signed = handover_notes.signoff(conn, key)
            set_aside = handover_facts.set_aside(conn, start, end)
            stats = compute_device_stats(device_stats.device_alarms(conn, start, end), start, end)
            journal = delivery_rows.status(conn)
        index = AlarmIndex(facts)
        if signed is not None:
            signoff, figures = signed
        else:
            signoff = None
            figures = handover_for_shift(
                schedule, sid, index, callbacks=cbs, presence=people, as_of=max(when, start),
                feed_set_aside=set_aside,
            )
        if viewer is not None:
            figures = figures_visible_to(figures, viewer, sees_all)
        mine = tuple(f for f in index.facts if start <= f.received_at < end)
        open_ids = set(figures.still_open)
        still_open = tuple(f for f in index.facts if f.id in open_ids)
        with read_transaction(self.engine) as conn:
            names = handover_facts.patient_names(
                conn, {f.patient_id for f in still_open} | {c.patient_id for c in cbs})
        return Handover(key, figures, notes, signoff, mine, tuple(cbs), still_open,
                        device_stats=stats, journal=journal, patient_names=names)

    def add_note(self, shift_id: str, operator: str, text: str) -> HandoverNote:
        with write_transaction(self.engine) as conn:
            authorize(conn, operator, Permission.NOTES)
            return handover_notes.add_note(conn, shift_id, operator, text, self._now())

    def sign_off(self, schedule: ShiftSchedule, shift_id: str, lead: str) -> Signoff:
        """Freeze the handover with its figures as of now (or the shift end, if earlier);
        ``AlreadySignedOffError`` the second time."""
        key = str(schedule.parse(shift_id))
        self._authorize(lead, Permission.SIGN_OFF)  # before the figures are computed
        figures = self.handover(schedule, key).figures
        with write_transaction(self.engine) as conn:
            authorize(conn, lead, Permission.SIGN_OFF)
            return handover_notes.sign(conn, key, lead, figures, self._now())
