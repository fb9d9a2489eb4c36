"""Which feed URLs the client may open, and with what TLS (PROTOCOL.md "Transport").

``wss://`` always (certificates verified, optionally against a given CA file); plain ``ws://``
only to a loopback host, or to another host when the operator started with the insecure option
(then the status shows it for the whole session).
"""

from __future__ import annotations

import ipaddress
import ssl
from urllib.parse import urlsplit


class PolicyError(Exception):
    """The URL/transport is not allowed (PROTOCOL.md "Transport")."""


def transport_policy(
    url: str, insecure: bool, ca_file: str | None
) -> tuple[ssl.SSLContext | None, bool]:
    """Return ``(ssl_context, shown_insecure)`` or raise :class:`PolicyError`."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise PolicyError("invalid feed URL") from None
    if not host:
        raise PolicyError("feed URL has no host")
    if parts.scheme == "wss":
        try:
            return ssl.create_default_context(cafile=ca_file), False
        except (OSError, ssl.SSLError) as exc:
            raise PolicyError(f"cannot load CA file: {exc.__class__.__name__}") from None
    if parts.scheme != "ws":
        raise PolicyError(f"unsupported URL scheme {parts.scheme!r} (use wss://)")
    if ca_file is not None:
        raise PolicyError("a CA file was given for a plain ws:// URL (use wss://)")
    if _is_loopback(host):
        return None, False
    if insecure:
        return None, True
    raise PolicyError(
        f"plain ws:// to {host} refused: use wss:// (or start with the insecure option)"
    )


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
