"""``FeedConfig``: where the desk's feed is and how to reach it, as one value."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class FeedConfig:
    url: str
    token: str = field(repr=False)  # a secret: never in a repr or a log line
    #: allow ws:// to a non-loopback host (the window shows it for the whole session)
    insecure: bool = False
    #: CA bundle for verifying the feed's TLS certificate (None: the system's)
    ca_file: str | None = None
