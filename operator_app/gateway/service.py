"""``Gateway``: SIP in (UDP, TCP, TLS), the durable intake, rc-feed.v1 out, on one asyncio loop.

For each SIP request:
* ``MESSAGE`` with ``application/scaip+xml``: the ``<mrq>`` is parsed; a request that cannot be
  taken is answered ``200`` with an ``<mrs>`` carrying its ``snu`` (2, 3, 7). A good one goes
  through ``Intake.take`` on the worker thread; only when that committed are its events
  published to the desks and the answer is ``snu`` 0. A storage failure is answered ``snu`` 5
  ("not treated"): the device learns at once that the centre did not take it and retries or
  turns to its backup receiver; a retransmission tries the storage again.
* from an address outside ``--sip-allow`` (when given): ``403``, nothing taken;
* another content type: ``415`` (``Accept: application/scaip+xml``); ``OPTIONS`` (a device's
  keep-alive): ``200``; ``ACK``: nothing; other methods: ``405``; unreadable: ``400`` when
  there is enough to answer, else nothing (logged).
A repeated transaction (a UDP retransmission) gets the same answer, To-tag included, from a
cache of answered transactions; its ``ref`` would also be found by the intake.
Taking requests and the supervision check are serialized (one lock, one worker thread) so the
event log's seqs and the desks' window grow together.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import ipaddress
import logging
import ssl as ssl_module
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from operator_app.feed.server.frames import utc_now
from operator_app.feed.server.server import RcFeedServer, new_stream_name
from operator_app.gateway import sip
from operator_app.gateway.intake import Intake
from operator_app.gateway.scaip import SNU_NOT_TREATED, SNU_OK, ScaipError, ScaipRequest, mrs, parse_mrq
from operator_app.gateway.sip_transports import listen_tcp, listen_udp
from operator_app.store.gateway.gateway_store import StoredEvent

log = logging.getLogger("operator_app.gateway")

_ANSWERED_KEPT = 10_000


@dataclass(frozen=True)
class SipListen:
    host: str = "0.0.0.0"
    udp_port: int | None = 5060
    tcp_port: int | None = 5060
    tls_port: int | None = None
    tls: ssl_module.SSLContext | None = None
    #: the networks devices may send from (empty: any); others are answered 403
    allow: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    def allows(self, host: str) -> bool:
        if not self.allow:
            return True
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return False
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        return any(address in network for network in self.allow)


def _rows(events: list[StoredEvent]) -> list[tuple[int, str, dict[str, Any], str]]:
    return [(e.seq, e.type, e.data, e.sent_at) for e in events]


class Gateway:
    def __init__(self, intake: Intake, feed: RcFeedServer, listen: SipListen, *,
                 check_every_s: float = 5.0) -> None:
        self.intake = intake
        self.feed = feed
        self.listen = listen
        self.check_every_s = check_every_s
        self.udp_port: int | None = None
        self.tcp_port: int | None = None
        self.tls_port: int | None = None
        self._lock = asyncio.Lock()
        self._worker = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="gateway-db")
        self._answered: OrderedDict[tuple[str, ...], bytes] = OrderedDict()
        self._closers: list[Any] = []
        self._supervisor: asyncio.Task[None] | None = None
        #: how many requests were answered with each snu (for logs and tests)
        self.snu_counts: dict[int, int] = {}

    @property
    def hbi(self) -> str:
        return str(self.intake.supervision.default_interval_s)

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        store = self.intake.store
        stream = await loop.run_in_executor(self._worker, store.stream, new_stream_name(),
                                            utc_now())
        events = await loop.run_in_executor(self._worker, store.events)
        self.feed.restore(stream, _rows(events))
        self.intake.published = self.feed.patient
        await self._step(self.intake.sync_patients)  # patients imported while it was down
        await self.feed.start()
        lst = self.listen
        if lst.udp_port is not None:
            transport, self.udp_port = await listen_udp(self.handle, lst.host, lst.udp_port)
            self._closers.append(transport)
        if lst.tcp_port is not None:
            server, self.tcp_port = await listen_tcp(self.handle, lst.host, lst.tcp_port, None)
            self._closers.append(server)
        if lst.tls_port is not None and lst.tls is not None:
            server, self.tls_port = await listen_tcp(self.handle, lst.host, lst.tls_port, lst.tls)
            self._closers.append(server)
        self._supervisor = loop.create_task(self._supervise())

    async def stop(self) -> None:
        if self._supervisor is not None:
            self._supervisor.cancel()
        for closer in self._closers:
            closer.close()
        self._closers.clear()
        await self.feed.stop()
        self._worker.shutdown(wait=True)
        self.intake.store.close()  # the gateway owns its store from start to stop

    async def _supervise(self) -> None:
        while True:
            await asyncio.sleep(self.check_every_s)
            await self.check_silent()

    async def check_silent(self) -> None:
        """One supervision pass: registered patients desks were not told of, then silent
        controllers (also called by tests)."""
        await self._step(self.intake.sync_patients)
        await self._step(self.intake.check_silent)

    async def _step(self, step: Callable[[], list[StoredEvent]]) -> None:
        async with self._lock:
            try:
                events = await asyncio.get_running_loop().run_in_executor(self._worker, step)
            except Exception:
                log.exception("supervision pass failed; retried on the next pass")
                return
            self.feed.publish_stored(_rows(events))

    # --- one request ----------------------------------------------------------------------

    async def handle(self, request: sip.SipRequest, peer: str = "") -> bytes | None:
        """The answer to one SIP request from ``peer`` (None: nothing to send)."""
        if request.method == "ACK":
            return None
        if not request.can_be_answered():
            log.warning("SIP %s without Via/From/To/Call-ID/CSeq dropped", request.method)
            return None
        if not self.listen.allows(peer):
            log.warning("SIP %s from %s refused: not in --sip-allow", request.method, peer)
            return sip.response(request, 403)
        key = request.transaction_key()
        cached = self._answered.get(key)
        if cached is not None:
            return cached
        tag = hashlib.sha256(repr(key).encode()).hexdigest()[:12]
        if request.method == "OPTIONS":
            return sip.response(request, 200, extra={"Allow": "MESSAGE, OPTIONS"}, to_tag=tag)
        if request.method != "MESSAGE":
            return sip.response(request, 405, extra={"Allow": "MESSAGE, OPTIONS"}, to_tag=tag)
        if request.content_type != sip.SCAIP_CONTENT_TYPE:
            return sip.response(request, 415, extra={"Accept": sip.SCAIP_CONTENT_TYPE}, to_tag=tag)
        body, final = await self._answer_mrq(request.body)
        answer = sip.response(request, 200, body=body, content_type=sip.SCAIP_CONTENT_TYPE,
                              to_tag=tag)
        if final:
            self._answered[key] = answer
            while len(self._answered) > _ANSWERED_KEPT:
                self._answered.popitem(last=False)
        return answer

    async def _answer_mrq(self, body: bytes) -> tuple[bytes, bool]:
        """The ``<mrs>`` and whether it is final (a storage failure is not: try again)."""
        try:
            req = parse_mrq(body)
        except ScaipError as exc:
            log.warning("mrq refused with snu %d: %s", exc.snu, exc.reason)
            return self._mrs(exc.ref, exc.snu, exc.reason), True
        async with self._lock:
            try:
                taken = await asyncio.get_running_loop().run_in_executor(
                    self._worker, self.intake.take, req, self._open_alarm_of(req))
            except Exception as exc:
                log.error("mrq ref %s cid %s NOT stored (%s): answered snu %d", req.ref,
                          req.cid, type(exc).__name__, SNU_NOT_TREATED)
                return self._mrs(req.ref, SNU_NOT_TREATED, "not stored"), False
            self.feed.publish_stored(_rows(taken.events))
        return self._mrs(req.ref, SNU_OK, None, hbi=self.hbi if req.mty == "PI" else None), True

    def _mrs(self, ref: str | None, snu: int, text: str | None, hbi: str | None = None) -> bytes:
        self.snu_counts[snu] = self.snu_counts.get(snu, 0) + 1
        return mrs(ref, snu, text=text, hbi=hbi)

    def _open_alarm_of(self, req: ScaipRequest) -> str | None:
        """The newest alarm open at the source from this device (not a supervision alarm)."""
        for alarm in reversed(self.feed.open_alarms()):
            scaip = (alarm.get("source") or {}).get("scaip") or {}
            if ("mty" in scaip and scaip.get("cid") == req.cid
                    and scaip.get("did") == req.get("did")):
                return str(alarm["id"])
        return None
