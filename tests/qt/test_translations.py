"""The translation catalogues: fresh (every tr() string is in the .ts files), complete for the
Norwegian languages (bokmål is the default), placeholders kept, and actually loaded at runtime."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from operator_app import paths

pytestmark = pytest.mark.qt

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
UPDATE_SCRIPT = ROOT / ".ci" / "update_translations.py"
LANGUAGES = ("nb", "nn", "en")
FINISHED = ("nb", "nn")
PLACEHOLDER = re.compile(r"%(?:\d+|n)")

#: (context, source, disambiguation comment)
Key = tuple[str, str, str]


def _messages(ts: Path) -> dict[Key, ET.Element]:
    out: dict[Key, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            out[key] = message
    return out


def _load_update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", UPDATE_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalogues_are_fresh(tmp_path: Path) -> None:
    """A new or changed tr() string without an updated .ts file fails here."""
    written = _load_update_script().update(tmp_path)
    assert {p.name for p in written} == {f"operator_app_{lang}.ts" for lang in LANGUAGES}
    for lang in LANGUAGES:
        name = f"operator_app_{lang}.ts"
        expected = set(_messages(tmp_path / name))
        committed = set(_messages(TRANSLATIONS / name))
        assert committed == expected, (
            f"translations/{name} is out of date; run `python .ci/update_translations.py` and "
            f"translate the new entries.\n"
            f"  missing from the .ts: {sorted(expected - committed)}\n"
            f"  obsolete in the .ts: {sorted(committed - expected)}")


@pytest.mark.parametrize("lang", FINISHED)
def test_norwegian_catalogues_are_complete(lang: str) -> None:
    problems: list[str] = []
    messages = _messages(TRANSLATIONS / f"operator_app_{lang}.ts")
    assert messages
    for (context, source, _comment), message in messages.items():
        where = f"[{context}] {source!r}"
        translation = message.find("translation")
        assert translation is not None, where
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where}: {translation.get('type')}")
            continue
        if message.get("numerus") == "yes":
            texts = [form.text or "" for form in translation.findall("numerusform")]
            if len(texts) != 2:
                problems.append(f"{where}: expected 2 numerus forms, got {len(texts)}")
        else:
            texts = [translation.text or ""]
        needed = set(PLACEHOLDER.findall(source))
        for text in texts:
            if not text.strip():
                problems.append(f"{where}: empty translation")
            elif lost := needed - set(PLACEHOLDER.findall(text)):
                problems.append(f"{where}: {text!r} lacks {sorted(lost)}")
    assert not problems, f"operator_app_{lang}.ts:\n" + "\n".join(problems)


@pytest.fixture
def translated_app(qapp: Any, tmp_path: Path) -> Iterator[Any]:
    """The application with a temporary base dir (the compiled .qm goes there); afterwards
    English again, no translators left installed, the default locale and base dir restored."""
    from operator_app.ui.common import i18n

    saved_base = paths.base_dir()
    saved_locale = QLocale()
    paths.set_base_dir(tmp_path)
    try:
        yield qapp
    finally:
        i18n.install(qapp, "en")
        i18n.remove(qapp)  # the source texts again, as the other tests expect
        QLocale.setDefault(saved_locale)
        paths.set_base_dir(saved_base)


def test_bokmal_and_nynorsk_are_loaded_and_english_restores(qtbot: Any,
                                                             translated_app: Any,
                                                             tmp_path: Path) -> None:
    from operator_app.ui.common import i18n
    from operator_app.ui.triage.triage_panel import TriagePanel

    def close_button_text() -> str:
        panel = TriagePanel("anne")
        qtbot.addWidget(panel)
        return panel.close_button.text()

    def translate(context: str, text: str, n: int = -1) -> str:
        return QCoreApplication.translate(context, text, None, n)

    i18n.install(translated_app, "nb")
    assert (tmp_path / "data" / "translations" / "operator_app_nb.qm").is_file()
    assert close_button_text() == "Lukk alarm (Ctrl+Enter)"
    assert translate("DeskActions", "Handover") == "Vaktrapport"
    assert translate("CallbacksModel", "(moved %nx)", 1) == "(flyttet 1x)"
    assert translate("CallbacksModel", "(moved %nx)", 3) == "(flyttet 3x)"

    i18n.install(translated_app, "nn")
    assert close_button_text() == "Lukk alarm (Ctrl+Enter)"
    assert translate("TriagePanel", "Release (F3)") == "Slepp (F3)"
    assert translate("CallbacksView", "%n done", 1) == "1 utført"
    assert translate("CallbacksView", "%n done", 2) == "2 utførte"
    assert translate("HandoverView", "Night") == "Natt"

    i18n.install(translated_app, "en")
    assert close_button_text() == "Close alarm (Ctrl+Enter)"
    assert translate("TriagePanel", "Release (F3)") == "Release (F3)"
    # English loads its catalogue for the plural forms: never "1 alarm(s)"
    assert translate("HandoverPdf", "%n alarm(s)", 1) == "1 alarm"
    assert translate("HandoverPdf", "%n alarm(s)", 3) == "3 alarms"


def test_every_english_plural_with_an_s_in_brackets_has_its_forms() -> None:
    problems = []
    for (context, source, _c), message in _messages(TRANSLATIONS / "operator_app_en.ts").items():
        if message.get("numerus") == "yes" and "(s)" in source:
            forms = [f.text or "" for f in message.iter("numerusform")]
            if len(forms) != 2 or any("(s)" in f or not f for f in forms):
                problems.append(f"[{context}] {source!r}: {forms}")
    assert not problems, "translations/operator_app_en.ts:\n" + "\n".join(problems)
