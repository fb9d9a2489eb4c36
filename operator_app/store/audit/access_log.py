"""The access log in the database: append one chained row per patient; read a patient's rows.

No patient text goes into ``detail``: callers pass ids and counts only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import select
from sqlalchemy.engine import Connection

from operator_app.domain.access import AccessAction, AccessEntry, ReasonKind
from operator_app.store.audit.tables import access_log
from operator_app.store.core import chain
from operator_app.store.core.dbapi import DbApi, to_json

_COLUMNS = (
    "at", "account", "workstation", "patient_id", "action", "reason_kind", "reason_id", "detail",
)  # fmt: skip


def record(
    conn: Connection,
    at: datetime,
    account: str,
    workstation: str | None,
    patient_ids: Sequence[str],
    action: AccessAction,
    reason_kind: ReasonKind,
    reason_id: str | None,
    detail: dict[str, Any] | None,
) -> int:
    """Append one row per patient id; the number of rows."""
    detail_json = None if detail is None else to_json(detail)
    with DbApi(conn) as raw:
        ts = raw.ts(at)
        rows = [
            (ts, account, workstation, pid, AccessAction(action).value,
             ReasonKind(reason_kind).value, reason_id, detail_json)
            for pid in patient_ids
        ]  # fmt: skip
        return chain.append(raw, "access_log", _COLUMNS, rows)


def entries(conn: Connection, patient_id: str, since: datetime | None) -> list[AccessEntry]:
    """The patient's entries in the order they were written (id order)."""
    query = select(access_log).where(access_log.c.patient_id == patient_id)
    if since is not None:
        query = query.where(access_log.c.at >= since)
    return [
        AccessEntry(
            r.at, r.account, r.workstation, r.patient_id, AccessAction(r.action),
            ReasonKind(r.reason_kind), r.reason_id,
            None if r.detail is None else msgspec.json.decode(r.detail),
        )
        for r in conn.execute(query.order_by(access_log.c.id))
    ]  # fmt: skip
