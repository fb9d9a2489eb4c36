"""Tables of home measurements. Migrations ``0001`` and ``0002_measurements`` create them.

- ``measurements``: every FHIR Observation as the feed sent it (``raw``), inserted by ingest.
  ``triaged_at`` is NULL until the triage pass has handled the row. A partial index holds
  exactly the pending rows, so finding work is cheap however many measurements are stored, and
  marking a row triaged happens in the same transaction as everything the pass writes: each
  measurement is triaged exactly once.
- ``measurement_values``: one row per triaged measurement (accepted or rejected), for the list,
  the latest values and NEWS2.
- ``measurement_points``: the plot storage. Per (patient, canonical code) chunks of up to
  ``points.CHUNK_POINTS`` points: packed float64 times (epoch s), float64 values per component
  (component-major) and int8 colours, read with ``numpy.frombuffer``.
- ``measurement_review_seq``: the last review-item number per patient (ids ``R-<pid>-<n>``).
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, LargeBinary, String, Table, Text, text

from operator_app.store.core.columns import UTCDateTime, metadata

UNTRIAGED = "triaged_at IS NULL"

measurements = Table(
    "measurements",
    metadata,
    Column("id", String, primary_key=True),  # FHIR Observation.id
    Column("patient_id", String, nullable=False),
    Column("code", String, nullable=False),
    Column("effective_at", UTCDateTime),
    Column("raw", LargeBinary, nullable=False),  # the resource as sent
    Column("received_at", UTCDateTime, nullable=False),
    Column("triaged_at", UTCDateTime),
    # Reads by patient go to measurement_values/measurement_points; every index here costs the
    # hottest insert of the feed, so the only one holds just the rows waiting for triage.
    Index(
        "ix_measurements_untriaged",
        "received_at",
        "id",
        sqlite_where=text(UNTRIAGED),
        postgresql_where=text(UNTRIAGED),
    ),
)

measurement_values = Table(
    "measurement_values",
    metadata,
    Column("id", String, primary_key=True),  # = measurements.id (FHIR Observation.id)
    Column("patient_id", String, nullable=False),
    Column("code", String, nullable=False),  # canonical; as sent when rejected
    Column("display_name", Text, nullable=False),
    Column("effective_at", UTCDateTime),  # NULL only for a rejected one without a usable time
    Column("sort_at", UTCDateTime, nullable=False),  # effective_at, else received_at
    Column("received_at", UTCDateTime, nullable=False),
    Column("vals", Text, nullable=False),  # JSON {component code: value} (canonical unit)
    Column("unit", String),
    Column("colour", String(8)),  # domain.colour.Colour; NULL when rejected
    Column("source", Text),  # device named by the resource, if any
    Column("rejected", String(40)),  # domain.measurements.RejectReason; NULL when accepted
    Column("reasons", Text),  # JSON list of triage reasons, or NULL
    # JSON {component code: "<" | "<=" | ">" | ">="} for a meter's LO/HI reading, or NULL
    Column("comparators", Text),
    Index(None, "patient_id", "sort_at"),
    Index(None, "patient_id", "code", "sort_at"),
    Index(
        "ix_measurement_values_rejected",
        "rejected",
        sqlite_where=text("rejected IS NOT NULL"),
        postgresql_where=text("rejected IS NOT NULL"),
    ),
)

measurement_points = Table(
    "measurement_points",
    metadata,
    Column("patient_id", String, primary_key=True),
    Column("code", String, primary_key=True),  # canonical code (BP: 85354-9)
    Column("chunk", Integer, primary_key=True, autoincrement=False),
    Column("n", Integer, nullable=False),
    Column("t_min", Float, nullable=False),
    Column("t_max", Float, nullable=False),
    Column("components", Text, nullable=False),  # component codes joined by "|"
    Column("display_name", Text, nullable=False),
    Column("unit", String, nullable=False),
    Column("times", LargeBinary, nullable=False),  # float64[n]
    Column("vals", LargeBinary, nullable=False),  # float64[k, n], NaN where absent
    Column("colours", LargeBinary, nullable=False),  # int8[n] (domain.series.COLOUR_ORDER)
)

measurement_review_seq = Table(
    "measurement_review_seq",
    metadata,
    Column("patient_id", String, primary_key=True),
    Column("last_n", Integer, nullable=False),
)
