"""The durable intake: one SCAIP request -> stored events, in one write transaction; and the
supervision of controllers that have gone silent.

``Intake.take`` is what stands between a device and ``snu`` 0: it returns only after the
events, the answered ref and the controller's last contact are committed; any failure raises
and the device is not told "OK". A ref the controller sent before with the same content (within
``ref_window_s``) makes no new event. Heartbeats (``PI``), repeats and every other message
count as contact; a controller that had a ``device_offline`` alarm gets ``restored`` on it.

``Intake.check_silent`` raises ``device_offline`` for each controller silent for longer than its
expected interval (the registry's ``heartbeat_s`` for the controller, else the gateway's default,
the ``hbi`` it answers heartbeats with) plus ``grace_s``. Only controllers heard at least once are
supervised, and silence is counted from the gateway's own start at the earliest (heartbeats
sent while it was down were lost, not missed: a restart raises no flood of ``device_offline``).
A registered patient with a name is sent to desks as ``patient.upsert`` before the first event
that names them, and again when the registry changes it (``sync_patients``, every supervision
pass). All run on one worker thread (the gateway serializes them); the clock is injectable.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from operator_app.feed.server.frames import iso_z, utc_now
from operator_app.gateway import translate
from operator_app.gateway.mapping import Mapping
from operator_app.gateway.scaip import ScaipRequest
from operator_app.store.gateway.gateway_store import (
    Controller,
    Device,
    GatewayStore,
    GatewayTx,
    StoredEvent,
)


@dataclass(frozen=True)
class Supervision:
    default_interval_s: int = 3600
    grace_s: int = 60


@dataclass(frozen=True)
class Taken:
    events: list[StoredEvent]
    repeat: bool  # a repeated ref: answered OK, nothing new stored


def new_alarm_id(cid: str, what: str) -> str:
    return f"SC-{cid}-{what}-{secrets.token_hex(3)}"


class Intake:
    def __init__(self, store: GatewayStore, mapping: Mapping, *,
                 supervision: Supervision = Supervision(), ref_window_s: int = 86_400,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self.mapping = mapping
        self.supervision = supervision
        self.ref_window = timedelta(seconds=ref_window_s)
        self.clock = clock
        self.started_at = clock()
        #: the patient record desks were last sent, by id (the gateway sets the feed's)
        self.published: Callable[[str], dict[str, Any] | None] = lambda _id: None

    def _patient_news(self, device: Device | None) -> list[translate.Event]:
        """A ``patient.upsert`` when the registry says more or other than desks were told."""
        record = device.patient_record() if device else None
        if record is None or self.published(record["id"]) == record:
            return []
        return [("patient.upsert", record)]

    def _interval(self, tx: GatewayTx, cid: str) -> int:
        entry = tx.device(cid, None)
        if entry is not None and entry.heartbeat_s:
            return entry.heartbeat_s
        return self.supervision.default_interval_s

    def take(self, req: ScaipRequest, open_alarm_id: str | None) -> Taken:
        """Store what ``req`` makes; ``open_alarm_id`` is the device's open alarm at the
        source (for resets and updates). Raises on any storage failure."""
        now = self.clock()
        stamp = iso_z(now)
        digest = req.digest()
        with self.store.transaction() as tx:
            # a repeat makes no new event, but it is contact: a heartbeat sent with the same
            # ref every time keeps its controller supervised as alive
            repeat = tx.seen_ref(req.cid, req.ref, digest, now - self.ref_window)
            events: list[translate.Event] = []
            controller = tx.controller(req.cid)
            if controller is not None and controller.offline_alarm_id:
                events.append(translate.update(
                    controller.offline_alarm_id, "restored", stamp,
                    f"controller cid {req.cid} heard again ({req.mty})"))
            if not repeat:
                device = tx.device(req.cid, req.get("did"))
                events += self._patient_news(device)
                target = translate.Target(device.patient_id if device else None, open_alarm_id)
                events += translate.events_for(req, self.mapping, target,
                                               alarm_id=new_alarm_id(req.cid, req.ref), now=stamp)
            stored = tx.append(events, stamp)
            tx.save_controller(Controller(req.cid, now, self._interval(tx, req.cid), None))
            if not repeat:
                tx.remember_ref(req.cid, req.ref, digest, stored[-1].seq if stored else None, now)
        return Taken(stored, repeat=repeat)

    def sync_patients(self) -> list[StoredEvent]:
        """Tell desks of every registered patient whose record they do not have yet (after
        ``devices import``; also at start)."""
        with self.store.transaction() as tx:
            events: list[translate.Event] = [
                ("patient.upsert", record) for pid, record in tx.patient_records().items()
                if self.published(pid) != record]
            return tx.append(events, iso_z(self.clock()))

    def check_silent(self) -> list[StoredEvent]:
        """Raise ``device_offline`` for every controller silent for too long (once each)."""
        now = self.clock()
        stamp = iso_z(now)
        grace = timedelta(seconds=self.supervision.grace_s)
        with self.store.transaction() as tx:
            tx.forget_refs_before(now - self.ref_window)
            events: list[translate.Event] = []
            for c in tx.unflagged_controllers():
                if now - max(c.last_seen, self.started_at) <= timedelta(seconds=c.interval_s) + grace:
                    continue
                entry = tx.device(c.cid, None)
                events += self._patient_news(entry)
                alarm_id = new_alarm_id(c.cid, "offline")
                who = "" if entry else f"unknown device cid {c.cid} · "
                events.append(("alarm.raised", {
                    "id": alarm_id,
                    "patient_id": entry.patient_id if entry else translate.unknown_patient_id(c.cid),
                    "kind": "device_offline", "raised_at": stamp,
                    "source": {"device_id": c.cid, "protocol": "scaip", "scaip": {"cid": c.cid}},
                    "message": f"{who}controller cid {c.cid} silent since {iso_z(c.last_seen)} "
                               f"(expected every {c.interval_s} s)"}))
                tx.save_controller(replace(c, offline_alarm_id=alarm_id))
            return tx.append(events, stamp)
