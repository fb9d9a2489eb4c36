"""The build ships every package of the tree: pyproject.toml lists packages explicitly (the
top-level resources/ and translations/ are mapped into the package), so a new folder that is
not listed would be missing from an installed desk."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[3]


def _listed() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def _in_tree() -> set[str]:
    found = set()
    for top in ("operator_app", "widgets"):
        for init in (ROOT / top).rglob("__init__.py"):
            found.add(".".join(init.parent.relative_to(ROOT).parts))
    return found


def test_every_package_of_the_tree_is_built() -> None:
    missing = _in_tree() - _listed()
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"


def test_every_listed_package_exists() -> None:
    mapped = {"operator_app.resources", "operator_app.resources.icons", "operator_app.translations"}
    stale = _listed() - _in_tree() - mapped
    assert not stale, f"listed in pyproject.toml but not in the tree: {sorted(stale)}"
