"""The line above the queue that says when new alarms may not be arriving.

Hidden while the feed is connected; otherwise it names the state and what it means for the
queue: failed or stopped ("New alarms are NOT arriving", severity ``failed``), or stale,
connecting, reconnecting ("the queue may be incomplete", severity ``stale``), then the reason as
a translated sentence that says what to do (``ui/common/user_errors.py``); the feed's own
technical reason is in the tooltip. The style sheet colours it by its ``severity`` property.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from operator_app.domain.connection import ConnectionStatus, LinkState
from operator_app.domain.user_errors import feed_reason_kind
from operator_app.ui.common.user_errors import sentence
from widgets.plain_text_label import PlainTextLabel, plain_tooltip


class FeedWarning(PlainTextLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, selectable=False)
        self.setObjectName("feedWarning")
        self.hide()

    def show_status(self, status: ConnectionStatus, state_word: str) -> None:
        """Show what ``status`` means for the queue (``state_word``: the state in words)."""
        if status.state is LinkState.CONNECTED:
            self.hide()
            return
        kind = feed_reason_kind(status.reason)
        if status.state is LinkState.FAILED:
            text = self.tr("Feed %1. New alarms are NOT arriving.").replace("%1", state_word)
            severity = "failed"
        elif status.state is LinkState.STOPPED:
            text = self.tr("Feed stopped. New alarms are NOT arriving.")
            severity = "failed"
        else:
            text = self.tr("Feed %1: the queue may be incomplete until the connection is back.") \
                .replace("%1", state_word)
            severity = "stale"
        if kind is not None:
            text = f"{text} {sentence(kind)}"
        self.setText(text)
        self.setToolTip(plain_tooltip(status.reason))
        self.setProperty("severity", severity)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
