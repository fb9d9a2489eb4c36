"""The language setting: nb, nn, en (and locale names for them); anything else is an error that
names the choices, never a silent fallback to English."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from operator_app import paths, settings

pytestmark = pytest.mark.unit


@pytest.fixture
def base(tmp_path: Path) -> Iterator[Path]:
    paths.set_base_dir(tmp_path)
    try:
        yield tmp_path
    finally:
        paths.set_base_dir(None)


@pytest.mark.parametrize(("value", "code"), [
    ("nb", "nb"), ("nn", "nn"), ("en", "en"), ("NB", "nb"), (" nn ", "nn"),
    ("nb_NO", "nb"), ("nb-NO", "nb"), ("nb_NO.UTF-8", "nb"), ("nn_NO", "nn"),
    ("no", "nb"), ("en_GB", "en"),
])
def test_accepted_language_values(value: str, code: str) -> None:
    assert settings.language_code(value) == code


@pytest.mark.parametrize("value", ["de", "se", "", "norsk", "xx_NO"])
def test_unknown_language_names_the_choices(value: str) -> None:
    with pytest.raises(settings.UnknownLanguageError) as caught:
        settings.language_code(value)
    text = str(caught.value)
    assert repr(value) in text and "OPERATOR_APP_LANGUAGE" in text
    for choice in ("nb (norsk bokmål)", "nn (norsk nynorsk)", "en (English)"):
        assert choice in text
    assert isinstance(caught.value, settings.SettingsError) and caught.value.value == value


def test_environment_language_is_checked_on_load(base: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPERATOR_APP_LANGUAGE", "nb_NO")
    assert settings.load().language == "nb"
    monkeypatch.setenv("OPERATOR_APP_LANGUAGE", "de")
    with pytest.raises(settings.UnknownLanguageError):
        settings.load()


def test_settings_file_language_is_checked_on_load(base: Path) -> None:
    paths.settings_file().write_text(json.dumps({"language": "sv"}))
    with pytest.raises(settings.UnknownLanguageError, match="'sv'"):
        settings.load()
    assert settings.load({"language": "nn"}).language == "nn"  # a flag overrides the file
