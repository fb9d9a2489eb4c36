"""Carrying a desk's feed position over when its feed key changes.

Before workstation ids, a desk's feed key was ``{workstation name}@{url}``; now it is
``{workstation id}@{url}``. Without a carry-over, an upgraded desk would start the feed afresh
and, worse, the alarms its feed raised under the old key would never again be reconciled
against a snapshot (``batch.py: _reconcile`` goes by feed key): closed at source, they would
stay shown as active. ``adopt`` moves the cursor, the alarms' ``feed_key`` and the set-aside
events from the old key to the new one, once: only while the new key has no cursor yet. (On a
terminal server the desks of one name shared the old key; the first to start adopts it.)
"""

from __future__ import annotations

import logging

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from operator_app.store.alarms.tables import alarms
from operator_app.store.ingest.tables import feed_cursors, feed_quarantine

log = logging.getLogger("operator_app.store")


def adopt(conn: Connection, old_key: str, new_key: str) -> bool:
    """Move everything of ``old_key`` to ``new_key`` if ``new_key`` has no cursor yet and
    ``old_key`` has one; whether it did."""
    if old_key == new_key:
        return False
    have = set(conn.execute(select(feed_cursors.c.feed_key).where(
        feed_cursors.c.feed_key.in_([old_key, new_key]))).scalars())
    if new_key in have or old_key not in have:
        return False
    for table in (feed_cursors, alarms, feed_quarantine):
        conn.execute(update(table).where(table.c.feed_key == old_key).values(feed_key=new_key))
    log.info("feed position of the previous feed key carried over to this workstation id")
    return True
