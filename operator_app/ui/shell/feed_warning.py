"""The line above the queue that says when new alarms may not be arriving.

Hidden while the feed is connected; otherwise it names the state and what it means for the
queue: failed or stopped ("New alarms are NOT arriving", severity ``failed``), or stale,
connecting, reconnecting ("the queue may be incomplete", severity ``stale``). The style sheet
colours it by its ``severity`` property.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from operator_app.domain.connection import ConnectionStatus, LinkState
from widgets.plain_text_label import PlainTextLabel


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
        if status.state is LinkState.FAILED:
            text = self.tr("Feed %1: %2. New alarms are NOT arriving.").replace(
                "%1", state_word).replace("%2", status.reason or self.tr("no reason given"))
            severity = "failed"
        elif status.state is LinkState.STOPPED:
            text = self.tr("Feed stopped. New alarms are NOT arriving.")
            severity = "failed"
        else:
            text = self.tr("Feed %1: the queue may be incomplete until the connection is back.") \
                .replace("%1", state_word)
            severity = "stale"
        self.setText(text)
        self.setProperty("severity", severity)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
