"""Who is at this desk: one value the composition root builds once and hands to what needs it
(the bridge records it with every command; the window shows it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Session:
    #: the name recorded with every claim, decision and note
    operator: str
    #: this installation of the desk (its feed cursor and its own changes are told apart by it)
    workstation: str
