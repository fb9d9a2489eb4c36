"""``AccountStore`` (``store.accounts``): operator accounts, sign-in with lockout, and the
accounts' log. Each method is one transaction.

Changing accounts needs an admin (``Permission.ACCOUNTS``), except the very first account of a
new database, which must be an admin (``operator-app accounts add --role admin``). The last
enabled admin can be neither disabled nor given another role, so a centre cannot lock itself
out. A sign-in that fails is counted and logged even though it raises.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Connection, Engine

from operator_app.domain.accounts import (
    BAD_CREDENTIALS,
    LOCKED,
    Account,
    AccountError,
    AccountEventKind,
    AccountSource,
    Permission,
    Role,
    check_password,
    check_username,
)
from operator_app.store.accounts import account_rows as rows
from operator_app.store.accounts import passwords
from operator_app.store.core.columns import as_utc
from operator_app.store.core.engine import Clock, read_transaction, write_transaction


@dataclass(frozen=True, slots=True)
class AccountInfo:
    """An account as ``operator-app accounts list`` shows it."""

    account: Account
    locked_until: datetime | None
    failures: int


class AccountStore:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self._clock = clock

    def _now(self) -> datetime:
        return as_utc(self._clock())

    # -- reads ------------------------------------------------------------------------------

    def count(self) -> int:
        with read_transaction(self.engine) as conn:
            return rows.count(conn)

    def get(self, username: str) -> Account | None:
        with read_transaction(self.engine) as conn:
            row = rows.get(conn, username)
            return row.account if row is not None else None

    def all(self) -> list[AccountInfo]:
        with read_transaction(self.engine) as conn:
            return [AccountInfo(r.account, r.locked_until, r.failures) for r in rows.all_rows(conn)]

    def events(self, username: str | None = None) -> list[tuple[datetime, str, str, str | None]]:
        with read_transaction(self.engine) as conn:
            return rows.events(conn, username)

    def authorize(self, username: str, permission: Permission) -> Account:
        """The stored account if it may do ``permission`` (else it raises)."""
        with read_transaction(self.engine) as conn:
            return rows.authorize(conn, username, permission)

    # -- changes by an admin ----------------------------------------------------------------

    def add(
        self, username: str, display_name: str, role: Role, password: str | None,
        by: str | None, *, source: AccountSource = AccountSource.LOCAL,
    ) -> Account:
        """A new account. ``by`` is the admin adding it; None only for the first account of
        an empty database, which must be an admin. A local account needs a password."""
        check_username(username)
        if source is AccountSource.LOCAL:
            check_password(password or "")
        hashed = passwords.hash_password(password) if password else None
        account = Account(username, display_name.strip() or username, Role(role), source)
        now = self._now()
        with write_transaction(self.engine) as conn:
            if by is None:
                if rows.count(conn) > 0:
                    raise AccountError("admin_required", "adding an account needs an admin")
                if account.role is not Role.ADMIN:
                    raise AccountError("first_is_admin", "the first account must be an admin")
            else:
                rows.authorize(conn, by, Permission.ACCOUNTS)
            if rows.get(conn, username) is not None:
                raise AccountError("exists", username)
            rows.add(conn, account, hashed, now)
            rows.log(conn, username, AccountEventKind.CREATED, now, by=by,
                     detail={"role": account.role.value, "source": source.value})
        return account

    def set_disabled(self, username: str, disabled: bool, by: str) -> None:
        now = self._now()
        with write_transaction(self.engine) as conn:
            rows.authorize(conn, by, Permission.ACCOUNTS)
            row = self._existing(conn, username)
            if disabled and row.account.role is Role.ADMIN and not row.account.disabled:
                self._keep_an_admin(conn)
            rows.set_values(conn, username, disabled=disabled)
            kind = AccountEventKind.DISABLED if disabled else AccountEventKind.ENABLED
            rows.log(conn, username, kind, now, by=by)

    def set_role(self, username: str, role: Role, by: str) -> None:
        now = self._now()
        with write_transaction(self.engine) as conn:
            rows.authorize(conn, by, Permission.ACCOUNTS)
            row = self._existing(conn, username)
            if row.account.role is Role.ADMIN and Role(role) is not Role.ADMIN:
                self._keep_an_admin(conn)
            rows.set_values(conn, username, role=Role(role).value)
            rows.log(conn, username, AccountEventKind.ROLE_CHANGED, now, by=by,
                     detail={"from": row.account.role.value, "to": Role(role).value})

    def reset_password(self, username: str, password: str, by: str) -> None:
        """A new password (and the lock lifted); an admin's act, or the account's own."""
        check_password(password)
        hashed = passwords.hash_password(password)
        now = self._now()
        with write_transaction(self.engine) as conn:
            if by != username:
                rows.authorize(conn, by, Permission.ACCOUNTS)
            row = self._existing(conn, username)
            if row.account.source is not AccountSource.LOCAL:
                raise AccountError("directory_account", "its password is kept in the directory")
            rows.set_values(conn, username, password_hash=hashed, failures=0, locked_until=None)
            rows.log(conn, username, AccountEventKind.PASSWORD_RESET, now, by=by)

    def unlock(self, username: str, by: str) -> None:
        now = self._now()
        with write_transaction(self.engine) as conn:
            rows.authorize(conn, by, Permission.ACCOUNTS)
            self._existing(conn, username)
            rows.set_values(conn, username, failures=0, locked_until=None)
            rows.log(conn, username, AccountEventKind.UNLOCKED, now, by=by)

    @staticmethod
    def _existing(conn: Connection, username: str) -> rows.AccountRow:
        row = rows.get(conn, username)
        if row is None:
            raise AccountError("unknown_account", username)
        return row

    @staticmethod
    def _keep_an_admin(conn: Connection) -> None:
        if rows.enabled_admins(conn) <= 1:
            raise AccountError("last_admin", "the centre must keep one enabled admin")

    # -- sign-in ----------------------------------------------------------------------------

    def sign_in(self, username: str, password: str, workstation: str) -> Account:
        """A local account's sign-in: the account, or ``AccountError`` with ``bad_credentials``
        (unknown name, wrong password, disabled: all read the same), ``locked`` (too many
        failures; an admin unlocks, or wait) or ``directory_account``."""
        now = self._now()
        refusal: AccountError | None = None
        with write_transaction(self.engine) as conn:
            row = rows.get(conn, username)
            good = passwords.verify(row.password_hash if row else None, password)
            if row is None:
                refusal = AccountError(BAD_CREDENTIALS)
            elif row.account.source is not AccountSource.LOCAL:
                refusal = AccountError("directory_account")
            elif row.locked_at(now):
                refusal = AccountError(LOCKED)
                rows.log(conn, username, AccountEventKind.SIGN_IN_REFUSED, now,
                         workstation=workstation, detail={"why": LOCKED})
            elif not good or row.account.disabled:
                refusal = AccountError(BAD_CREDENTIALS)
                why = "disabled" if good else "password"
                rows.log(conn, username, AccountEventKind.SIGN_IN_REFUSED, now,
                         workstation=workstation, detail={"why": why})
                if not good and rows.note_failure(conn, row, now):
                    rows.log(conn, username, AccountEventKind.LOCKED_OUT, now,
                             workstation=workstation)
            else:
                values: dict[str, object] = {"failures": 0, "locked_until": None}
                if row.password_hash and passwords.needs_rehash(row.password_hash):
                    values["password_hash"] = passwords.hash_password(password)
                rows.set_values(conn, username, **values)
                rows.log(conn, username, AccountEventKind.SIGNED_IN, now, workstation=workstation)
                return row.account
        raise refusal

    def directory_signed_in(self, account: Account, workstation: str) -> Account:
        """A directory sign-in that succeeded: create or update the account's row (its role
        from the directory's groups) unless it was disabled here, and log it."""
        now = self._now()
        with write_transaction(self.engine) as conn:
            row = rows.get(conn, account.username)
            if row is None:
                rows.add(conn, account, None, now)
                rows.log(conn, account.username, AccountEventKind.CREATED, now,
                         workstation=workstation, detail={"role": account.role.value,
                                                          "source": AccountSource.DIRECTORY.value})
            elif row.account.source is not AccountSource.DIRECTORY:
                raise AccountError(BAD_CREDENTIALS)  # a local name is not the directory's
            elif row.account.disabled:
                raise AccountError(BAD_CREDENTIALS)
            else:
                rows.set_values(conn, account.username, role=account.role.value,
                                display_name=account.display_name)
            rows.log(conn, account.username, AccountEventKind.SIGNED_IN, now,
                     workstation=workstation)
            return account

    def record(self, username: str, kind: AccountEventKind, workstation: str) -> None:
        """Log a session event (signed out, screen locked or unlocked)."""
        with write_transaction(self.engine) as conn:
            rows.log(conn, username, kind, self._now(), workstation=workstation)
