"""Who is at this desk: the signed-in account and the workstation. The composition root builds
the first one at sign-in; another operator signing in on a locked desk makes a new one (the
bridge announces it with ``sessionChanged``)."""

from __future__ import annotations

from dataclasses import dataclass

from operator_app.domain.accounts import Account, Actor, Permission


@dataclass(frozen=True, slots=True)
class Session:
    #: the signed-in account: its name is recorded with every claim, decision and note
    account: Account
    #: the workstation id of this installation (a UUID kept in its data directory): its feed
    #: cursor and its own changes are told apart by it, and events record it
    workstation: str
    #: what people call this desk (the ``workstation_name`` setting; default the host name)
    workstation_name: str = ""

    @property
    def operator(self) -> str:
        return self.account.username

    @property
    def actor(self) -> Actor:
        return self.account.actor

    def may(self, permission: Permission) -> bool:
        return self.actor.may(permission)

    @property
    def workstation_label(self) -> str:
        """The display name, or the id when there is none."""
        return self.workstation_name or self.workstation
