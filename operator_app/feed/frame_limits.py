"""Bounds on what one frame may be (PROTOCOL.md "Limits on values"), checked by the codec.

- **Size.** A frame over ``MAX_FRAME_BYTES`` (1 MiB) is a bad frame; the websocket refuses
  anything over ``HARD_FRAME_BYTES`` (16 MiB, the memory one frame may take) outright.
- **Depth.** JSON nested deeper than ``MAX_DEPTH`` is a bad frame, found before any decoding
  (``depth_ok``): no decoder recursion can be provoked.
- **Text.** U+0000 is stored as U+FFFD; a free-text value over 64 KiB (UTF-8) is cut with a
  visible marker. Either repair is reported, so the event counts as repaired.
- **Times** outside 1900-2200 (or without a zone) are invalid: the domain's ``plausible_time``.
"""

from __future__ import annotations

from typing import Any, Final

import msgspec

from operator_app.domain.records import MAX_TEXT_BYTES

MAX_FRAME_BYTES: Final = 2**20
#: the websocket's own limit: a larger frame closes the connection (1009) before it is read
HARD_FRAME_BYTES: Final = 16 * 2**20
#: real frames nest about 8 deep (a FHIR Observation with components); 64 is far above that
MAX_DEPTH: Final = 64
CUT_MARKER: Final = " […cut: {} bytes]"

_BRACKETS = frozenset(b"[]{}\"\\")
_KEEP = bytes(range(256)).translate(None, bytes(sorted(_BRACKETS)))


def frame_bytes(frame: str | bytes) -> int:
    """The frame's size in bytes (a str is measured as UTF-8 only when it could be over)."""
    if isinstance(frame, str) and len(frame) * 4 > MAX_FRAME_BYTES:
        return len(frame.encode("utf-8", "surrogatepass"))
    return len(frame)


def depth_ok(frame: str | bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether JSON nests at most ``limit`` deep (brackets inside strings do not count).

    The count of brackets bounds the depth from above, so the usual small frame is answered by
    two C-speed counts; only frames with many brackets are scanned, and then only over their
    brackets, quotes and backslashes."""
    if isinstance(frame, str):  # brackets are ASCII: count them without encoding the frame
        if frame.count("[") + frame.count("{") <= limit:
            return True
        data = frame.encode("utf-8", "surrogatepass")
    else:
        data = bytes(frame)
        if data.count(b"[") + data.count(b"{") <= limit:
            return True
    depth = 0
    in_string = escaped = False
    for byte in data.translate(None, _KEEP):
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                return False
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return True


def top_level_scalars(frame: str | bytes, keys: frozenset[str]) -> dict[str, str | int]:
    """The string or integer values of ``keys`` at the top level of a JSON object, read without
    decoding anything nested (for a frame too deep to decode: its ``type`` and ``seq`` still
    say which seq it occupied). Keys with escapes in them, and other value types, are skipped.
    """
    text = frame.decode("utf-8", "replace") if isinstance(frame, bytes) else frame
    found: dict[str, str | int] = {}
    depth, i, n = 0, 0, len(text)
    expect_key = False
    while i < n:
        ch = text[i]
        if ch == '"':
            end = _string_end(text, i)
            if depth == 1 and expect_key:
                key = text[i + 1:end]
                j = end + 1
                while j < n and text[j] in " \t\r\n:":
                    j += 1
                if key in keys and j < n:
                    value = _scalar(text, j)
                    if value is not None:
                        found[key] = value
            i = end + 1
            expect_key = False
            continue
        if ch in "[{":
            depth += 1
            expect_key = ch == "{" and depth == 1
        elif ch in "]}":
            depth -= 1
        elif ch == "," and depth == 1:
            expect_key = True
        i += 1
    return found


def _string_end(text: str, start: int) -> int:
    i = start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == '"':
            return i
        i += 1
    return len(text)


def _scalar(text: str, at: int) -> str | int | None:
    if text[at] == '"':
        end = _string_end(text, at)
        value = text[at + 1:end]
        return None if "\\" in value else value
    digits = []
    for ch in text[at:at + 20]:
        if ch.isdigit():
            digits.append(ch)
        else:
            break
    return int("".join(digits)) if digits else None


#: a frame of at most this many characters (or bytes) is under ``MAX_FRAME_BYTES`` and no text
#: decoded from it can be over ``MAX_TEXT_BYTES`` (one character is at most 4 bytes of UTF-8)
SMALL_FRAME = MAX_TEXT_BYTES // 4


def needs_repair(frame: str | bytes) -> bool:
    """Whether decoded text may hold a NUL or a value over 64 KiB (cheap: two C-speed checks)."""
    if isinstance(frame, str):
        return "\\u0000" in frame or len(frame) > SMALL_FRAME
    return b"\\u0000" in frame or len(frame) > SMALL_FRAME


def repair(record: Any) -> tuple[Any, list[str]]:
    """``record`` (a msgspec Struct) with its text made storable, and what was repaired."""
    repairs: list[str] = []
    builtins = msgspec.to_builtins(record)
    fixed = _walk(builtins, repairs)
    if not repairs:
        return record, repairs
    return msgspec.convert(fixed, type(record)), repairs


def _walk(value: Any, repairs: list[str]) -> Any:
    if isinstance(value, str):
        return _text(value, repairs)
    if isinstance(value, list):
        return [_walk(v, repairs) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, repairs) for k, v in value.items()}
    return value


def _text(value: str, repairs: list[str]) -> str:
    if "\x00" in value:
        value = value.replace("\x00", "\ufffd")
        repairs.append("NUL replaced")
    encoded = value.encode("utf-8", "surrogatepass")
    if len(encoded) > MAX_TEXT_BYTES:
        kept = encoded[:MAX_TEXT_BYTES].decode("utf-8", "ignore")
        value = kept + CUT_MARKER.format(len(encoded) - len(kept.encode()))
        repairs.append("text over 64 KiB cut")
    return value
