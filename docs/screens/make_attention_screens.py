"""Render the README screenshots of issue 11 points 4 and 5 (offscreen, bokmål, Oslo time):

- ``tray-icon.png``: the tray icon with the count of waiting high alarms at the sizes desktops
  use, and the tooltip and notification texts the desk asks the tray for (a desktop's own
  notification bubble cannot be captured offscreen);
- ``trends-1366x768.png`` and ``trends-1920x1080.png``: the main window with a measurement
  review selected, its trend plots under the queue; ``trend-window-*.png``: the same trends
  in their own window ("Open in own window"), as large as it opens on that screen.

    TZ=Europe/Oslo QT_QPA_PLATFORM=offscreen PYTHONPATH=. python docs/screens/make_attention_screens.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TZ", "Europe/Oslo")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "qt"))

from PySide6.QtGui import QColor, QFont, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def tray_sheet(controller: object) -> QPixmap:
    from operator_app.ui.attention.tray_badge import badge_pixmap
    from operator_app.ui.common.icons import app_icon

    base = app_icon()
    sheet = QPixmap(760, 250)
    sheet.fill(QColor("#f5f7fa"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(14)
    painter.setFont(font)
    painter.setPen(QColor("#263238"))
    x = 20
    for count in (0, 1, 3, 12, 100):
        painter.fillRect(x - 6, 14, 130, 84, QColor("#2b2f36"))  # a dark panel, like a taskbar
        px = 0
        for size in (16, 22, 32, 48):
            painter.drawPixmap(x + px, 20 + (48 - size), badge_pixmap(base, count, size))
            px += size + 4
        painter.drawText(x, 118, f"{count} venter")
        x += 146
    texts = [
        ("Verktøytips:", controller.tooltip_text(3)),  # type: ignore[attr-defined]
        ("Varsel (1 ny):", controller.notification_text(  # type: ignore[attr-defined]
            [_alarm("A-1", "fall")], 3)),
        ("Varsel (2 nye):", controller.notification_text(  # type: ignore[attr-defined]
            [_alarm("A-2", "smoke"), _alarm("A-3", "assistance_call")], 5)),
    ]
    y = 150
    for label, text in texts:
        painter.setPen(QColor("#546e7a"))
        painter.drawText(20, y, label)
        painter.setPen(QColor("#263238"))
        painter.drawText(150, y, text)
        y += 28
    painter.end()
    return sheet


def _alarm(alarm_id: str, kind: str) -> object:
    from qt_samples import make_alarm

    return make_alarm(alarm_id, kind=kind)


def main_window_with_review(size: tuple[int, int]) -> tuple[QPixmap, QPixmap]:
    from fake_bridge import FakeBridge
    from measurement_samples import copd_news2, copd_series, latest_values, measurement_rows
    from qt_samples import NOW, make_alarm, sample_alarms

    from operator_app.domain.alarms import Priority
    from operator_app.domain.series import PatientMeasurements
    from operator_app.ui.shell.main_window import MainWindow
    from widgets.alarm_sound import AlarmSound

    bridge = FakeBridge("anne")
    window = MainWindow(bridge, "anne", "RS-03", sound=AlarmSound(enabled=False),
                        now=lambda: NOW)
    window.resize(*size)
    window.show()
    window.apply_default_sizes()
    review = make_alarm("R-1", kind="measurement_review", priority=Priority.MEDIUM,
                        patient_id="P-7", patient_name="Per Olsen",
                        message="59408-5 red; 8480-6 yellow", age_s=600)
    bridge.push(*sample_alarms("anne"), review)
    window.queue_view.select_alarm("R-1")
    series = copd_series()
    bridge.measurementsLoaded.emit("P-7", PatientMeasurements(
        series, latest_values(series), measurement_rows(series), copd_news2(series)))
    window.tick(NOW)
    for _ in range(20):
        QApplication.processEvents()
    shot = window.grab()
    # the trends in their own window, as large as it opens on a screen of this size
    from operator_app.ui.measurements.trend_window import SCREEN_SHARE

    trends = window.measurements_panel.open_trend_window()
    trends.resize(int(size[0] * SCREEN_SHARE), int(size[1] * SCREEN_SHARE))
    for _ in range(20):
        QApplication.processEvents()
    trends_shot = trends.grab()
    window.close()
    return shot, trends_shot


def _this_trees_catalogue(app: QApplication, lang: str) -> None:
    """The installed package may point at another checkout's translations: load this tree's."""
    import subprocess
    import tempfile

    from PySide6.QtCore import QTranslator

    from operator_app.ui.common.i18n import _lrelease

    tool = _lrelease()
    if tool is None:
        return
    target = Path(tempfile.mkdtemp()) / f"operator_app_{lang}.qm"
    subprocess.run([tool, "-silent", str(ROOT / "translations" / f"operator_app_{lang}.ts"),
                    "-qm", str(target)], check=True)
    translator = QTranslator(app)
    if translator.load(str(target)):
        app.installTranslator(translator)


def main() -> int:
    from operator_app.ui.common import i18n

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    i18n.install(app, "nb")
    _this_trees_catalogue(app, "nb")
    from PySide6.QtWidgets import QWidget

    from operator_app.ui.attention.attention_controller import AttentionController
    from operator_app.ui.queue.queue_model import AlarmQueueModel

    holder = QWidget()
    controller = AttentionController(holder, AlarmQueueModel("anne"))
    tray_sheet(controller).save(str(OUT / "tray-icon.png"))
    for w, h in ((1366, 768), (1920, 1080)):
        shot, trends_shot = main_window_with_review((w, h))
        shot.save(str(OUT / f"trends-{w}x{h}.png"))
        trends_shot.save(str(OUT / f"trend-window-{w}x{h}.png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
