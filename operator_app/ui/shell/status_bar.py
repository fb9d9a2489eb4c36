"""The status bar: connection state (word + colour), reason, retry countdown, lag, backlog, bad
frames, operator, an INSECURE badge, and the sound state (IEC 60601-1-8: an audio pause is always
indicated, and so is a desk without sound). A stale feed never looks calm.

Words for people: the reason is a few translated words (``ui/common/user_errors.py``) with the
feed's technical reason in its tooltip; the stream id and sequence number are in the connection
indicator's tooltip (for IT support), not on the bar; numbers in the locale's form (``0,25 s``)."""

from __future__ import annotations

from collections import deque
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QStatusBar, QWidget

from operator_app.domain.connection import ConnectionStatus, LinkState
from operator_app.domain.user_errors import feed_reason_kind
from operator_app.ui.common.numbers import seconds, whole
from operator_app.ui.common.user_errors import short_text
from widgets.connection_indicator import ConnectionIndicator
from widgets.overdue_style import format_overdue
from widgets.plain_text_label import PlainTextLabel, plain_tooltip

_COLOURS = {
    LinkState.CONNECTED: "#2e7d32",
    LinkState.CONNECTING: "#607d8b",
    LinkState.STALE: "#e65100",
    LinkState.RECONNECTING: "#e65100",
    LinkState.FAILED: "#c62828",
    LinkState.STOPPED: "#757575",
}
#: how many bad-frame reasons the tooltip keeps
BAD_FRAME_REASONS = 10


