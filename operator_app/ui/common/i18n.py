"""Translations: our own catalogue (``translations/operator_app_<lang>.ts``, compiled to .qm)
plus Qt's own strings. Qt ships no bokmål ``qtbase_nb``: bokmål falls back to nynorsk for Qt's
own buttons and dialogs, deliberately (closer than English for a Norwegian reader)."""

from __future__ import annotations

import logging
import shutil
import subprocess
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from operator_app import paths

log = logging.getLogger("operator_app.i18n")

QT_BASE_FALLBACK = {"nb": "nn", "nn": "nn", "en": "en"}
_keep: list[QTranslator] = []


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    import PySide6

    candidate = Path(PySide6.__file__).parent / "lrelease"
    return str(candidate) if candidate.exists() else None


def compiled_catalogue(lang: str) -> Path | None:
    """The .qm for ``lang``: shipped next to the .ts, or compiled once into the cache."""
    folder = resources.files("operator_app.translations")
    qm = folder / f"operator_app_{lang}.qm"
    ts = folder / f"operator_app_{lang}.ts"
    if qm.is_file():
        return Path(str(qm))
    if not ts.is_file():
        return None
    cache = paths.data_dir() / "translations"
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / f"operator_app_{lang}.qm"
    source = Path(str(ts))
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    tool = _lrelease()
    if tool is None:
        log.warning("no lrelease found; user interface stays in English")
        return None
    result = subprocess.run([tool, "-silent", str(source), "-qm", str(target)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0 or not target.exists():
        log.warning("compiling %s failed: %s", source.name, result.stderr.strip())
        return None
    return target


def remove(app: QCoreApplication) -> None:
    """Take every catalogue out again: the source texts, as in tests that check them."""
    for translator in _keep:
        app.removeTranslator(translator)
    _keep.clear()


def install(app: QCoreApplication, lang: str) -> None:
    """Translate into ``lang`` ("nb", "nn", "en"): our catalogue and Qt's own strings, on any
    application object (the desk's QApplication, the handover command's QGuiApplication)."""
    remove(app)
    QLocale.setDefault(QLocale(lang if lang != "nb" else "nb_NO"))
    if lang != "en":  # Qt's own strings are English already
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_tr = QTranslator(app)
        if qt_tr.load(f"qtbase_{QT_BASE_FALLBACK.get(lang, lang)}", qt_dir):
            app.installTranslator(qt_tr)
            _keep.append(qt_tr)
    # English too: its catalogue holds the plural forms ("%n alarm(s)" -> "1 alarm", "2 alarms");
    # everything else it leaves untranslated shows the source text
    catalogue = compiled_catalogue(lang)
    if catalogue is not None:
        own = QTranslator(app)
        if own.load(str(catalogue)):
            app.installTranslator(own)
            _keep.append(own)
        else:
            log.warning("could not load %s", catalogue)
