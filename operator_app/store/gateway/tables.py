"""The gateway's tables (migration ``0008``). They live in the gateway's own database (by default
``gateway.db`` in its data directory) or in a centre's PostgreSQL; a desk's database carries
them empty.

* ``gateway_stream``: the name of the one rc-feed stream this log serves (one row).
* ``gateway_events``: every event the gateway served, by ``seq``, with the ``sent_at`` and the
  data it was sent with, so desks resume by seq after a gateway restart.
* ``gateway_refs``: the ``<mrq>`` refs answered with ``snu`` 0, per controller, with a digest of
  what the message said (a repeat with the same digest makes no second alarm).
* ``gateway_devices``: controller id (and device id, ``""`` for any) -> patient id, and what
  desks are told of the patient (name, phone, address) when given.
* ``gateway_controllers``: when each controller last spoke, how often it should, and the
  ``device_offline`` alarm open for it (if any).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, String, Table, Text

from operator_app.store.core.columns import UTCDateTime, metadata

gateway_stream = Table(
    "gateway_stream",
    metadata,
    Column("name", String, primary_key=True),
    Column("started_at", UTCDateTime, nullable=False),
)

gateway_events = Table(
    "gateway_events",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("type", String(40), nullable=False),
    Column("sent_at", String(40), nullable=False),  # as on the wire (RFC 3339, Z)
    Column("data", Text, nullable=False),  # JSON object
)

gateway_refs = Table(
    "gateway_refs",
    metadata,
    Column("cid", String(32), primary_key=True),
    Column("ref", String(32), primary_key=True),
    Column("digest", String(64), nullable=False),
    Column("seq", BigInteger),  # the last event it made (None: a heartbeat)
    Column("received_at", UTCDateTime, nullable=False),
    Index(None, "received_at"),
)

gateway_devices = Table(
    "gateway_devices",
    metadata,
    Column("cid", String(32), primary_key=True),
    Column("did", String(32), primary_key=True),  # "" = every device of the controller
    Column("patient_id", String(200), nullable=False),
    Column("heartbeat_s", Integer),  # expected heartbeat interval of the controller
    Column("note", Text),
    # what desks are told of the patient (patient.upsert); None: the gateway tells nothing
    Column("patient_name", Text),
    Column("patient_phone", String(40)),
    Column("patient_address", Text),
)

gateway_controllers = Table(
    "gateway_controllers",
    metadata,
    Column("cid", String(32), primary_key=True),
    Column("last_seen", UTCDateTime, nullable=False),
    Column("interval_s", Integer, nullable=False),
    Column("offline_alarm_id", String(200)),
)
