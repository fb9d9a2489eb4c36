"""Operator accounts for tests: the store refuses commands from names that are not accounts.

``seed(store)`` adds the nurses and shift leads the tests act as, with one Argon2id hash made
once per run (hashing each would cost ~0.1 s an account). ``PASSWORD`` signs any of them in."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache

from operator_app.domain.accounts import Account, Role
from operator_app.store import Store
from operator_app.store.accounts import account_rows, passwords
from operator_app.store.core.engine import write_transaction

PASSWORD = "correct horse battery"
NURSES = ("kari", "Kari", "ola", "anne", "per", "op", "x", "jonas", "mallory", "nurse",
          "anna", "bob", "desk-a", "desk-b", "Nurse", *(f"op-{i}" for i in range(12)))
LEADS = ("lead", "leder", "Leder", "siri", "liv", "lead-liv")
ADMINS = ("admin",)


@cache
def password_hash() -> str:
    return passwords.hash_password(PASSWORD)


def seed(store: Store, nurses: Iterable[str] = NURSES, leads: Iterable[str] = LEADS,
         admins: Iterable[str] = ADMINS) -> Store:
    """Add the accounts that are missing (idempotent); returns ``store``."""
    wanted = [(n, Role.NURSE) for n in nurses] + [(n, Role.SHIFT_LEAD) for n in leads]
    wanted += [(n, Role.ADMIN) for n in admins]
    now = datetime.now(UTC)
    with write_transaction(store.engine) as conn:
        for name, role in wanted:
            if account_rows.get(conn, name) is None:
                account_rows.add(conn, Account(name, name.title(), role), password_hash(), now)
    return store
