"""``Authenticator``: one sign-in for the desk's first screen, its lock screen and unattended
runs (``--account NAME --password-file PATH``).

A local account is checked by the store (Argon2id hash, lockout after repeated failures). When
the centre has a directory configured, a name that is not a local account is checked there
(LDAP simple bind over TLS) and its row is created or refreshed with the role its groups give.
Every outcome lands in the accounts' log. Empty passwords are refused before anything is asked.
"""

from __future__ import annotations

from collections.abc import Callable

from operator_app.domain.accounts import (
    BAD_CREDENTIALS,
    NO_ACCOUNTS,
    Account,
    AccountError,
    AccountEventKind,
    AccountSource,
)
from operator_app.store.accounts.account_store import AccountStore

#: (username, password) -> the directory's account, or AccountError (auth/directory.py)
DirectoryCheck = Callable[[str, str], Account]


class Authenticator:
    def __init__(self, accounts: AccountStore, directory: DirectoryCheck | None = None) -> None:
        self.accounts = accounts
        self.directory = directory

    def sign_in(self, username: str, password: str, workstation: str) -> Account:
        username = username.strip()
        if not username or not password:
            raise AccountError(BAD_CREDENTIALS)
        known = self.accounts.get(username)
        if self.directory is not None and (known is None or known.source is AccountSource.DIRECTORY):
            account = self.directory(username, password)
            return self.accounts.directory_signed_in(account, workstation)
        if known is None and self.accounts.count() == 0:
            raise AccountError(NO_ACCOUNTS,
                               "create the first admin: operator-app accounts add --role admin NAME")
        return self.accounts.sign_in(username, password, workstation)

    def record(self, username: str, kind: AccountEventKind, workstation: str) -> None:
        self.accounts.record(username, kind, workstation)
