"""``GatewayStore``: the SCAIP gateway's durable state (tables in ``tables.py``).

Everything one ``<mrq>`` changes is written in one write transaction (``GatewayStore.
transaction`` hands out a ``GatewayTx``): the events it makes with their seqs, the ref it
answered, the controller's last contact. The gateway answers ``snu`` 0 only after that
transaction committed. One gateway process writes one event log (seqs are ``max + 1`` inside
the write lock).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import URL, Connection, Engine

from operator_app.store.core.engine import create_engine, read_transaction, write_transaction
from operator_app.store.core.migrate import upgrade
from operator_app.store.gateway.tables import (
    gateway_controllers,
    gateway_devices,
    gateway_events,
    gateway_refs,
    gateway_stream,
)


@dataclass(frozen=True)
class StoredEvent:
    seq: int
    type: str
    sent_at: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Device:
    cid: str
    did: str  # "" = every device of the controller
    patient_id: str
    heartbeat_s: int | None = None
    note: str | None = None
    patient_name: str | None = None
    patient_phone: str | None = None
    patient_address: str | None = None

    def patient_record(self) -> dict[str, Any] | None:
        """The ``patient.upsert`` data desks are told (None without a name)."""
        if not self.patient_name:
            return None
        record: dict[str, Any] = {"id": self.patient_id, "name": self.patient_name}
        if self.patient_phone:
            record["phone"] = self.patient_phone
        if self.patient_address:
            record["address"] = {"line": self.patient_address}
        return record


@dataclass(frozen=True)
class Controller:
    cid: str
    last_seen: datetime
    interval_s: int
    offline_alarm_id: str | None


class GatewayTx:
    """The gateway's reads and writes inside one write transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def seen_ref(self, cid: str, ref: str, digest: str, since: datetime) -> bool:
        """The controller sent this ref with the same content since ``since`` (a repeat)."""
        row = self._conn.execute(
            select(gateway_refs.c.digest, gateway_refs.c.received_at)
            .where(gateway_refs.c.cid == cid, gateway_refs.c.ref == ref)).first()
        return row is not None and row.digest == digest and row.received_at >= since

    def remember_ref(self, cid: str, ref: str, digest: str, seq: int | None,
                     now: datetime) -> None:
        values = {"digest": digest, "seq": seq, "received_at": now}
        changed = self._conn.execute(
            update(gateway_refs).where(gateway_refs.c.cid == cid, gateway_refs.c.ref == ref)
            .values(**values)).rowcount
        if not changed:
            self._conn.execute(gateway_refs.insert().values(cid=cid, ref=ref, **values))

    def forget_refs_before(self, since: datetime) -> int:
        """Drop answered refs older than ``since`` (past the repeat window); how many."""
        return int(self._conn.execute(
            delete(gateway_refs).where(gateway_refs.c.received_at < since)).rowcount)

    def device(self, cid: str, did: str | None) -> Device | None:
        """The registry entry for this device of the controller, else the controller's own
        (``did`` ""), else the controller's entries when they all name one patient."""
        rows = {row.did: row for row in self._conn.execute(
            select(gateway_devices).where(gateway_devices.c.cid == cid))}
        row = rows.get(did or "") or rows.get("")
        if row is None and len({r.patient_id for r in rows.values()}) == 1:
            row = next(iter(rows.values()))  # every device of this controller is one patient's
        if row is None:
            return None
        return _device(row)

    def patient_records(self) -> dict[str, dict[str, Any]]:
        """What desks are told of each registered patient that has a name."""
        records: dict[str, dict[str, Any]] = {}
        for row in self._conn.execute(select(gateway_devices)
                                      .order_by(gateway_devices.c.cid, gateway_devices.c.did)):
            record = _device(row).patient_record()
            if record is not None:
                records.setdefault(record["id"], record)
        return records

    def controller(self, cid: str) -> Controller | None:
        row = self._conn.execute(
            select(gateway_controllers).where(gateway_controllers.c.cid == cid)).first()
        return None if row is None else _controller(row)

    def unflagged_controllers(self) -> list[Controller]:
        """Every controller without an open ``device_offline`` alarm."""
        return [_controller(row) for row in self._conn.execute(
            select(gateway_controllers).where(gateway_controllers.c.offline_alarm_id.is_(None)))]

    def save_controller(self, controller: Controller) -> None:
        values = {"last_seen": controller.last_seen, "interval_s": controller.interval_s,
                  "offline_alarm_id": controller.offline_alarm_id}
        changed = self._conn.execute(
            update(gateway_controllers).where(gateway_controllers.c.cid == controller.cid)
            .values(**values)).rowcount
        if not changed:
            self._conn.execute(gateway_controllers.insert().values(cid=controller.cid, **values))

    def append(self, events: Iterable[tuple[str, dict[str, Any]]],
               sent_at: str) -> list[StoredEvent]:
        """Give each event the next seq of the log and store it."""
        head = self._conn.execute(select(func.max(gateway_events.c.seq))).scalar() or 0
        stored = [StoredEvent(head + i, type_, sent_at, data)
                  for i, (type_, data) in enumerate(events, start=1)]
        if stored:
            self._conn.execute(gateway_events.insert(), [
                {"seq": e.seq, "type": e.type, "sent_at": e.sent_at,
                 "data": msgspec.json.encode(e.data).decode()} for e in stored])
        return stored


