"""The workstation id: made once per data directory (0600), kept across starts, never replaced."""

from __future__ import annotations

import stat
import uuid
from pathlib import Path

import pytest

from operator_app.workstation_identity import (
    WorkstationIdError,
    load_or_create,
    workstation_id_file,
)

pytestmark = pytest.mark.unit


def test_made_on_first_start_owner_only_and_kept(tmp_path: Path) -> None:
    first = load_or_create(tmp_path / "data")
    path = workstation_id_file(tmp_path / "data")
    assert uuid.UUID(first).version == 4
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create(tmp_path / "data") == first
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_two_installations_on_one_host_have_different_ids(tmp_path: Path) -> None:
    assert load_or_create(tmp_path / "desk-1") != load_or_create(tmp_path / "desk-2")


def test_a_damaged_id_file_is_refused_with_its_path_and_left_as_it_is(tmp_path: Path) -> None:
    path = workstation_id_file(tmp_path)
    path.write_text("not-a-uuid\n", encoding="ascii")
    with pytest.raises(WorkstationIdError, match="does not hold a UUID") as info:
        load_or_create(tmp_path)
    assert str(path) in str(info.value)
    assert path.read_text(encoding="ascii") == "not-a-uuid\n"


def test_the_display_name_is_a_setting_apart_from_the_id(tmp_path: Path) -> None:
    import json

    from operator_app import paths, settings

    pytest.importorskip("PySide6", reason="operator_app.app (the flags' overrides) needs Qt")
    from operator_app.app import _overrides
    from operator_app.cli.desk_args import desk_parser

    paths.set_base_dir(tmp_path)
    try:
        # a settings file from before workstation ids: its "workstation" is the display name
        paths.settings_file().write_text(json.dumps({"workstation": "termserver-1"}))
        assert settings.load().workstation_name == "termserver-1"
        flags = desk_parser().parse_args(["--workstation", "desk 4"])
        assert settings.load(_overrides(flags)).workstation_name == "desk 4"
        assert load_or_create(paths.data_dir()) not in ("termserver-1", "desk 4")
    finally:
        paths.set_base_dir(None)
