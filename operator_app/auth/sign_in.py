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
    NotPermittedError,
    Permission,
)
from operator_app.store.accounts.account_store import AccountStore

#: sign-in answer codes besides AccountError's: an account that handles no alarms; the
#: database could not be asked
NOT_FOR_DESK = "not_for_desk"
UNAVAILABLE = "unavailable"

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

    def desk_sign_in(self, username: str, password: str, workstation: str
                     ) -> tuple[Account | None, str]:
        """A sign-in at the desk: (the account, "") or (None, the refusal's code). A refusal is
        an answer, not a failure; an account that handles no alarms (an admin) is refused with
        ``not_for_desk``. Anything else (the database away) propagates."""
        try:
            account = self.sign_in(username, password, workstation)
        except AccountError as exc:
            return None, exc.code
        except NotPermittedError:
            return None, NOT_FOR_DESK
        if not account.actor.may(Permission.HANDLE_ALARMS):
            return None, NOT_FOR_DESK
        return account, ""

    def record(self, username: str, kind: AccountEventKind, workstation: str) -> None:
        self.accounts.record(username, kind, workstation)
