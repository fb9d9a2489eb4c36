"""The session's private slapd (ldap_directory_server.py), shared by the directory tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ldap_directory_server import Slapd, run_slapd, run_slapd_without_tls


@pytest.fixture(scope="session")
def slapd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Slapd]:
    yield from run_slapd(tmp_path_factory)


@pytest.fixture(scope="session")
def slapd_without_tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from run_slapd_without_tls(tmp_path_factory)
