"""Stable seeds for the simulator's random generators (the same on every run and platform)."""

from __future__ import annotations

import zlib


def crc(*parts: object) -> int:
    """CRC-32 of the parts' text joined by ``|``: a seed that depends only on the parts."""
    return zlib.crc32("|".join(str(p) for p in parts).encode())
