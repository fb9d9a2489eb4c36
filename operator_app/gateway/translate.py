"""One SCAIP request -> the rc-feed.v1 events it makes (``mapping.py`` has the table).

* ``ME`` (alarm) -> ``alarm.raised``: kind and priority from the status code, else from the
  device type; an unknown device type is still an alarm (``scaip_dty_NNNN``, high).
* ``RE`` (reset) -> ``alarm.updated reset_at_device`` on the device's open alarm; with none open,
  a low item so a human still sees the reset.
* ``IN`` (information) -> ``alarm.updated`` with the status code's update on the device's open
  alarm, else an alarm of the status code's kind, else a low ``scaip_info`` item.
* ``PI`` (heartbeat) -> nothing here (supervision, ``ingest.py``).

The alarm keeps the SCAIP fields in ``source.scaip``, the location (``lco``/``lva``/``lte`` and
``lge`` geo) in ``location`` and says in ``message`` what the desk shows today: the device, the
status, its texts and "call back: …" from ``crd``. A controller not in the registry is named in
the message ("unknown device cid …") and its patient id is ``unknown-device-<cid>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from operator_app.gateway.mapping import Code, Mapping
from operator_app.gateway.scaip import ScaipRequest

Event = tuple[str, dict[str, Any]]
_SCAIP_KEYS = ("cid", "did", "dty", "dco", "dte", "stc", "stt", "mty", "ref", "crd", "pri",
               "lco", "lva", "lte", "ico", "ite", "ver", "cha", "sco")


@dataclass(frozen=True)
class Target:
    """Where the request's events go: the device's patient (None: not in the registry) and the
    alarm open for the device at the source (None: none)."""

    patient_id: str | None
    open_alarm_id: str | None


def unknown_patient_id(cid: str) -> str:
    return f"unknown-device-{cid}"


def call_back(crd: str | None) -> str | None:
    """The number or address to call back from ``crd`` (``gsm:+47…``, ``tel:``, ``sip:``)."""
    if not crd:
        return None
    scheme, sep, rest = crd.partition(":")
    scheme = scheme.lower() if sep else ""
    if scheme == "no-voice":
        return "no voice"
    if scheme in ("gsm", "tel", "pstn"):
        return rest.strip() or None
    return crd.strip()


def _named(code: str | None, table: dict[str, Code], label: str) -> str | None:
    if code is None:
        return None
    entry = table.get(code)
    return f"{entry.name} ({label} {code})" if entry else f"unknown {label} {code}"


def message(req: ScaipRequest, mapping: Mapping, known: bool) -> str:
    parts: list[str] = []
    if not known:
        did = req.get("did")
        parts.append(f"unknown device cid {req.cid}" + (f" did {did}" if did else ""))
    parts.append(_named(req.dty, mapping.dty, "dty") or "")
    status = _named(req.get("stc"), mapping.stc, "stc")
    if status:
        parts.append(status)
    for tag, label in (("dte", "device"), ("stt", "status"), ("ite", "info"),
                       ("dco", "component")):
        if req.get(tag):
            parts.append(f"{label}: {req.get(tag)}")
    back = call_back(req.get("crd"))
    if back:
        parts.append(f"call back: {back}")
    return " · ".join(p for p in parts if p)


def location(req: ScaipRequest, mapping: Mapping) -> dict[str, Any] | None:
    place = mapping.lco.get(req.get("lco") or "")
    out: dict[str, Any] = {}
    if req.get("lco"):
        out["code"] = place.code if place else f"scaip_lco_{req.get('lco')}"
    text = " ".join(t for t in (req.get("lte") or (place.text if place else req.get("lco")),
                                req.get("lva")) if t)
    if req.geo is not None:
        out["lat"], out["lon"] = req.geo.lat, req.geo.lon
        text = f"{text} ({req.geo.lat:.5f}, {req.geo.lon:.5f})".strip()
    if text:
        out["text"] = text
    return out or None


def _source(req: ScaipRequest, mapping: Mapping) -> dict[str, Any]:
    dty = mapping.dty.get(req.dty)
    did = req.get("did")
    return {"device_id": f"{req.cid}/{did}" if did else req.cid,
            "device_type": dty.name if dty else f"scaip dty {req.dty}", "protocol": "scaip",
            "scaip": {k: req.fields[k] for k in _SCAIP_KEYS if req.fields.get(k)}}


def alarm(req: ScaipRequest, mapping: Mapping, target: Target, *, alarm_id: str, kind: str,
          priority: str | None, now: str) -> Event:
    data: dict[str, Any] = {
        "id": alarm_id, "patient_id": target.patient_id or unknown_patient_id(req.cid),
        "kind": kind, "raised_at": now, "source": _source(req, mapping),
        "message": message(req, mapping, target.patient_id is not None)}
    if priority:
        data["priority"] = priority
    where = location(req, mapping)
    if where:
        data["location"] = where
    return "alarm.raised", data


def update(alarm_id: str, status: str, now: str, reason: str) -> Event:
    return "alarm.updated", {"alarm_id": alarm_id, "status": status, "at": now, "reason": reason}


def events_for(req: ScaipRequest, mapping: Mapping, target: Target, *, alarm_id: str,
               now: str) -> list[Event]:
    """The events ``req`` makes (none for a heartbeat)."""
    stc = mapping.stc.get(req.get("stc") or "")
    dty = mapping.dty.get(req.dty)
    reason = message(req, mapping, target.patient_id is not None)
    if req.mty == "PI":
        return []
    if req.mty == "ME":
        if stc and stc.kind:
            kind, priority = stc.kind, stc.priority
        elif dty and dty.kind:
            kind, priority = dty.kind, (stc.priority if stc else None) or dty.priority
        else:
            kind, priority = f"scaip_dty_{req.dty}", mapping.alarm_priority
        return [alarm(req, mapping, target, alarm_id=alarm_id, kind=kind, priority=priority,
                      now=now)]
    if req.mty == "RE":
        if target.open_alarm_id:
            return [update(target.open_alarm_id, "reset_at_device", now, reason)]
        return [alarm(req, mapping, target, alarm_id=alarm_id, kind=mapping.reset_kind,
                      priority=mapping.reset_priority, now=now)]
    # IN
    if stc and stc.update and target.open_alarm_id:
        return [update(target.open_alarm_id, stc.update, now, reason)]
    if stc and stc.kind:
        return [alarm(req, mapping, target, alarm_id=alarm_id, kind=stc.kind,
                      priority=stc.priority or mapping.info_priority, now=now)]
    return [alarm(req, mapping, target, alarm_id=alarm_id, kind=mapping.info_kind,
                  priority=mapping.info_priority, now=now)]
