"""Ten desks writing one PostgreSQL database at once: every chain verifies afterwards."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from chain_fixtures import fill, scalar
from store_events import T0, alarm, events, patient

from operator_app.domain.alarms import Outcome
from operator_app.store import Store

pytestmark = [pytest.mark.unit, pytest.mark.postgres]

DESKS = 10
SHARED = [f"S-{i}" for i in range(20)]


def desk(url: str, n: int, barrier: threading.Barrier, errors: list[BaseException]) -> None:
    try:
        with Store.open(url) as store:
            barrier.wait(timeout=60)
            # every desk ingests the same shared feed (idempotent) and races for its alarms
            store.apply_batch("shared", "S-shared",
                              events(patient("P-shared"), *(alarm(a, "P-shared") for a in SHARED)),
                              T0 + timedelta(seconds=2))
            fill(store, n)
            for a in SHARED[n::3]:
                if store.claim(a, f"op-{n}", f"ws-{n}").ok:
                    store.close_alarm(a, f"op-{n}", f"ws-{n}", Outcome.FALSE_ALARM, "done")
    except BaseException as exc:  # pragma: no cover - reported below
        errors.append(exc)


def test_ten_desks_at_once_leave_every_chain_whole(pg_url: str) -> None:
    Store.open(pg_url).close()
    barrier = threading.Barrier(DESKS)
    errors: list[BaseException] = []
    threads = [threading.Thread(target=desk, args=(pg_url, n, barrier, errors))
               for n in range(DESKS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    assert errors == []
    with Store.open(pg_url) as store:
        states = {s.table: s for s in store.verify_chains()}
    assert all(s.ok for s in states.values()), states
    assert states["alarm_events"].length == scalar(pg_url, "SELECT count(*) FROM alarm_events")
    assert states["access_log"].length == DESKS
    assert states["handover_signoffs"].length == DESKS
    raised = scalar(pg_url, "SELECT count(*) FROM alarm_events WHERE kind = 'raised'"
                    " AND alarm_id LIKE 'S-%'")
    assert raised == len(SHARED)  # the shared feed raised each alarm once
