"""installer/: the Linux menu entry, metainfo and icons are valid and complete; the Windows
installer script compiles (over a placeholder payload)."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from operator_app import __version__

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[3]
LINUX = ROOT / "installer" / "linux"
APP_ID = "org.operatordesk.OperatorDesk"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_the_menu_entry_is_named_in_bokmal_nynorsk_and_english() -> None:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    section = entry["Desktop Entry"]
    for key in ("Name", "Comment"):
        assert section[key]
        assert section[f"{key}[nb]"] and section[f"{key}[nn]"]
        assert section[f"{key}[nb]"] != section[key]
    assert section["Icon"] == APP_ID
    assert section["Exec"] == "operator-app"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_menu_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream")
def test_the_metainfo_passes_appstreamcli_validate() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_metainfo_names_this_version() -> None:
    assert f'<release version="{__version__}"' in METAINFO.read_text(encoding="utf-8")


def test_the_icon_comes_in_every_freedesktop_size_rendered_from_the_apps_svg() -> None:
    for size in SIZES:
        png = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png) == (size, size)
    scalable = LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    # installer/make_icons.py was run after the last change of the app's SVG
    assert scalable.read_bytes() == (ROOT / "resources" / "icons" / "app.svg").read_bytes()
    ico = (ROOT / "installer" / "windows" / "operator-app.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"  # an ICO header


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian package nsis)")
def test_the_windows_installer_script_compiles_over_a_placeholder_payload() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "installer" / "check_nsis.py")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_windows_uninstaller_leaves_the_data_directory() -> None:
    script = (ROOT / "installer" / "windows" / "operator-app.nsi").read_text(encoding="utf-8")
    uninstall = script[script.index('Section "Uninstall"'):]
    commands = [line for line in uninstall.splitlines() if not line.strip().startswith(";")]
    assert not [c for c in commands if "APPDATA" in c or "$PROFILE" in c]  # no command removes it
    assert any("RMDir /r \"$INSTDIR\\_internal\"" in c for c in commands)  # the program goes
    assert "RequestExecutionLevel admin" in script and "SetShellVarContext all" in script
    assert "$SMPROGRAMS" in script
