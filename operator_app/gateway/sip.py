"""The RFC 3261 subset a SCAIP receiver needs: parse a request, frame requests on a stream
(TCP/TLS: by ``Content-Length``), and build the responses (200 with a To-tag, 400, 403, 405,
415).

A request is kept as its request line, its headers (names normalised, compact forms expanded,
every value of a repeated header in order) and its body bytes. A response copies ``Via`` (all,
in order), ``From``, ``Call-ID`` and ``CSeq`` and the ``To`` with a tag added when it has none.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

MAX_MESSAGE_BYTES = 64 * 1024
SCAIP_CONTENT_TYPE = "application/scaip+xml"

_COMPACT = {"v": "via", "f": "from", "t": "to", "i": "call-id", "l": "content-length",
            "c": "content-type", "m": "contact", "k": "supported", "s": "subject"}
_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 405: "Method Not Allowed",
            413: "Request Entity Too Large", 415: "Unsupported Media Type",
            500: "Server Internal Error"}
_NEEDED = ("via", "from", "to", "call-id", "cseq")


class SipError(ValueError):
    """A request that cannot be taken; ``status`` is the response to send (if one can be)."""

    def __init__(self, status: int, reason: str, request: SipRequest | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.request = request


@dataclass
class SipRequest:
    method: str
    uri: str
    headers: dict[str, list[str]] = field(default_factory=dict)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        values = self.headers.get(name.lower())
        return values[0] if values else None

    @property
    def content_type(self) -> str:
        value = self.header("content-type") or ""
        return value.split(";", 1)[0].strip().lower()

    def transaction_key(self) -> tuple[str, ...]:
        """What a retransmission of this request repeats: top Via branch, Call-ID, CSeq,
        From."""
        return (self.header("via") or "", self.header("call-id") or "",
                self.header("cseq") or "", self.header("from") or "")

    def can_be_answered(self) -> bool:
        return all(self.header(name) for name in _NEEDED)


def split_head(data: bytes) -> tuple[bytes, bytes] | None:
    """(head, rest) at the first empty line, or None if the head is not complete yet."""
    index = data.find(b"\r\n\r\n")
    if index < 0:
        return None
    return data[:index], data[index + 4:]


def _headers(head: bytes) -> tuple[str, dict[str, list[str]]]:
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SipError(400, "head is not UTF-8") from exc
    lines: list[str] = []
    for line in text.split("\r\n"):
        if line[:1] in (" ", "\t") and lines:  # folded header line (RFC 3261 7.3.1)
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    headers: dict[str, list[str]] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep or not name.strip():
            raise SipError(400, "malformed header line")
        key = name.strip().lower()
        key = _COMPACT.get(key, key)
        headers.setdefault(key, []).append(value.strip())
    return lines[0], headers


def parse_head(head: bytes) -> SipRequest:
    """The request line and headers (the body is added by the caller)."""
    first, headers = _headers(head)
    parts = first.split(" ")
    if len(parts) != 3 or parts[2] != "SIP/2.0" or not parts[0].isalpha():
        raise SipError(400, "not a SIP/2.0 request line")
    return SipRequest(parts[0].upper(), parts[1], headers)


def content_length(request: SipRequest) -> int | None:
    value = request.header("content-length")
    if value is None:
        return None
    if not value.isdigit():
        raise SipError(400, "bad Content-Length", request)
    length = int(value)
    if length > MAX_MESSAGE_BYTES:
        raise SipError(413, "body too large", request)
    return length


def parse_datagram(data: bytes) -> SipRequest:
    """One request from a UDP datagram (a missing Content-Length means: the rest)."""
    if len(data) > MAX_MESSAGE_BYTES:
        raise SipError(413, "message too large")
    parts = split_head(data.lstrip(b"\r\n"))
    if parts is None:
        raise SipError(400, "no end of headers")
    request = parse_head(parts[0])
    length = content_length(request)
    body = parts[1]
    if length is not None:
        if len(body) < length:
            raise SipError(400, "body shorter than Content-Length", request)
        body = body[:length]
    request.body = body
    return request


class StreamFramer:
    """Requests from a TCP/TLS byte stream: head, then exactly ``Content-Length`` body bytes
    (required on a stream, RFC 3261 18.3)."""

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> list[SipRequest]:
        self._buffer += data
        out: list[SipRequest] = []
        while True:
            self._buffer = self._buffer.lstrip(b"\r\n")  # keep-alive CRLFs
            parts = split_head(self._buffer)
            if parts is None:
                if len(self._buffer) > MAX_MESSAGE_BYTES:
                    raise SipError(413, "head too large")
                return out
            request = parse_head(parts[0])
            length = content_length(request)
            if length is None:
                raise SipError(400, "Content-Length is required on a stream", request)
            if len(parts[1]) < length:
                return out
            request.body = parts[1][:length]
            self._buffer = parts[1][length:]
            out.append(request)


def response(request: SipRequest, status: int, *, body: bytes = b"",
             content_type: str | None = None, extra: dict[str, str] | None = None,
             to_tag: str | None = None) -> bytes:
    """The response to ``request`` (RFC 3261 8.2.6): the request's Vias, From, Call-ID, CSeq;
    its To with a tag added when it has none."""
    lines = [f"SIP/2.0 {status} {_REASONS.get(status, 'Error')}"]
    lines += [f"Via: {via}" for via in request.headers.get("via", [])]
    to = request.header("to") or ""
    if to and ";tag=" not in to.replace(" ", "").lower():
        to = f"{to};tag={to_tag or secrets.token_hex(6)}"
    lines += [f"From: {request.header('from') or ''}", f"To: {to}",
              f"Call-ID: {request.header('call-id') or ''}",
              f"CSeq: {request.header('cseq') or ''}"]
    lines += [f"{name}: {value}" for name, value in (extra or {}).items()]
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body
