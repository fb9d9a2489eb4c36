"""Accounts: Argon2id hashes, sign-in with lockout, admin-only changes, the accounts' log."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from store_events import T0

from operator_app.domain.accounts import (
    LOCKOUT_S,
    MAX_FAILURES,
    AccountError,
    AccountSource,
    NotPermittedError,
    Role,
)
from operator_app.store import Store

pytestmark = pytest.mark.unit

PW = "a long enough secret"


class Clock:
    def __init__(self) -> None:
        self.t = T0

    def __call__(self):  # type: ignore[no-untyped-def]
        return self.t


@pytest.fixture
def fresh(db_url: str) -> Store:
    clock = Clock()
    store = Store.open(db_url, clock=clock)
    store.clock = clock  # type: ignore[attr-defined]
    yield store  # type: ignore[misc]
    store.close()


def test_first_account_must_be_an_admin_and_then_only_admins_add(fresh: Store) -> None:
    with pytest.raises(AccountError) as first:
        fresh.accounts.add("kari", "Kari", Role.NURSE, PW, None)
    assert first.value.code == "first_is_admin"
    fresh.accounts.add("anna", "Anna", Role.ADMIN, PW, None)
    with pytest.raises(AccountError) as again:
        fresh.accounts.add("mallory", "M", Role.ADMIN, PW, None)  # nobody signed in
    assert again.value.code == "admin_required"
    fresh.accounts.add("kari", "Kari", Role.NURSE, PW, "anna")
    with pytest.raises(NotPermittedError):
        fresh.accounts.add("ola", "Ola", Role.SHIFT_LEAD, PW, "kari")  # a nurse adds nobody
    with pytest.raises(AccountError) as weak:
        fresh.accounts.add("ola", "Ola", Role.NURSE, "short", "anna")
    assert weak.value.code == "weak_password"
    with pytest.raises(AccountError) as bad:
        fresh.accounts.add("ola; drop", "Ola", Role.NURSE, PW, "anna")
    assert bad.value.code == "bad_username"


def test_passwords_are_argon2id_hashes_never_the_password(fresh: Store) -> None:
    fresh.accounts.add("anna", "Anna", Role.ADMIN, PW, None)
    with fresh.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT password_hash FROM accounts")).scalar_one()
    assert stored.startswith("$argon2id$") and PW not in stored


def test_sign_in_locks_after_repeated_failures_and_an_admin_unlocks(fresh: Store) -> None:
    accounts = fresh.accounts
    accounts.add("anna", "Anna", Role.ADMIN, PW, None)
    accounts.add("kari", "Kari", Role.NURSE, PW, "anna")
    assert accounts.sign_in("kari", PW, "ws-1").username == "kari"
    for _ in range(MAX_FAILURES):
        with pytest.raises(AccountError) as wrong:
            accounts.sign_in("kari", "wrong password", "ws-1")
        assert wrong.value.code == "bad_credentials"
    with pytest.raises(AccountError) as locked:
        accounts.sign_in("kari", PW, "ws-1")  # even the right password, while locked
    assert locked.value.code == "locked"
    fresh.clock.t = T0 + timedelta(seconds=LOCKOUT_S + 1)  # type: ignore[attr-defined]
    assert accounts.sign_in("kari", PW, "ws-1").username == "kari"  # the lock runs out
    for _ in range(MAX_FAILURES):
        with pytest.raises(AccountError):
            accounts.sign_in("kari", "wrong password", "ws-1")
    accounts.unlock("kari", "anna")
    assert accounts.sign_in("kari", PW, "ws-1").username == "kari"
    kinds = [k for _at, user, k, _by in accounts.events("kari")]
    assert kinds.count("locked_out") == 2 and "unlocked" in kinds


def test_unknown_name_and_wrong_password_read_the_same(fresh: Store) -> None:
    fresh.accounts.add("anna", "Anna", Role.ADMIN, PW, None)
    codes = []
    for name in ("anna", "nobody"):
        with pytest.raises(AccountError) as refused:
            fresh.accounts.sign_in(name, "not the password", "ws-1")
        codes.append(refused.value.code)
    assert codes == ["bad_credentials", "bad_credentials"]


def test_disabled_account_cannot_sign_in_and_the_last_admin_stays(fresh: Store) -> None:
    accounts = fresh.accounts
    accounts.add("anna", "Anna", Role.ADMIN, PW, None)
    accounts.add("kari", "Kari", Role.NURSE, PW, "anna")
    accounts.set_disabled("kari", True, "anna")
    with pytest.raises(AccountError) as refused:
        accounts.sign_in("kari", PW, "ws-1")
    assert refused.value.code == "bad_credentials"
    with pytest.raises(AccountError) as last:
        accounts.set_disabled("anna", True, "anna")
    assert last.value.code == "last_admin"
    with pytest.raises(AccountError):
        accounts.set_role("anna", Role.NURSE, "anna")
    accounts.reset_password("kari", "another long secret", "anna")
    accounts.set_disabled("kari", False, "anna")
    assert accounts.sign_in("kari", "another long secret", "ws-1").username == "kari"


def test_a_directory_account_is_kept_with_the_role_its_groups_give(fresh: Store) -> None:
    from operator_app.domain.accounts import Account

    accounts = fresh.accounts
    accounts.add("anna", "Anna", Role.ADMIN, PW, None)
    accounts.directory_signed_in(Account("liv", "Liv", Role.NURSE, AccountSource.DIRECTORY), "ws")
    accounts.directory_signed_in(Account("liv", "Liv L", Role.SHIFT_LEAD, AccountSource.DIRECTORY),
                                 "ws")
    liv = accounts.get("liv")
    assert liv is not None and liv.role is Role.SHIFT_LEAD and liv.source is AccountSource.DIRECTORY
    with pytest.raises(AccountError):  # a directory account has no local password
        accounts.sign_in("liv", PW, "ws")
    with pytest.raises(AccountError):  # the directory cannot take over a local name
        accounts.directory_signed_in(Account("anna", "A", Role.ADMIN, AccountSource.DIRECTORY), "ws")
