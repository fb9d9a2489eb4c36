"""SCAIP ``<mrq>`` requests in, ``<mrs>`` responses out (SS 91100; field list in
``/work/shared/REFERENCE.md`` §2).

Devices send fields in any order, with optional fields absent and numeric codes short or
zero-padded (``<dty>2</dty>`` and ``<dty>0002</dty>`` are the same device type): codes are
normalised to their padded width (``dty``/``stc`` 4, ``dco``/``lco`` 3). The XML is parsed with
``defusedxml`` (no entities, no external references). What cannot be taken is a
``ScaipError`` carrying the ``snu`` to answer: 2 invalid format (not XML, not an ``<mrq>``),
3 wrong data content (a field that breaks its format), 7 a mandatory tag missing (``ref``,
``cid``, ``dty``). A missing ``mty`` is taken as ``ME``, an alarm: a device that says less is
still heard. Devices in the field send wider values than SS 91100's table (a 12-character MAC
address as ``did``, a ``+`` before ``cid``, ``-`` in ``ref``): these are taken (``ref`` up to
32 of ``[0-9A-Za-z._-]``, ``cid`` an optional ``+`` and up to 20 digits, ``did`` up to 32
characters), since refusing them would refuse an alarm over a formality.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

SNU_OK = 0
SNU_INVALID_FORMAT = 2
SNU_WRONG_CONTENT = 3
SNU_NOT_TREATED = 5
SNU_MANDATORY_MISSING = 7

MESSAGE_TYPES = ("ME", "RE", "IN", "PI")
MANDATORY = ("ref", "cid", "dty")
#: field -> (pattern, zero-padded width or 0)
_CODES: dict[str, tuple[re.Pattern[str], int]] = {
    "ref": (re.compile(r"[0-9A-Za-z._-]{1,32}"), 0),
    "cid": (re.compile(r"\+?[0-9]{1,20}"), 0),
    "dty": (re.compile(r"[0-9]{1,4}"), 4),
    "stc": (re.compile(r"[0-9]{1,4}"), 4),
    "dco": (re.compile(r"[0-9]{1,3}"), 3),
    "lco": (re.compile(r"[0-9]{1,3}"), 3),
    "did": (re.compile(r"[^\x00-\x1f]{1,32}"), 0),
    "pri": (re.compile(r"[0-9]"), 0),
}
#: free text is kept, cut to this many characters
_TEXT_LIMIT = 256


class ScaipError(ValueError):
    def __init__(self, snu: int, reason: str, ref: str | None = None) -> None:
        super().__init__(reason)
        self.snu = snu
        self.reason = reason
        self.ref = ref


@dataclass(frozen=True)
class Geo:
    lat: float
    lon: float


@dataclass(frozen=True)
class ScaipRequest:
    """One ``<mrq>``: ``fields`` holds every simple field by tag, normalised."""

    fields: dict[str, str]
    geo: Geo | None = None
    geo_time: str | None = None

    def get(self, tag: str) -> str | None:
        return self.fields.get(tag)

    @property
    def ref(self) -> str:
        return self.fields["ref"]

    @property
    def cid(self) -> str:
        return self.fields["cid"]

    @property
    def dty(self) -> str:
        return self.fields["dty"]

    @property
    def mty(self) -> str:
        return self.fields.get("mty", "ME")

    def digest(self) -> str:
        """What the message says (all but its ref): a repeated ref with another digest is a
        new message, never taken for a repeat."""
        parts = sorted((k, v) for k, v in self.fields.items() if k != "ref")
        parts.append(("geo", repr(self.geo)))
        return hashlib.sha256(repr(parts).encode()).hexdigest()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _geo(element: Element) -> tuple[Geo | None, str | None]:
    children = {_local(child.tag): (child.text or "").strip() for child in element}
    text = children.get("geo") or ("" if children else (element.text or "").strip())
    geo = None
    if text:
        lat_s, sep, lon_s = text.replace(";", ",").partition(",")
        try:
            lat, lon = float(lat_s), float(lon_s)
        except ValueError:
            lat = lon = float("nan")
        if not sep or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ScaipError(SNU_WRONG_CONTENT, "lge/geo is not 'lat,lon' in WGS84")
        geo = Geo(lat, lon)
    return geo, children.get("tim") or None


def parse_mrq(body: bytes) -> ScaipRequest:
    """The ``<mrq>`` in ``body``, or ``ScaipError`` with the ``snu`` to answer."""
    try:
        root = ElementTree.fromstring(body, forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as exc:
        raise ScaipError(SNU_INVALID_FORMAT, f"not readable XML ({type(exc).__name__})") from None
    if _local(root.tag) != "mrq":
        raise ScaipError(SNU_INVALID_FORMAT, f"root is <{_local(root.tag)}>, not <mrq>")
    fields: dict[str, str] = {}
    geo: Geo | None = None
    geo_time: str | None = None
    for child in root:
        tag = _local(child.tag)
        if tag == "lge":
            geo, geo_time = _geo(child)
            continue
        if tag not in fields:  # the first of a repeated tag counts
            fields[tag] = (child.text or "").strip()
    ref = fields.get("ref") or None
    ref = ref if ref and _CODES["ref"][0].fullmatch(ref) else None
    for tag in MANDATORY:
        if not fields.get(tag):
            raise ScaipError(SNU_MANDATORY_MISSING, f"<{tag}> is missing", ref)
    for tag, (pattern, width) in _CODES.items():
        value = fields.get(tag)
        if value is None or (value == "" and tag not in MANDATORY):
            fields.pop(tag, None)
            continue
        if not pattern.fullmatch(value):
            raise ScaipError(SNU_WRONG_CONTENT, f"<{tag}> breaks its format", ref)
        if width:
            fields[tag] = value.zfill(width)
    mty = fields.get("mty", "").upper() or "ME"
    if mty not in MESSAGE_TYPES:
        raise ScaipError(SNU_WRONG_CONTENT, "<mty> is not ME, RE, IN or PI", ref)
    fields["mty"] = mty
    for tag, value in list(fields.items()):
        fields[tag] = value.replace("\x00", "\ufffd")[:_TEXT_LIMIT]
    return ScaipRequest(fields, geo, geo_time)


def mrs(ref: str | None, snu: int, *, text: str | None = None, hbi: str | None = None) -> bytes:
    """An ``<mrs>`` echoing ``ref`` with status number ``snu``."""
    parts = [f"<ref>{escape(ref or '')}</ref>", f"<snu>{snu}</snu>"]
    if text:
        parts.append(f"<ste>{escape(text[:32])}</ste>")
    if hbi:
        parts.append(f"<hbi>{escape(hbi)}</hbi>")
    return ('<?xml version="1.0" encoding="UTF-8"?><mrs>' + "".join(parts) + "</mrs>").encode()
