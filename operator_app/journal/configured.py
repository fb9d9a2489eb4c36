"""The desk's own deliverer: started when the settings name a journal endpoint.

One workstation delivers by itself; on a shared PostgreSQL every desk may run one (the leases
keep them from sending one bundle twice at once), or the centre runs ``operator-app journal
deliver --follow`` as a service instead and leaves ``journal_url`` empty on the desks.
"""

from __future__ import annotations

import logging

from operator_app.journal.deliverer import JournalDeliverer, new_owner
from operator_app.journal.endpoint import EndpointError, JournalEndpoint
from operator_app.settings import Settings
from operator_app.store.journal.journal_store import JournalStore

log = logging.getLogger("operator_app.journal")


def endpoint_of(cfg: Settings, url: str | None = None, ca_file: str | None = None) -> JournalEndpoint:
    """The endpoint named by ``url`` (else the settings); ``EndpointError`` if unusable."""
    target = url if url is not None else cfg.journal_url
    if not target:
        raise EndpointError("no journal endpoint: set journal_url or pass --url")
    return JournalEndpoint(target, ca_file=ca_file if ca_file is not None else cfg.journal_ca_file)


def start_for_desk(journal: JournalStore, cfg: Settings, workstation: str) -> JournalDeliverer | None:
    """A running deliverer for this desk, or None when no endpoint is configured (or it is
    unusable: logged as an error; the bundles wait in the outbox, the handover shows them)."""
    if not cfg.journal_url:
        return None
    try:
        endpoint = endpoint_of(cfg)
    except EndpointError as exc:
        log.error("journal endpoint not used: %s", exc)
        return None
    deliverer = JournalDeliverer(journal, endpoint, owner=new_owner(workstation[:8] or "desk"))
    deliverer.start()
    log.info("journal delivery started")
    return deliverer
