"""How a desk learns at once of other desks' changes on a shared PostgreSQL database.

``OtherDesksWatch`` tags the store's connections with this desk's workstation id (the payload
of the NOTIFY its own writes send) and runs the store's ``ChangeListener``; each notification
from another desk calls ``wake`` (from the listener thread: the bridge hops to the GUI thread
and starts its change poll, coalescing bursts). On SQLite, or while the listener is down, the
bridge's periodic poll is what finds the changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from operator_app.store import Store
from operator_app.store.core.notify import ChangeListener, supports_notify, tag_writer

log = logging.getLogger("operator_app.bridge")


class OtherDesksWatch:
    def __init__(self, store: Store, workstation_id: str, wake: Callable[[], None]) -> None:
        self._store = store
        self._workstation_id = workstation_id
        self._wake = wake
        self.listener: ChangeListener | None = None

    def start(self) -> None:
        engine = self._store.engine
        if not supports_notify(engine):
            return
        tag_writer(engine, self._workstation_id)
        self.listener = ChangeListener(engine, self._workstation_id, lambda _writer: self._wake())
        self.listener.start()

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
