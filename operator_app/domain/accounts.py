"""Who may do what at the centre: roles, their permissions, and the actor of every command.

Roles (DESIGN.md "Accounts, roles and records"): a **nurse** claims, decides, schedules
callbacks and writes notes; a **shift lead** can do all of that and also signs off the
handover, reopens a closed alarm, reassigns a claim and sees every operator's figures; an
**admin** manages accounts and settings and does not handle alarms or see patients. The store
checks the permission of every command it is given (``require``), so a refused button is never
the only guard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    NURSE = "nurse"
    SHIFT_LEAD = "shift_lead"
    ADMIN = "admin"


class Permission(StrEnum):
    HANDLE_ALARMS = "handle_alarms"  # see patients, claim, release, decide
    CALLBACKS = "callbacks"
    NOTES = "notes"  # handover notes
    SIGN_OFF = "sign_off"
    REOPEN = "reopen"
    REASSIGN = "reassign"
    SEE_ALL_FIGURES = "see_all_figures"
    ACCOUNTS = "accounts"
    SETTINGS = "settings"


_NURSE = frozenset({Permission.HANDLE_ALARMS, Permission.CALLBACKS, Permission.NOTES})
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.NURSE: _NURSE,
    Role.SHIFT_LEAD: _NURSE | {Permission.SIGN_OFF, Permission.REOPEN, Permission.REASSIGN,
                               Permission.SEE_ALL_FIGURES},
    Role.ADMIN: frozenset({Permission.ACCOUNTS, Permission.SETTINGS}),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in account a command comes from: its name is what every event records."""

    name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        return permission in PERMISSIONS[self.role]


class NotPermittedError(PermissionError):
    def __init__(self, actor: Actor, permission: Permission) -> None:
        super().__init__(f"{actor.role.value} {actor.name!r} may not {permission.value}")
        self.actor = actor
        self.permission = permission


def require(actor: Actor, permission: Permission) -> None:
    """Refuse (``NotPermittedError``) what ``actor``'s role does not allow."""
    if not actor.may(permission):
        raise NotPermittedError(actor, permission)


# -- accounts ------------------------------------------------------------------------------------

#: an account name: letters, digits and . _ - (a directory uid or a short local name)
_USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MIN_PASSWORD = 10
#: failed sign-ins before an account is locked, and for how long
MAX_FAILURES = 5
LOCKOUT_S = 15 * 60.0


class AccountSource(StrEnum):
    LOCAL = "local"  # a password hash in the centre's database
    DIRECTORY = "directory"  # the centre's LDAP / Active Directory: the password stays there


@dataclass(frozen=True, slots=True)
class Account:
    username: str
    display_name: str
    role: Role
    source: AccountSource = AccountSource.LOCAL
    disabled: bool = False

    @property
    def actor(self) -> Actor:
        return Actor(self.username, self.role)


class AccountError(ValueError):
    """A refused account change or sign-in; ``code`` says why (for the screen's words)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


def check_username(name: str) -> str:
    if not _USERNAME.match(name):
        raise AccountError("bad_username", "letters, digits and . _ - only, at most 64")
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError("weak_password", f"at least {MIN_PASSWORD} characters")
    return password


class AccountEventKind(StrEnum):
    """Rows of the accounts' append-only log."""

    CREATED = "created"
    ROLE_CHANGED = "role_changed"
    DISABLED = "disabled"
    ENABLED = "enabled"
    PASSWORD_RESET = "password_reset"
    UNLOCKED = "unlocked"
    SIGNED_IN = "signed_in"
    SIGN_IN_REFUSED = "sign_in_refused"
    LOCKED_OUT = "locked_out"
    SIGNED_OUT = "signed_out"
    SCREEN_LOCKED = "screen_locked"
    SCREEN_UNLOCKED = "screen_unlocked"


#: AccountError codes a sign-in can end with (the screen words them; none says whether the
#: account exists, so a wrong name and a wrong password read the same)
BAD_CREDENTIALS = "bad_credentials"
LOCKED = "locked"
NO_ACCOUNTS = "no_accounts"
