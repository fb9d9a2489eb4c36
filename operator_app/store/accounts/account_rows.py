"""Statements on ``accounts`` and ``account_events``; each runs in the caller's transaction.

``authorize`` is how every operator command is checked: the account must exist and be enabled,
and its role *as stored* must have the permission. The name a caller passes is only a name: a
role is never taken from the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from operator_app.domain.accounts import (
    LOCKOUT_S,
    MAX_FAILURES,
    Account,
    AccountError,
    AccountEventKind,
    AccountSource,
    Actor,
    Permission,
    Role,
    require,
)
from operator_app.store.accounts.tables import account_events, accounts
from operator_app.store.core import chain
from operator_app.store.core.columns import as_utc
from operator_app.store.core.dbapi import DbApi, to_json

_EVENT_COLUMNS = ("at", "username", "kind", "by", "workstation", "detail")


@dataclass(frozen=True, slots=True)
class AccountRow:
    account: Account
    password_hash: str | None
    failures: int
    locked_until: datetime | None

    def locked_at(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


def _row(r: Any) -> AccountRow:
    account = Account(r.username, r.display_name, Role(r.role), AccountSource(r.source),
                      bool(r.disabled))
    locked = as_utc(r.locked_until) if r.locked_until is not None else None
    return AccountRow(account, r.password_hash, int(r.failures), locked)


def get(conn: Connection, username: str) -> AccountRow | None:
    r = conn.execute(select(accounts).where(accounts.c.username == username)).first()
    return _row(r) if r is not None else None


def all_rows(conn: Connection) -> list[AccountRow]:
    return [_row(r) for r in conn.execute(select(accounts).order_by(accounts.c.username))]


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(accounts)).scalar_one())


def enabled_admins(conn: Connection) -> int:
    q = select(func.count()).select_from(accounts).where(
        accounts.c.role == Role.ADMIN.value, accounts.c.disabled.is_(False))
    return int(conn.execute(q).scalar_one())


def authorize(conn: Connection, username: str, permission: Permission) -> Account:
    """The stored account of ``username`` if it may do ``permission``; else ``AccountError``
    (no such account, or disabled) or ``NotPermittedError`` (its role does not allow it)."""
    row = get(conn, username)
    if row is None:
        raise AccountError("unknown_account", username)
    if row.account.disabled:
        raise AccountError("disabled", username)
    require(Actor(username, row.account.role), permission)
    return row.account


def add(conn: Connection, account: Account, password_hash: str | None, now: datetime) -> None:
    conn.execute(insert(accounts).values(
        username=account.username, display_name=account.display_name, role=account.role.value,
        source=account.source.value, password_hash=password_hash, disabled=account.disabled,
        failures=0, locked_until=None, created_at=now,
    ))


def set_values(conn: Connection, username: str, **values: Any) -> None:
    conn.execute(update(accounts).where(accounts.c.username == username).values(**values))


def note_failure(conn: Connection, row: AccountRow, now: datetime) -> bool:
    """Count a failed sign-in; True when it locks the account."""
    failures = row.failures + 1
    locks = failures >= MAX_FAILURES
    set_values(conn, row.account.username, failures=0 if locks else failures,
               locked_until=now + timedelta(seconds=LOCKOUT_S) if locks else row.locked_until)
    return locks


def log(
    conn: Connection, username: str, kind: AccountEventKind, now: datetime, *,
    by: str | None = None, workstation: str | None = None, detail: dict[str, Any] | None = None,
) -> None:
    with DbApi(conn) as raw:
        chain.append(raw, "account_events", _EVENT_COLUMNS, [(
            raw.ts(now), username, kind.value, by, workstation,
            None if detail is None else to_json(detail),
        )])


def events(conn: Connection, username: str | None = None) -> list[tuple[datetime, str, str, str | None]]:
    """(at, username, kind, by) in order; all accounts or one."""
    q = select(account_events.c.at, account_events.c.username, account_events.c.kind,
               account_events.c.by).order_by(account_events.c.id)
    if username is not None:
        q = q.where(account_events.c.username == username)
    return [(as_utc(r.at), r.username, r.kind, r.by) for r in conn.execute(q)]
