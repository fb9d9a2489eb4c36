"""Helpers for chain tests: a store with rows in every chained table; tampering by hand."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from accounts_seed import seed
from store_events import T0, alarm, events, patient, update

from operator_app.domain.access import AccessAction, ReasonKind
from operator_app.domain.accounts import AccountEventKind
from operator_app.domain.alarms import Outcome
from operator_app.domain.shifts import DEFAULT_SHIFTS, DEFAULT_TZ, ShiftSchedule
from operator_app.store import Store
from operator_app.store.core import chain


def fill(store: Store, desk: int = 1, n_alarms: int = 4) -> list[str]:
    """Alarms raised, updated, claimed and closed; a callback; a note; a sign-off; an access."""
    seed(store, nurses=[f"op-{desk}"], leads=[f"lead-{desk}"], admins=())
    ids = [f"A-{desk}-{i}" for i in range(n_alarms)]
    store.apply_batch(
        f"feed-{desk}", f"S-{desk}",
        events(patient(f"P-{desk}"), *(alarm(a, f"P-{desk}") for a in ids),
               update(ids[0], "acknowledged", 5)),
        T0 + timedelta(seconds=1),
    )  # fmt: skip
    for a in ids[:3]:
        assert store.claim(a, f"op-{desk}", f"ws-{desk}").ok
        assert store.close_alarm(a, f"op-{desk}", f"ws-{desk}", Outcome.FALSE_ALARM, "ok").ok
    store.shift.schedule_callback(f"P-{desk}", T0 + timedelta(hours=1), "ring back", None,
                                  f"op-{desk}")
    store.shift.add_note(f"2026-11-25:desk{desk}", f"op-{desk}", "quiet night")
    store.record_access(f"op-{desk}", f"ws-{desk}", [f"P-{desk}"], AccessAction.PATIENT,
                        ReasonKind.ALARM, ids[0])
    store.accounts.record(f"op-{desk}", AccountEventKind.SIGNED_IN, f"ws-{desk}")
    store.shift.sign_off(ShiftSchedule(DEFAULT_SHIFTS, DEFAULT_TZ), f"2026-11-{10 + desk}:night",
                         f"lead-{desk}")
    return ids


def tamper(url: str, table: str, *statements: str) -> None:
    """Run ``statements`` as a superuser would: on PostgreSQL with the table's append-only
    trigger disabled for the time."""
    engine = sa.create_engine(url)
    postgres = engine.dialect.name == "postgresql"
    try:
        with engine.begin() as conn:
            if postgres:
                conn.execute(sa.text(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only"))
            for s in statements:
                conn.execute(sa.text(s))
            if postgres:
                conn.execute(sa.text(f"ALTER TABLE {table} ENABLE TRIGGER {table}_append_only"))
    finally:
        engine.dispose()


def scalar(url: str, sql: str) -> object:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(sql)).scalar_one()
    finally:
        engine.dispose()


def bad_chains(store: Store) -> list[chain.ChainState]:
    return [s for s in store.verify_chains() if not s.ok]
