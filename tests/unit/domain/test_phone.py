"""Phone numbers grouped as Norwegians write them; anything else shown as given."""

from __future__ import annotations

import pytest

from operator_app.domain.phone import format_phone

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("raw", "shown"), [
    ("+4791234567", "+47 912 34 567"),  # mobile with the country code: 3-2-3
    ("91234567", "912 34 567"),
    ("412 34 567", "412 34 567"),
    ("22123456", "22 12 34 56"),  # landline: pairs
    ("0047 22 12 34 56", "+47 22 12 34 56"),
    ("+47 (22) 12-34-56", "+47 22 12 34 56"),
    ("80012345", "800 12 345"),  # free phone: 3-2-3
    ("113", "113"),  # short numbers as they are
    ("02800", "02800"),
    ("+46  8 123 456 78", "+46 8 123 456 78"),  # foreign: spacing tidied only
    ("+47 1234", "+47 1234"),  # too short to be Norwegian: as given
    ("ring datter", "ring datter"),  # not a number: never hidden
    ("", ""),
    (None, ""),
])
def test_format_phone(raw: str | None, shown: str) -> None:
    assert format_phone(raw) == shown
