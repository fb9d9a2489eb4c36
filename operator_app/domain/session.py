"""Who is at this desk: one value the composition root builds once and hands to what needs it
(the bridge records it with every command; the window shows it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Session:
    #: the name recorded with every claim, decision and note
    operator: str
    #: the workstation id of this installation (a UUID kept in its data directory): its feed
    #: cursor and its own changes are told apart by it, and events record it
    workstation: str
    #: what people call this desk (the ``workstation_name`` setting; default the host name)
    workstation_name: str = ""

    @property
    def workstation_label(self) -> str:
        """The display name, or the id when there is none."""
        return self.workstation_name or self.workstation