def _device(row: Any) -> Device:
    return Device(row.cid, row.did, row.patient_id, row.heartbeat_s, row.note, row.patient_name,
                  row.patient_phone, row.patient_address)


def _controller(row: Any) -> Controller:
    return Controller(row.cid, row.last_seen, row.interval_s, row.offline_alarm_id)


class GatewayStore:
    """The gateway's database (its own SQLite file, or a centre's PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | URL) -> GatewayStore:
        """Connect to ``url`` and migrate the database to the newest schema."""
        engine = create_engine(url)
        try:
            upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[GatewayTx]:
        with write_transaction(self.engine) as conn:
            yield GatewayTx(conn)

    def stream(self, new_name: str, now: datetime) -> str:
        """The log's stream name; ``new_name`` becomes it if the log has none yet."""
        with write_transaction(self.engine) as conn:
            name = conn.execute(select(gateway_stream.c.name)).scalar()
            if name is None:
                conn.execute(gateway_stream.insert().values(name=new_name, started_at=now))
                name = new_name
            return str(name)

    def events(self, after: int = 0) -> list[StoredEvent]:
        """The logged events after seq ``after``, in seq order."""
        with read_transaction(self.engine) as conn:
            rows = conn.execute(select(gateway_events).where(gateway_events.c.seq > after)
                                .order_by(gateway_events.c.seq))
            return [StoredEvent(r.seq, r.type, r.sent_at, msgspec.json.decode(r.data))
                    for r in rows]

    def replace_devices(self, devices: Iterable[Device], *, replace_all: bool = False) -> int:
        """Add or update registry entries (all in one transaction); ``replace_all`` first
        removes every entry not in ``devices``. Returns how many were written."""
        devices = list(devices)
        with write_transaction(self.engine) as conn:
            if replace_all:
                conn.execute(delete(gateway_devices))
            for d in devices:
                values = {"patient_id": d.patient_id, "heartbeat_s": d.heartbeat_s,
                          "note": d.note, "patient_name": d.patient_name,
                          "patient_phone": d.patient_phone, "patient_address": d.patient_address}
                changed = conn.execute(
                    update(gateway_devices)
                    .where(gateway_devices.c.cid == d.cid, gateway_devices.c.did == d.did)
                    .values(**values)).rowcount
                if not changed:
                    conn.execute(gateway_devices.insert().values(cid=d.cid, did=d.did, **values))
        return len(devices)

    def forget_controller(self, cid: str) -> tuple[int, bool]:
        """Remove a controller from the registry and from supervision (decommissioned):
        (registry rows removed, whether it was supervised)."""
        with write_transaction(self.engine) as conn:
            rows = conn.execute(delete(gateway_devices).where(gateway_devices.c.cid == cid))
            watched = conn.execute(
                delete(gateway_controllers).where(gateway_controllers.c.cid == cid))
            return int(rows.rowcount), bool(watched.rowcount)

    def devices(self) -> list[Device]:
        with read_transaction(self.engine) as conn:
            return [_device(r) for r in conn.execute(
                select(gateway_devices).order_by(gateway_devices.c.cid, gateway_devices.c.did))]

    def controllers(self) -> list[Controller]:
        with read_transaction(self.engine) as conn:
            return [_controller(r) for r in conn.execute(
                select(gateway_controllers).order_by(gateway_controllers.c.cid))]
