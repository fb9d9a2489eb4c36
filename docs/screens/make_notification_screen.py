"""Render ``notification-1366x768.png``: the desk behind another window on a real X server with
a system tray, the moment a new high alarm arrives: the tray icon with the count, and the
notification (Qt's own balloon: this X server has no notification daemon).

Needs Xvfb and a tray host (``apt-get install trayer``):

    xvfb-run -a -s "-screen 0 1366x768x24" sh -c 'trayer --edge bottom --align right \\
        --widthtype pixel --width 120 --height 28 --SetDockType true & sleep 1; \\
        TZ=Europe/Oslo PYTHONPATH=. python docs/screens/make_notification_screen.py'
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "qt"))
sys.path.insert(0, str(OUT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    from make_attention_screens import _this_trees_catalogue

    from operator_app.ui.common import i18n, icons

    i18n.install(app, "nb")
    _this_trees_catalogue(app, "nb")
    app.setWindowIcon(icons.app_icon())
    if not QSystemTrayIcon.isSystemTrayAvailable():
        print("no system tray: start a tray host (trayer) first", file=sys.stderr)
        return 1

    from fake_bridge import FakeBridge
    from qt_samples import make_alarm, sample_alarms

    from operator_app.ui.shell.main_window import MainWindow
    from widgets.alarm_sound import AlarmSound

    now = datetime.now(UTC)
    bridge = FakeBridge("anne")
    window = MainWindow(bridge, "anne", "RS-03", sound=AlarmSound(enabled=False))
    window.resize(1300, 700)
    window.move(0, 0)
    window.show()
    bridge.push(*sample_alarms("anne", now=now))
    journal = QLabel("  Journal — another application's window in front of the desk")
    journal.setWindowTitle("Journal")
    journal.setStyleSheet("background: #fffbe6; font-size: 18px;")
    journal.resize(900, 500)
    journal.move(200, 120)

    def to_front() -> None:
        journal.show()
        journal.raise_()
        journal.activateWindow()

    def new_alarm() -> None:
        print("desk active:", window.isActiveWindow(), flush=True)
        bridge.push(make_alarm("A-NEW", kind="fall", patient_id="P-99",
                               patient_name="Kari Nordmann", now=datetime.now(UTC)))

    def shoot() -> None:
        app.primaryScreen().grabWindow(0).save(str(OUT / "notification-1366x768.png"))
        print("tray tooltip:", window.attention.tray.toolTip(), flush=True)
        app.quit()

    QTimer.singleShot(1500, to_front)
    QTimer.singleShot(3000, new_alarm)
    QTimer.singleShot(5000, shoot)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
