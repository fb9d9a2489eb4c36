"""``devices.csv``: which patient a controller (and a device of it) belongs to.

Columns (a header row names them; order free): ``cid`` (controller id, 1–20 digits, a ``+``
before them allowed), ``did`` (device id, up to 32 characters; empty = every device of the
controller),
``patient_id`` (the desk's patient id, 1–200 characters), and optional ``heartbeat_s``
(the controller's expected heartbeat interval, seconds), ``note``, and what desks are told of
the patient: ``patient_name`` (without it, nothing), ``patient_phone``, ``patient_address``.
Every row is checked before anything is written: one bad row refuses the file, with its line
number.
"""

from __future__ import annotations

import csv
import io
import re

from operator_app.store.gateway.gateway_store import Device

REQUIRED = ("cid", "did", "patient_id")
OPTIONAL = ("heartbeat_s", "note", "patient_name", "patient_phone", "patient_address")
_CID = re.compile(r"\+?[0-9]{1,20}")  # as the gateway takes it from devices (scaip.py)


class RegistryError(ValueError):
    """The file cannot be imported; nothing was written."""


def parse_devices_csv(text: str) -> list[Device]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise RegistryError(f"the header row lacks {', '.join(missing)} "
                            f"(columns: {', '.join(REQUIRED + OPTIONAL)})")
    unknown = [c for c in columns if c not in REQUIRED + OPTIONAL]
    if unknown:
        raise RegistryError(f"unknown columns {', '.join(unknown)}")
    devices: list[Device] = []
    seen: set[tuple[str, str]] = set()
    for row in reader:
        line = reader.line_num
        values = {k.strip(): (v or "").strip() for k, v in row.items() if k is not None}
        cid, did, patient = values.get("cid", ""), values.get("did", ""), values.get("patient_id", "")
        if not _CID.fullmatch(cid):
            raise RegistryError(f"line {line}: cid {cid!r} is not 1-20 digits (a + before them "
                                "allowed)")
        if len(did) > 32:
            raise RegistryError(f"line {line}: did {did!r} is longer than 32 characters")
        if not 1 <= len(patient) <= 200:
            raise RegistryError(f"line {line}: patient_id must be 1-200 characters")
        beat = values.get("heartbeat_s", "")
        if beat and not (beat.isdigit() and int(beat) > 0):
            raise RegistryError(f"line {line}: heartbeat_s {beat!r} is not a positive number "
                                "of seconds")
        if len(values.get("patient_phone", "")) > 40:
            raise RegistryError(f"line {line}: patient_phone is longer than 40 characters")
        if (cid, did) in seen:
            raise RegistryError(f"line {line}: cid {cid} did {did!r} is listed twice")
        seen.add((cid, did))
        devices.append(Device(cid, did, patient, int(beat) if beat else None,
                              values.get("note") or None, values.get("patient_name") or None,
                              values.get("patient_phone") or None,
                              values.get("patient_address") or None))
    return devices
