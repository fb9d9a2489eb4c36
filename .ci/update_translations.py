"""Refresh translations/operator_app_{nb,nn,en}.ts from the sources (pyside6-lupdate).

lupdate pointed at a folder finds nothing and marks every entry obsolete, so it gets the list of
files. Run after changing user-visible strings; tests/qt/test_translations.py checks freshness.

    python .ci/update_translations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("nb", "nn", "en")


def source_files() -> list[Path]:
    files = sorted((ROOT / "operator_app").rglob("*.py")) + sorted((ROOT / "widgets").rglob("*.py"))
    return [f for f in files if "translate(" in f.read_text(encoding="utf-8")
            or ".tr(" in f.read_text(encoding="utf-8")]


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate")
    if found:
        return found
    import PySide6

    return str(Path(PySide6.__file__).parent / "lupdate")


def update(target_dir: Path, languages: tuple[str, ...] = LANGUAGES) -> list[Path]:
    files = [str(f) for f in source_files()]
    written = []
    for lang in languages:
        ts = target_dir / f"operator_app_{lang}.ts"
        subprocess.run([lupdate(), "-silent", "-no-obsolete", "-locations", "none",
                        "-target-language", {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}[lang],
                        *files, "-ts", str(ts)], check=True)
        written.append(ts)
    return written


if __name__ == "__main__":
    for path in update(ROOT / "translations"):
        print(f"updated {path.relative_to(ROOT)}")
    sys.exit(0)
