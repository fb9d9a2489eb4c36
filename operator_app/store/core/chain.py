"""Tamper-evident tables: the one place that appends to a chained (append-only) table.

Every row of a chained table carries ``prev_hash`` (the ``hash`` of the row before it in id
order; :data:`GENESIS` for the first) and ``hash`` = SHA-256 of a canonical encoding of
``[table, content values in the spec's order..., prev_hash]``. The encoding is JSON of plain
values, the same on every database: timestamps as the fixed-width UTC text of
``columns.utc_text``, booleans as 0/1, integers and text as they are, NULL as null. So a row
hashes the same whether it was written to or read from SQLite or PostgreSQL.

Writers are serialized (``engine.write_transaction``: ``BEGIN IMMEDIATE`` on SQLite, one
advisory lock on PostgreSQL), so inside a write transaction :func:`append` reads the table's
last hash, hashes the new rows in order and inserts them in that order (ids grow in insert
order). Rows whose dedup key already exists are dropped *before* hashing: the chain never
holds a row that was not inserted. An insert that still conflicts fails the transaction.

A later feature registers its own chained table with :func:`register` (its migration adds the
columns and the append-only triggers, see :func:`append_only_sql`); ``audit verify`` walks
every spec of :data:`CHAINS`. A test fails when any other module inserts into a chained table.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import msgspec

from operator_app.store.core.columns import as_utc, utc_text
from operator_app.store.core.dbapi import DbApi, Row

GENESIS = "0" * 64
_encode = msgspec.json.Encoder().encode


@dataclass(frozen=True, slots=True)
class ChainSpec:
    """A chained table: its content columns in hash order (every column but ``id``,
    ``prev_hash`` and ``hash``), which of them are timestamps, and its dedup column."""

    table: str
    columns: tuple[str, ...]
    timestamps: frozenset[str] = field(default_factory=frozenset)
    dedup_column: str | None = None
    #: per content column: is it a timestamp (precomputed for the hot path)
    time_flags: tuple[bool, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "time_flags", tuple(c in self.timestamps for c in self.columns))


#: every chained table, in the order ``audit verify`` walks them
CHAINS: list[ChainSpec] = []


def register(spec: ChainSpec) -> ChainSpec:
    """Add ``spec`` to :data:`CHAINS` (once per table)."""
    if any(s.table == spec.table for s in CHAINS):
        raise ValueError(f"chain {spec.table} is registered twice")
    CHAINS.append(spec)
    return spec


def spec_of(table: str) -> ChainSpec:
    for spec in CHAINS:
        if spec.table == table:
            return spec
    raise KeyError(f"{table} is not a chained table")


ALARM_EVENTS = register(ChainSpec(
    "alarm_events",
    ("alarm_id", "kind", "at", "operator", "workstation", "detail", "dedup_key"),
    frozenset({"at"}), "dedup_key",
))  # fmt: skip
CALLBACK_EVENTS = register(ChainSpec(
    "callback_events", ("callback_id", "kind", "at", "operator", "detail"), frozenset({"at"}),
))  # fmt: skip
HANDOVER_NOTES = register(ChainSpec(
    "handover_notes", ("shift_id", "at", "operator", "text", "addendum"), frozenset({"at"}),
))  # fmt: skip
HANDOVER_SIGNOFFS = register(ChainSpec(
    "handover_signoffs", ("shift_id", "lead", "at", "figures"), frozenset({"at"}),
))  # fmt: skip
ACCESS_LOG = register(ChainSpec(
    "access_log",
    ("at", "account", "workstation", "patient_id", "action", "reason_kind", "reason_id",
     "detail"),
    frozenset({"at"}),
))  # fmt: skip
ACCOUNT_EVENTS = register(ChainSpec(
    "account_events", ("at", "username", "kind", "by", "workstation", "detail"), frozenset({"at"}),
))  # fmt: skip


# -- hashing -------------------------------------------------------------------------------


def _plain(value: Any, timestamp: bool) -> Any:
    kind = type(value)
    if value is None or (kind is str and not timestamp) or kind is int:
        return value
    if timestamp:
        if isinstance(value, datetime):
            return utc_text(value)
        if isinstance(value, str) and len(value) == 27 and value.endswith("Z"):
            return value  # already utc_text (SQLite stores exactly this)
        return utc_text(as_utc(datetime.fromisoformat(str(value))))
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | str):
        return value
    raise TypeError(f"a chained column holds {type(value).__name__}, not text/int/time")


def row_hash(spec: ChainSpec, values: Sequence[Any], prev_hash: str) -> str:
    """The hash of a row whose content ``values`` are in ``spec.columns`` order."""
    if len(values) != len(spec.columns):
        raise ValueError(f"{spec.table}: {len(values)} values for {len(spec.columns)} columns")
    return _sha256(_encode([spec.table, *_plain_values(values, spec.time_flags), prev_hash]))


def _plain_values(values: Sequence[Any], time_flags: Sequence[bool]) -> list[Any]:
    """``_plain`` of each value, with what the store writes (None, int, text, a timestamp as
    ``utc_text``) passed through inline: it runs for every chained row."""
    out = []
    for value, timestamp in zip(values, time_flags, strict=True):
        kind = type(value)
        if (value is None or kind is int or (kind is str and not timestamp)
                or (kind is str and len(value) == 27 and value[26] == "Z")):
            out.append(value)
        else:
            out.append(_plain(value, timestamp))
    return out


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def last_hash(raw: DbApi, table: str) -> str:
    rows = raw.execute(f"SELECT hash FROM {spec_of(table).table} ORDER BY id DESC LIMIT 1")
    return GENESIS if not rows or rows[0][0] is None else str(rows[0][0])


# -- appending ------------------------------------------------------------------------------


def _prepare(
    raw: DbApi, spec: ChainSpec, columns: Sequence[str], rows: Sequence[Row]
) -> tuple[str, list[Row]]:
    """The INSERT statement and the rows (new dedup keys only) with their two hashes."""
    unknown = set(columns) - set(spec.columns)
    if unknown:
        raise ValueError(f"{spec.table} has no chained column {sorted(unknown)}")
    dedup = spec.dedup_column
    if dedup is not None and dedup in columns:
        at = list(columns).index(dedup)
        keys = [r[at] for r in rows if r[at] is not None]
        stored = raw.existing(spec.table, dedup, keys) if keys else set()
        seen: set[str] = set()
        kept = []
        for r in rows:
            key = r[at]
            if key is not None:
                if key in stored or key in seen:
                    continue
                seen.add(key)
            kept.append(r)
        rows = kept
    where = [list(columns).index(c) if c in columns else -1 for c in spec.columns]
    in_order = tuple(columns) == spec.columns
    prev = last_hash(raw, spec.table)
    out: list[Row] = []
    for r in rows:
        h = row_hash(spec, r if in_order else [None if i < 0 else r[i] for i in where], prev)
        out.append((*r, prev, h))
        prev = h
    names = (*columns, "prev_hash", "hash")
    marks = ", ".join("?" * len(names))
    return f"INSERT INTO {spec.table} ({', '.join(names)}) VALUES ({marks})", out


def append(raw: DbApi, table: str, columns: Sequence[str], rows: Sequence[Row]) -> int:
    """Append ``rows`` (tuples in ``columns`` order, timestamps as ``raw.ts`` gives them) to
    the chained ``table`` inside the caller's write transaction; the number inserted (rows
    whose dedup key exists are skipped)."""
    if not rows:
        return 0
    sql, prepared = _prepare(raw, spec_of(table), columns, rows)
    raw.execute_many(sql, prepared)
    return len(prepared)


def append_one(raw: DbApi, table: str, columns: Sequence[str], row: Row) -> int | None:
    """Append one row; its id (None when its dedup key exists)."""
    sql, prepared = _prepare(raw, spec_of(table), columns, [row])
    if not prepared:
        return None
    return int(raw.execute(sql + " RETURNING id", prepared[0])[0][0])


# -- verifying ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChainState:
    """One walked chain: its length and head hash, or the first bad row."""

    table: str
    length: int
    head: str
    bad_id: int | None = None
    problem: str | None = None  # "changed" or "unlinked"

    @property
    def ok(self) -> bool:
        return self.bad_id is None


CHANGED = "changed"
UNLINKED = "unlinked"
_PAGE = 5000


def _walk(raw: DbApi, spec: ChainSpec) -> Iterator[Row]:
    cols = ", ".join(("id", *spec.columns, "prev_hash", "hash"))
    sql = f"SELECT {cols} FROM {spec.table} WHERE id > ? ORDER BY id LIMIT {_PAGE}"
    after = -(2**62)
    while True:
        rows = raw.execute(sql, (after,))
        yield from rows
        if len(rows) < _PAGE:
            return
        after = rows[-1][0]


def verify_chain(raw: DbApi, spec: ChainSpec) -> ChainState:
    """Walk ``spec``'s table in id order; the first row whose hash does not match its content
    (*changed*, or written by hand) or whose prev_hash is not the previous row's hash (a row
    before it was *deleted or inserted out of order*)."""
    prev, length = GENESIS, 0
    n = len(spec.columns)
    for row in _walk(raw, spec):
        row_id, values, row_prev, row_hash_ = row[0], row[1 : 1 + n], row[-2], row[-1]
        if row_prev is None or row_hash_ is None:
            return ChainState(spec.table, length, prev, int(row_id), CHANGED)
        if row_hash(spec, values, str(row_prev)) != row_hash_:
            return ChainState(spec.table, length, prev, int(row_id), CHANGED)
        if row_prev != prev:
            return ChainState(spec.table, length, prev, int(row_id), UNLINKED)
        prev, length = str(row_hash_), length + 1
    return ChainState(spec.table, length, prev)


def verify_all(raw: DbApi) -> list[ChainState]:
    return [verify_chain(raw, spec) for spec in CHAINS]


# -- PostgreSQL: append-only triggers ---------------------------------------------------------

REFUSE_FUNCTION = "operator_app_append_only"


def refuse_function_sql() -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {REFUSE_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "  RAISE EXCEPTION '% on % refused: the table is append-only (tamper-evident chain)',\n"
        "    TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';\n"
        "END $$"
    )


def append_only_sql(table: str) -> list[str]:
    """Statements that make ``table`` refuse UPDATE, DELETE (per row) and TRUNCATE."""
    return [
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}"
        f" FOR EACH ROW EXECUTE FUNCTION {REFUSE_FUNCTION}()",
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}"
        f" FOR EACH STATEMENT EXECUTE FUNCTION {REFUSE_FUNCTION}()",
    ]


def drop_append_only_sql(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
        f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}",
    ]
