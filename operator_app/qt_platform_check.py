"""Before Qt starts: can its X11 platform plugin load? If not, name the Debian packages.

Without ``libxcb-icccm4`` (or another library of the xcb plugin) Qt aborts the process (rc 134)
with "Could not load the Qt platform plugin xcb", and its hint names ``libxcb-cursor0`` whatever
is missing. This check loads each library the plugin needs, by its soname, the way the dynamic
loader would, and names the packages to install. No Qt import here: it runs before Qt.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterable, Mapping

#: every library outside Qt's own that Qt's xcb plugin (``libqxcb.so`` and ``libQt6XcbQpa``)
#: links, and the Debian/Ubuntu package that provides it (tests/unit/app/test_qt_platform_check.py
#: compares this with ``ldd`` on the installed plugin, so a new PySide6 cannot add one unseen)
XCB_PLUGIN_LIBRARIES: Mapping[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}


def uses_xcb(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> bool:
    """Will Qt start its xcb plugin? (Linux, and neither another platform asked for nor a
    Wayland session, where Qt prefers its Wayland plugin.)"""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return False
    asked = env.get("QT_QPA_PLATFORM", "").strip()
    if asked:
        return asked.split(":")[0].split(";")[0] == "xcb"
    return not (env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland")


def missing_libraries(libraries: Iterable[str]) -> list[str]:
    """The sonames the dynamic loader cannot load."""
    missing = []
    for soname in libraries:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(soname)
    return missing


def problem(environ: Mapping[str, str] | None = None,
            libraries: Mapping[str, str] = XCB_PLUGIN_LIBRARIES) -> str | None:
    """A message naming the packages to install, or None when Qt's platform plugin can load."""
    if not uses_xcb(environ):
        return None
    missing = missing_libraries(libraries)
    if not missing:
        return None
    packages = sorted({libraries[soname] for soname in missing})
    return (
        "Qt's X11 platform plugin (xcb) cannot load: missing " + ", ".join(missing) + ". "
        "Install them (Debian/Ubuntu): sudo apt-get install " + " ".join(packages)
    )
