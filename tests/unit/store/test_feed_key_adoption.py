"""An upgraded desk keeps its feed position: the cursor, the alarms (for snapshot
reconciliation) and the set-aside events of its old ``name@url`` key move to ``id@url`` once."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from store_events import alarm, at, events, patient, snapshot

from operator_app.domain.alarms import SourceStatus
from operator_app.domain.records import FeedEvent, UnreadableEvent
from operator_app.store import Store
from operator_app.store.ingest.tables import feed_quarantine

pytestmark = pytest.mark.unit

OLD, NEW = "termserver-1@wss://feed/ws", "0b7c6a3e-0000-4000-8000-000000000001@wss://feed/ws"


def test_the_old_keys_position_alarms_and_set_aside_events_move_once(store: Store) -> None:
    bad = UnreadableEvent(seq=4, event_type="patient.upsert", reason="patient.upsert: bad")
    store.apply_batch(OLD, "S-1", events(patient(), alarm("A-1"), alarm("A-2"), bad), at(1))
    assert store.adopt_feed_key(OLD, NEW)
    assert store.load_cursor(NEW) == ("S-1", 4) and store.load_cursor(OLD) == (None, None)
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(feed_quarantine.c.feed_key)).scalars().all() == [NEW]
    # the new key's snapshot reconciles the alarms the old key raised
    store.apply_batch(NEW, "S-1", [FeedEvent(seq=5, type="snapshot",
                                             data=snapshot([patient()], [alarm("A-1")]))], at(2))
    statuses = {a.id: a.source_status for a in store.open_alarms()}
    assert statuses["A-2"] == SourceStatus.CLOSED_AT_SOURCE and statuses["A-1"] is None
    assert not store.adopt_feed_key(OLD, NEW)  # once


def test_a_key_that_already_has_a_cursor_keeps_it(store: Store) -> None:
    store.apply_batch(OLD, "S-1", events(patient(), alarm("A-1")), at(1))
    assert store.start_stream_at(NEW, "S-2", 7)
    assert not store.adopt_feed_key(OLD, NEW)
    assert store.load_cursor(NEW) == ("S-2", 7) and store.load_cursor(OLD) == ("S-1", 2)
    assert not store.adopt_feed_key("nobody@wss://feed/ws", "other@wss://feed/ws")
