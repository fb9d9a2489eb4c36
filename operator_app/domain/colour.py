"""Traffic-light colours of home measurements and the FHIR interpretation codes that map to them.

REFERENCE.md §4 (green = all OK, yellow = beginning deterioration, red = acute deterioration)
and §5.2 (Observation.interpretation: N -> green; H/L/A -> yellow; HH/LL/AA -> red).

The colour lives in its own module because both the Observation parser (``measurements``) and
the triage rules (``triage``) need it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any


class Colour(StrEnum):
    """Ordered: ``UNKNOWN < GREEN < YELLOW < RED``; ``max()`` gives the worst.

    UNKNOWN means "no band applied" (nothing to compare with); it is below green so that a
    measurement with any assessed part takes that part's colour, and it never opens a review.
    """

    UNKNOWN = "unknown"
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Colour):
            return NotImplemented
        return self.severity < other.severity

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Colour):
            return NotImplemented
        return self.severity <= other.severity

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Colour):
            return NotImplemented
        return self.severity > other.severity

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Colour):
            return NotImplemented
        return self.severity >= other.severity


_SEVERITY = {Colour.UNKNOWN: 0, Colour.GREEN: 1, Colour.YELLOW: 2, Colour.RED: 3}


def worst(colours: Iterable[Colour | None]) -> Colour:
    """The worst colour of those given (None is skipped); UNKNOWN when there is none."""
    result = Colour.UNKNOWN
    for colour in colours:
        if colour is not None and colour > result:
            result = colour
    return result


#: Systems whose codes are read. R4 uses the terminology.hl7.org one; DSTU2/STU3 examples used
#: the v2 table 0078. A coding without a system is read too (some home platforms omit it).
INTERPRETATION_SYSTEMS = frozenset(
    {
        "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
        "http://hl7.org/fhir/v2/0078",
        "http://hl7.org/fhir/v3/ObservationInterpretation",
        "http://terminology.hl7.org/CodeSystem/v2-0078",
    }
)

#: N -> green; H/L/A -> yellow; HH/LL/AA and HU/LU (significantly high/low) -> red.
#: Codes not listed (e.g. IND, POS, text only) give no colour: they cannot lower anything.
INTERPRETATION_COLOUR: Mapping[str, Colour] = {
    "N": Colour.GREEN,
    "H": Colour.YELLOW,
    "L": Colour.YELLOW,
    "A": Colour.YELLOW,
    "HH": Colour.RED,
    "LL": Colour.RED,
    "AA": Colour.RED,
    "HU": Colour.RED,
    "LU": Colour.RED,
}


def colour_from_interpretation(interpretation: Any) -> Colour | None:
    """The worst colour named by a FHIR ``interpretation``.

    Accepts what senders send: one CodeableConcept (older FHIR, an object) or a list of them
    (R4). Anything else, or no known code, gives None.
    """
    concepts: list[Any]
    if isinstance(interpretation, dict):
        concepts = [interpretation]
    elif isinstance(interpretation, list):
        concepts = interpretation
    else:
        return None
    found: list[Colour | None] = []
    for concept in concepts:
        if not isinstance(concept, dict):
            continue
        codings = concept.get("coding")
        if not isinstance(codings, list):
            continue
        for coding in codings:
            if not isinstance(coding, dict):
                continue
            system = coding.get("system")
            code = coding.get("code")
            if not isinstance(code, str):
                continue
            if system is not None and system not in INTERPRETATION_SYSTEMS:
                continue
            found.append(INTERPRETATION_COLOUR.get(code.strip().upper()))
    if all(colour is None for colour in found):
        return None
    return worst(found)