class DeskStatusBar(QStatusBar):
    def __init__(self, operator: str, workstation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskStatusBar")
        self.setSizeGripEnabled(False)
        self.indicator = ConnectionIndicator(self)
        self.reason_label = self._label("statusReason")
        self.retry_label = self._label("statusRetry")
        self.stream_label = self._label("statusStream")
        self.lag_label = self._label("statusLag")
        self.backlog_label = self._label("statusBacklog")
        self.bad_frames_label = self._label("statusBadFrames")
        self.set_aside_label = self._label("statusSetAside")
        self.set_aside_label.hide()
        self.insecure_badge = self._label("insecureBadge")
        self.insecure_badge.setText(self.tr("INSECURE (ws://)"))
        self.insecure_badge.setToolTip(self.tr(
            "The feed connection is not encrypted (ws://). Patient data travels in clear text."))
        self.insecure_badge.setStyleSheet(
            "QLabel#insecureBadge { background: #c62828; color: white; font-weight: bold;"
            " padding: 1px 6px; border-radius: 3px; }")
        self.insecure_badge.hide()
        self.sound_label = self._label("soundState")
        self.sound_label.setProperty("soundState", "on")
        self.operator_label = self._label("statusOperator")
        self.demo_badge = self._label("demoBadge")
        self.demo_badge.setText(self.tr("DEMO"))
        self.demo_badge.setToolTip(self.tr("Demo: simulated alarms and patients, not real ones."))
        self.demo_badge.setStyleSheet(
            "QLabel#demoBadge { background: #6a1b9a; color: white; font-weight: bold;"
            " padding: 1px 6px; border-radius: 3px; }")
        self.demo_badge.hide()
        self._workstation = workstation
        self.set_operator(operator)
        self.addWidget(self.indicator)
        for label in (self.reason_label, self.retry_label, self.stream_label, self.lag_label,
                      self.backlog_label, self.bad_frames_label, self.set_aside_label):
            self.addWidget(label)
        self.addPermanentWidget(self.demo_badge)
        self.addPermanentWidget(self.sound_label)
        self.addPermanentWidget(self.insecure_badge)
        self.addPermanentWidget(self.operator_label)
        self._status: ConnectionStatus | None = None
        self._status_at = datetime.now(UTC)
        self._now = self._status_at
        self._bad_total = 0
        self._bad_reasons: deque[str] = deque(maxlen=BAD_FRAME_REASONS)
        self.indicator.set_state(self.tr("Not connected"), _COLOURS[LinkState.STOPPED],
                                 self.tr("No connection status received yet"))
        self._show_bad_frames()
        self.set_sound_state(True, False, 0.0)

    def set_sound_state(self, available: bool, paused: bool, remaining_s: float) -> None:
        """Always visible: "SOUND PAUSED 1:45", "Audio unavailable — visual signals only",
        or "Sound on" (words, not emoji: a workstation may have no emoji font)."""
        if paused:
            text = (self.tr("SOUND PAUSED %1") if available
                    else self.tr("SOUND PAUSED %1 · Audio unavailable")).replace(
                "%1", format_overdue(remaining_s))
            tip = self.tr("Alarm sounds are paused; alarms still flash. Ctrl+M resumes.")
            state = "paused"
        elif not available:
            text = self.tr("Audio unavailable — visual signals only")
            tip = self.tr("No sound device: alarms are shown and flash, but make no sound.")
            state = "unavailable"
        else:
            text = self.tr("Sound on")
            tip = self.tr("Ctrl+M pauses alarm sounds for 2 minutes.")
            state = "on"
        self.sound_label.setText(text)
        self.sound_label.setToolTip(tip)
        if self.sound_label.property("soundState") != state:
            self.sound_label.setProperty("soundState", state)
            colours = {"paused": "background: #fff4d6; color: #5c4500;",
                       "unavailable": "background: #fbe3e3; color: #7f1010;",
                       "on": ""}
            self.sound_label.setStyleSheet(
                f"QLabel#soundState {{ {colours[state]} font-weight: bold; padding: 1px 6px;"
                " border-radius: 3px; }" if state != "on" else "")
        self.sound_label.show()

    def set_operator(self, operator: str) -> None:
        self.operator_label.setText(self.tr("Operator: %1 @ %2").replace("%1", operator).replace(
            "%2", self._workstation))

    def set_demo(self, demo: bool) -> None:
        """A demo desk says so, always (its alarms are simulated)."""
        self.demo_badge.setVisible(demo)

    def _label(self, name: str) -> PlainTextLabel:
        label = PlainTextLabel(parent=self, selectable=False, wrap=False)
        label.setObjectName(name)
        return label

    def state_word(self, state: LinkState) -> str:
        return {
            LinkState.CONNECTED: self.tr("Connected"),
            LinkState.CONNECTING: self.tr("Connecting"),
            LinkState.STALE: self.tr("STALE"),
            LinkState.RECONNECTING: self.tr("Reconnecting"),
            LinkState.FAILED: self.tr("FAILED"),
            LinkState.STOPPED: self.tr("Stopped"),
        }.get(state, str(state))

    def status(self) -> ConnectionStatus | None:
        return self._status

    def set_status(self, status: ConnectionStatus, now: datetime | None = None) -> None:
        self._status = status
        self._status_at = now or datetime.now(UTC)
        self._now = self._status_at
        tooltip = [status.url]
        if status.last_heard is not None:
            tooltip.append(self.tr("Last heard: %1").replace(
                "%1", status.last_heard.astimezone().strftime("%H:%M:%S")))
        if status.stream is not None or status.last_applied_seq is not None:
            tooltip.append(self.tr("stream %1 · seq %2").replace(
                "%1", status.stream or "?").replace(
                "%2", "—" if status.last_applied_seq is None else str(status.last_applied_seq)))
        self.indicator.set_state(self.state_word(status.state),
                                 _COLOURS.get(status.state, "#757575"),
                                 plain_tooltip("\n".join(tooltip)))
        kind = feed_reason_kind(status.reason)
        self.reason_label.setText("" if kind is None else short_text(kind))
        self.reason_label.setToolTip(plain_tooltip(status.reason))
        self.reason_label.setVisible(kind is not None)
        self.stream_label.hide()  # the stream is in the indicator's tooltip (for IT support)
        if status.lag_s is not None:
            self.lag_label.setText(self.tr("lag %1").replace("%1", seconds(status.lag_s, 2)))
            self.lag_label.show()
        else:
            self.lag_label.hide()
        backlog = status.backlog
        if backlog is not None:
            self.backlog_label.setText(self.tr("backlog %1").replace("%1", whole(backlog)))
            self.backlog_label.show()
        else:
            self.backlog_label.hide()
        self.insecure_badge.setVisible(status.insecure)
        if status.bad_frames > self._bad_total:
            self._bad_total = status.bad_frames
            self._show_bad_frames()
        self._show_retry()

    def tick(self, now: datetime) -> None:
        self._now = now
        self._show_retry()

    def _show_retry(self) -> None:
        status = self._status
        if status is None or status.retry_in_s is None or status.state not in (
                LinkState.RECONNECTING, LinkState.STALE, LinkState.CONNECTING):
            self.retry_label.hide()
            return
        due = self._status_at + timedelta(seconds=status.retry_in_s)
        left = max(0, round((due - self._now).total_seconds()))
        self.retry_label.setText(self.tr("retry in %1 s").replace("%1", str(left)))
        self.retry_label.show()

    def add_bad_frame(self, reason: str, total: int) -> None:
        self._bad_total = max(self._bad_total, total)
        self._bad_reasons.append(reason)
        self._show_bad_frames()

    def bad_frame_total(self) -> int:
        return self._bad_total

    def set_set_aside(self, total: int) -> None:
        """Feed events the desk could not apply and set aside (kept with their frames)."""
        self.set_aside_label.setText(self.tr("%n event(s) set aside", "", total))
        self.set_aside_label.setToolTip(self.tr(
            "Feed events the desk could not apply. They are kept with their frames and counted "
            "in the handover; an alarm among them is in the queue as an unreadable alarm."))
        self.set_aside_label.setVisible(total > 0)

    def _show_bad_frames(self) -> None:
        self.bad_frames_label.setText(self.tr("bad frames %1").replace("%1", whole(self._bad_total)))
        self.bad_frames_label.setVisible(self._bad_total > 0)
        if self._bad_reasons:
            self.bad_frames_label.setToolTip(plain_tooltip(
                self.tr("Last rejected frames:") + "\n" + "\n".join(self._bad_reasons)))
        else:
            self.bad_frames_label.setToolTip(self.tr("Frames rejected by the decoder"))
