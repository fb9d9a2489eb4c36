"""One HTTPS POST of one bundle to the configured journal endpoint.

The request carries ``Content-Type: application/fhir+json``, ``Authorization: Bearer <token>``
(the token is in the OS keyring as kind ``journal`` for the endpoint URL:
``operator-app credentials set journal``), and ``Idempotency-Key: <bundle identifier>`` (also
``Bundle.identifier``): an endpoint that de-duplicates on it stores a retried bundle once. The
answer's status is classified by the domain (``domain.journal.classify_status``). TLS is
verified against the system's CAs or the configured CA file; plain ``http://`` is allowed only to
a loopback address (tests, a local relay).
"""

from __future__ import annotations

import http.client
import ipaddress
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from operator_app import credentials
from operator_app.domain.journal import AttemptResult, classify_status

#: the keyring kind of the journal endpoint's token (target: the endpoint URL)
TOKEN_KIND = "journal"
#: at most this much of an answer's body is read (for the error text)
_BODY_CHARS = 300


class EndpointError(ValueError):
    """A journal endpoint URL that must not be used."""


@dataclass(frozen=True, slots=True)
class Attempt:
    result: AttemptResult
    status: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class JournalEndpoint:
    url: str
    ca_file: str = ""
    timeout: float = 15.0

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise EndpointError(f"the journal endpoint must be an https:// URL, got {self.url!r}")
        if parts.scheme == "http" and not _is_loopback(parts.hostname):
            raise EndpointError("plain http:// is allowed only to a loopback address; use https://")

    def token(self) -> str | None:
        """The endpoint's token from the keyring (None if none is stored)."""
        return credentials.get_secret(TOKEN_KIND, self.url)

    def post(self, bundle_id: str, body: bytes, token: str | None) -> Attempt:
        """POST ``body``; never raises for the network or the answer (the attempt says)."""
        parts = urlsplit(self.url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        conn: http.client.HTTPConnection
        if parts.scheme == "https":
            context = ssl.create_default_context(cafile=self.ca_file or None)
            conn = http.client.HTTPSConnection(parts.hostname or "", parts.port,
                                               timeout=self.timeout, context=context)
        else:
            conn = http.client.HTTPConnection(parts.hostname or "", parts.port,
                                              timeout=self.timeout)
        headers = {"Content-Type": "application/fhir+json", "Accept": "application/fhir+json",
                   "Idempotency-Key": bundle_id}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            conn.request("POST", path, body=body, headers=headers)
            answer = conn.getresponse()
            text = answer.read(_BODY_CHARS).decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as exc:
            return Attempt(AttemptResult.RETRY, None, _describe(exc))
        finally:
            conn.close()
        result = classify_status(answer.status)
        if result is AttemptResult.DELIVERED:
            return Attempt(result, answer.status)
        detail = " ".join(text.split())[:200]
        return Attempt(result, answer.status,
                       f"HTTP {answer.status} {answer.reason}" + (f": {detail}" if detail else ""))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"TLS certificate not trusted: {exc.verify_message}"
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    return f"{type(exc).__name__}: {exc}"[:200]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
