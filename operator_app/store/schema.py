"""Every table of the store, on one ``metadata``: what the Alembic migrations create.

Each feature owns its tables (``alarms/tables.py``, ``ingest/tables.py``,
``measurements/tables.py``, ``shift/tables.py``); importing this module registers them all.
"""

from __future__ import annotations

from operator_app.store.alarms.tables import alarm_events, alarms, patients
from operator_app.store.audit.tables import access_log
from operator_app.store.core.columns import metadata
from operator_app.store.desks.tables import workstations
from operator_app.store.gateway.tables import (
    gateway_controllers,
    gateway_devices,
    gateway_events,
    gateway_refs,
    gateway_stream,
)
from operator_app.store.ingest.tables import feed_cursors, feed_quarantine
from operator_app.store.journal.tables import journal_outbox
from operator_app.store.measurements.tables import (
    measurement_points,
    measurement_review_seq,
    measurement_values,
    measurements,
)
from operator_app.store.shift.tables import (
    callback_events,
    callbacks,
    handover_notes,
    handover_signoffs,
)

__all__ = [
    "access_log",
    "alarm_events",
    "alarms",
    "callback_events",
    "callbacks",
    "feed_cursors",
    "feed_quarantine",
    "gateway_controllers",
    "gateway_devices",
    "gateway_events",
    "gateway_refs",
    "gateway_stream",
    "handover_notes",
    "handover_signoffs",
    "journal_outbox",
    "measurement_points",
    "measurement_review_seq",
    "measurement_values",
    "measurements",
    "metadata",
    "patients",
    "workstations",
]
