"""Phone numbers grouped as Norwegians write them (for reading aloud and dialling by hand).

- A Norwegian number has 8 digits. Mobile numbers (first digit 4 or 9) and the special
  numbers starting with 8 (800, 815, 820 ...) are written 3-2-3: ``912 34 567``; other
  numbers (landlines) in pairs: ``22 12 34 56``.
- A country code written with the number (``+47``, ``0047``) is kept as ``+47 ``; none is
  added to a number written without one.
- Short numbers (``113``, ``1881``, ``02800``) and foreign numbers (``+46 ...``) are shown as
  given, only their spacing tidied; anything that is not a phone number is returned unchanged:
  a number is never hidden or guessed at.
"""

from __future__ import annotations

import re

_ALLOWED = re.compile(r"^\+?[0-9 ().\-]+$")


def _grouped(national: str) -> str:
    if national[0] in "489":
        return f"{national[:3]} {national[3:5]} {national[5:]}"
    return " ".join(national[i:i + 2] for i in range(0, 8, 2))


def format_phone(raw: str | None) -> str:
    """``"+4791234567"`` -> ``"+47 912 34 567"``; ``"22123456"`` -> ``"22 12 34 56"``."""
    if raw is None:
        return ""
    text = raw.strip()
    if not text or not _ALLOWED.match(text):
        return raw
    digits = re.sub(r"\D", "", text)
    plus = text.startswith("+")
    if plus and digits.startswith("47") and len(digits) == 10:
        return "+47 " + _grouped(digits[2:])
    if not plus and digits.startswith("0047") and len(digits) == 12:
        return "+47 " + _grouped(digits[4:])
    if not plus and len(digits) == 8 and digits[0] != "0":
        return _grouped(digits)
    return " ".join(text.split())  # short, foreign or unusual: as given, spacing tidied
