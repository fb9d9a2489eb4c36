"""Render the app icon (resources/icons/app.svg) into the PNG sizes of the freedesktop icon theme
spec and a Windows .ico. Run after changing the SVG; the outputs are committed.

    python installer/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "app.svg"
APP_ID = "org.operatordesk.OperatorDesk"
#: hicolor sizes (the spec's 48x48 is required; the others are used by menus, docks, tray)
SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
HICOLOR = ROOT / "installer" / "linux" / "icons" / "hicolor"
ICO = ROOT / "installer" / "windows" / "operator-app.ico"


def png_path(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"error: {SVG} is not a valid SVG", file=sys.stderr)
        return 1

    def render(size: int) -> QImage:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        return image

    for size in SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target), "PNG"):
            print(f"error: cannot write {target}", file=sys.stderr)
            return 1
    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SVG.read_bytes())
    ICO.parent.mkdir(parents=True, exist_ok=True)
    if not render(256).save(str(ICO), "ICO"):
        print(f"error: cannot write {ICO} (Qt's ico image plugin)", file=sys.stderr)
        return 1
    del app
    print(f"wrote {len(SIZES)} PNGs, the scalable SVG and {ICO.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
