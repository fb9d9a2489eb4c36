"""docs/HAZARDS.md ties each hazard to tests; a test it names must exist (renamed or deleted
tests would silently leave a mitigation unverified)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[3]
HAZARDS = ROOT / "docs" / "HAZARDS.md"
NAMED = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)`")


def _named() -> list[tuple[str, str]]:
    return NAMED.findall(HAZARDS.read_text(encoding="utf-8"))


def test_every_hazard_names_tests() -> None:
    sections = re.split(r"^## ", HAZARDS.read_text(encoding="utf-8"), flags=re.M)[1:]
    assert len(sections) >= 11
    for section in sections:
        assert NAMED.search(section), f"hazard without a test: {section.splitlines()[0]}"


@pytest.mark.parametrize(("path", "name"), _named())
def test_every_named_test_exists(path: str, name: str) -> None:
    source = ROOT / path
    assert source.exists(), f"{path} does not exist"
    assert re.search(rf"^(async )?def {name}\(", source.read_text(encoding="utf-8"), re.M), (
        f"{path} has no test {name}")
