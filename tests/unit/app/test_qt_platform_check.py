"""Before Qt starts, the desk names the Debian packages its X11 platform plugin is missing,
instead of Qt's abort that blames libxcb-cursor0."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from operator_app import qt_platform_check as check

pytestmark = pytest.mark.unit


def test_the_check_applies_only_when_qt_will_start_its_xcb_plugin() -> None:
    assert check.uses_xcb({}, "linux")
    assert check.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not check.uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not check.uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not check.uses_xcb({}, "win32")


def test_a_missing_library_is_named_with_its_package() -> None:
    libraries = {"libc.so.6": "libc6", "libno-such-thing.so.7": "libno-such-thing7"}
    assert check.missing_libraries(libraries) == ["libno-such-thing.so.7"]
    text = check.problem({"QT_QPA_PLATFORM": "xcb"}, libraries)
    assert text is not None
    assert "libno-such-thing.so.7" in text and "apt-get install libno-such-thing7" in text
    assert check.problem({"QT_QPA_PLATFORM": "xcb"}, {"libc.so.6": "libc6"}) is None
    assert check.problem({"QT_QPA_PLATFORM": "offscreen"}, libraries) is None


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def _x11_libraries_linked(plugin: Path) -> set[str]:
    """The X11 libraries (xcb, X*, xkbcommon) ``ldd`` lists for the plugin and its Qt library,
    found or not."""
    qt_lib = plugin.parents[2] / "lib"
    linked: set[str] = set()
    for binary in (plugin, *qt_lib.glob("libQt6XcbQpa.so*")):
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            name = line.strip().partition(" => ")[0]
            if name.startswith(("libxcb", "libX", "libxkb")):
                linked.add(name)
    return linked


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None,
                    reason="ldd on Linux")
def test_the_table_covers_every_x11_library_the_installed_plugin_links() -> None:
    plugin = _xcb_plugin()
    if plugin is None:
        pytest.skip("PySide6 with its xcb plugin is not installed")
    assert _x11_libraries_linked(plugin) - set(check.XCB_PLUGIN_LIBRARIES) == set()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
@pytest.mark.skipif(importlib.util.find_spec("PySide6") is None, reason="the desk needs PySide6")
def test_the_desk_names_the_missing_packages_and_does_not_abort(tmp_path: Path) -> None:
    missing = check.missing_libraries(check.XCB_PLUGIN_LIBRARIES)
    if not missing:
        pytest.skip("every library of the xcb plugin is installed here")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "operator_app", "--data-dir", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 3, done.stderr
    for soname in missing:
        assert soname in done.stderr
        assert check.XCB_PLUGIN_LIBRARIES[soname] in done.stderr
    assert "Could not load the Qt platform plugin" not in done.stderr
