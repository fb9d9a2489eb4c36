"""Tables of operator accounts (migration ``0006``).

- ``accounts``: one row per operator. ``password_hash`` is an Argon2id hash (``passwords.py``)
  for a local account and NULL for a directory account (its password stays in the directory;
  the row keeps the role the directory's groups gave at the last sign-in). ``failures`` counts
  failed sign-ins since the last good one; ``locked_until`` is set when they reach the limit.
- ``account_events``: the append-only log of accounts: created, role changed, disabled,
  enabled, password reset, unlocked, signed in, sign-in refused, locked out, signed out, screen
  locked and unlocked; ``by`` is who did it (an admin, or the account itself).
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, Integer, String, Table, Text

from operator_app.store.core.columns import EventId, UTCDateTime, metadata

accounts = Table(
    "accounts",
    metadata,
    Column("username", String, primary_key=True),
    Column("display_name", Text, nullable=False),
    Column("role", String(16), nullable=False),  # domain.accounts.Role
    Column("source", String(16), nullable=False),  # domain.accounts.AccountSource
    Column("password_hash", Text),
    Column("disabled", Boolean, nullable=False),
    Column("failures", Integer, nullable=False),
    Column("locked_until", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
)

account_events = Table(
    "account_events",
    metadata,
    Column("id", EventId, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("username", String, nullable=False),
    Column("kind", String(24), nullable=False),  # domain.accounts.AccountEventKind
    Column("by", String),
    Column("workstation", String),
    Column("detail", Text),  # JSON object or NULL
    Column("prev_hash", String(64)),
    Column("hash", String(64)),
    Index(None, "username"),
    sqlite_autoincrement=True,
)
