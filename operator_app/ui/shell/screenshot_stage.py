"""For documentation only (the hidden ``--screenshot`` and ``--screenshot-stage`` flags): put the
desk in a state worth showing and say which window to photograph.

Stages: ``idle`` (the queue, nothing selected), ``claimed`` (the most urgent alarm claimed: the
patient, measurements and triage panels filled), ``review`` (a measurement review item: trends
with the triggering value), ``escalation`` (the most urgent alarm selected, the escalation line
showing; run with short answer targets), ``handover`` (the handover window), ``group`` (a group
row if there is one: the default of the old ``--screenshot``).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from operator_app.domain.review import REVIEW_KIND
from operator_app.ui.shell.main_window import MainWindow

STAGES = ("group", "idle", "claimed", "review", "escalation", "handover")


def stage(window: MainWindow, name: str, tries: int = 8) -> None:
    """Stage ``name``; a review or group not in the queue yet (the demo's triage pass may
    still be running) is looked for again every half second, ``tries`` times."""
    model = window.queue_model
    alarms = [a for a in (model.alarm(i) for i in model.alarm_ids()) if a is not None]
    if name == "idle":
        window.queue_view.select_alarm(None)
        return
    # past the first screen a nurse has read and closed the demo's welcome line
    window.banner.dismiss()
    if name == "handover":
        window.open_handover()
        return
    if name in ("group", "review"):
        wanted = ([a for a in alarms if a.attached] if name == "group" else []) or [
            a for a in alarms if a.kind == REVIEW_KIND]
        if wanted:
            window.queue_view.select_alarm(wanted[0].id)
            return
        if tries > 0:
            QTimer.singleShot(500, lambda: stage(window, name, tries - 1))
            return
    if name == "escalation":
        top = window.top_unclaimed_alarm_id()
        window.queue_view.select_alarm(top)
        return
    window.claim_top_alarm()


def subject(window: MainWindow, name: str) -> QWidget:
    """The window to photograph for ``name``."""
    if name == "handover" and window.handover_window is not None:
        return window.handover_window
    return window
