"""The desk's session: lock, unlock, and another operator signing in on a locked desk.

The screen lock hides patient data (the UI's job) and is logged; unlocking needs the signed-in
operator's password, checked like any sign-in (failures count towards the lockout). Another
operator may sign in instead: the session changes, and the first operator's claims stay theirs.
Passwords are checked on the writer thread (Argon2id takes ~0.1 s); the answer arrives in the
GUI thread. An account that may not handle alarms (an admin) cannot take the desk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from operator_app.auth.sign_in import UNAVAILABLE, Authenticator
from operator_app.domain.accounts import (
    Account,
    AccountEventKind,
)
from operator_app.domain.session import Session

log = logging.getLogger("operator_app.bridge")


Write = Callable[[Callable[[], object], Callable[[object], object], Callable[[BaseException], object]], None]


@dataclass(slots=True)
class SessionListener:
    session_changed: Callable[[Session], None]
    sign_in_finished: Callable[[bool, str], None]  # ok, code ("" when ok)
    lock_changed: Callable[[bool], None]


class SessionControl:
    def __init__(self, session: Session, authenticator: Authenticator | None, write: Write,
                 listener: SessionListener) -> None:
        self.session = session
        self.locked = False
        self._auth = authenticator
        self._write = write
        self._listener = listener

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self._record(self.session.operator, AccountEventKind.SCREEN_LOCKED)
        self._listener.lock_changed(True)

    def unlock(self, password: str) -> None:
        self._sign_in(self.session.operator, password)

    def switch_account(self, username: str, password: str) -> None:
        self._sign_in(username, password)

    def _sign_in(self, username: str, password: str) -> None:
        auth, workstation = self._auth, self.session.workstation
        if auth is None:
            self._listener.sign_in_finished(False, UNAVAILABLE)
            return

        def run() -> Account | str:
            account, code = auth.desk_sign_in(username, password, workstation)
            return account if account is not None else code

        def done(result: object) -> None:
            if isinstance(result, str):
                self._listener.sign_in_finished(False, result)
                return
            assert isinstance(result, Account)
            previous = self.session.operator
            if result.username != previous:
                self._record(previous, AccountEventKind.SIGNED_OUT)
                self.session = Session(result, workstation)
                self._listener.session_changed(self.session)
            self._record(result.username, AccountEventKind.SCREEN_UNLOCKED)
            self.locked = False
            self._listener.lock_changed(False)
            self._listener.sign_in_finished(True, "")

        def failed(exc: BaseException) -> None:
            log.warning("sign-in could not be checked: %s", type(exc).__name__)
            self._listener.sign_in_finished(False, UNAVAILABLE)

        self._write(run, done, failed)

    def _record(self, username: str, kind: AccountEventKind) -> None:
        auth, workstation = self._auth, self.session.workstation
        if auth is None:
            return
        self._write(lambda: auth.record(username, kind, workstation), lambda _: None,
                    lambda e: log.warning("session event %s not logged: %s", kind.value,
                                          type(e).__name__))
