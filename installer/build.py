"""Build Operator Desk's one-folder bundle and its versioned archive.

    pip install -e ".[build]"
    python installer/build.py            # dist/operator-app/ and dist/operator-app-VERSION-OS-ARCH.tar.gz
    dist/operator-app/operator-app --self-test

Steps: stage the sources as the installed package lays them out (resources and translations
inside ``operator_app``; the translations compiled to .qm with ``pyside6-lrelease``), run
PyInstaller on ``installer/operator-app.spec`` (its work folder ``build/pyinstaller`` is kept, so
a second build only redoes what changed), and pack ``dist/operator-app`` into an archive (.zip
on Windows, .tar.gz elsewhere). The Windows bundle is built on Windows with the same command;
``installer/windows/operator-app.nsi`` then makes its installer.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "operator-app.spec"
BUNDLE_NAME = "operator-app"


def version() -> str:
    namespace: dict[str, object] = {}
    text = (ROOT / "operator_app" / "__init__.py").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("__version__"):
            exec(line, namespace)
    return str(namespace["__version__"])


def _lrelease() -> str:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    import PySide6

    candidate = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    if candidate.exists():
        return str(candidate)
    raise SystemExit("error: pyside6-lrelease not found (it comes with PySide6)")


def stage(build: Path) -> Path:
    """build/stage: operator_app (with resources/ and translations/ inside, .qm compiled) and
    widgets, as the installed package has them."""
    target = build / "stage"
    if target.exists():
        shutil.rmtree(target)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")
    shutil.copytree(ROOT / "operator_app", target / "operator_app", ignore=ignore)
    shutil.copytree(ROOT / "widgets", target / "widgets", ignore=ignore)
    shutil.copytree(ROOT / "resources", target / "operator_app" / "resources", ignore=ignore)
    translations = target / "operator_app" / "translations"
    shutil.copytree(ROOT / "translations", translations, ignore=ignore)
    tool = _lrelease()
    for ts in sorted(translations.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.is_file():
            raise SystemExit(f"error: {ts.name} did not compile")
    return target


def freeze(staged: Path, build: Path, dist: Path) -> Path:
    env = {**os.environ, "OPERATOR_APP_STAGE": str(staged), "PYTHONPATH": str(staged)}
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(build / "pyinstaller")],
        check=True, env=env, cwd=str(ROOT))
    bundle = dist / BUNDLE_NAME
    if not bundle.is_dir():
        raise SystemExit(f"error: PyInstaller wrote no {bundle}")
    if sys.platform.startswith("linux"):  # the menu entry, icons, metainfo and install.sh
        shutil.copytree(ROOT / "installer" / "linux", bundle / "linux", dirs_exist_ok=True)
    return bundle


def archive(bundle: Path, dist: Path) -> Path:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower() or "unknown"
    stem = f"{BUNDLE_NAME}-{version()}-{system}-{machine}"
    if sys.platform == "win32":
        target = dist / f"{stem}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(bundle.rglob("*")):
                zf.write(path, Path(BUNDLE_NAME) / path.relative_to(bundle))
    else:
        target = dist / f"{stem}.tar.gz"
        with tarfile.open(target, "w:gz", compresslevel=6) as tf:
            tf.add(bundle, arcname=BUNDLE_NAME)
    return target


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build the one-folder bundle and its archive.")
    p.add_argument("--dist", default=str(ROOT / "dist"), help="output folder (default: dist/)")
    p.add_argument("--build", default=str(ROOT / "build"), help="work folder (default: build/)")
    p.add_argument("--no-archive", action="store_true", help="only the bundle folder")
    args = p.parse_args(argv)
    build, dist = Path(args.build), Path(args.dist)
    build.mkdir(parents=True, exist_ok=True)
    staged = stage(build)
    bundle = freeze(staged, build, dist)
    print(f"bundle: {bundle}")
    if not args.no_archive:
        print(f"archive: {archive(bundle, dist)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
