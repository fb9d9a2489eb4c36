"""Compile installer/windows/operator-app.nsi with ``makensis`` over a placeholder payload, to
prove the script is valid where the Windows bundle cannot be built (Linux CI). Exit 0 when it
compiles; the placeholder installer is written to a temporary folder and deleted.

    python installer/check_nsis.py        # needs makensis (Debian package nsis)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "installer" / "windows" / "operator-app.nsi"


def compile_placeholder(makensis: str, workdir: Path) -> subprocess.CompletedProcess[str]:
    bundle = workdir / "operator-app"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "operator-app.exe").write_bytes(b"placeholder: the Windows bundle is built on Windows\n")
    (bundle / "_internal" / "placeholder.txt").write_text("placeholder\n", encoding="utf-8")
    return subprocess.run(
        [makensis, "-V2", "-WX", f"-DVERSION={_version()}", f"-DBUNDLE={bundle}",
         f"-DOUTFILE={workdir / 'operator-app-setup.exe'}", str(SCRIPT)],
        capture_output=True, text=True, check=False)


def _version() -> str:
    for line in (ROOT / "operator_app" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    return "0.0.0"


def main() -> int:
    makensis = shutil.which("makensis")
    if makensis is None:
        print("error: makensis not found (apt-get install nsis)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="operator-app-nsis-") as tmp:
        done = compile_placeholder(makensis, Path(tmp))
        if done.returncode != 0 or not (Path(tmp) / "operator-app-setup.exe").is_file():
            print(done.stdout + done.stderr, file=sys.stderr)
            print("error: the NSIS script does not compile", file=sys.stderr)
            return 1
    print("NSIS script compiles (placeholder payload)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
