"""Start-up: time from process start to the first painted main window, against a bare PySide6
window measured in the same run. Goal (issue 10): the desk within 2x the bare window.

Each measurement starts a fresh process and times, from just before the spawn, until the
process prints ``first-paint`` (the desk: ``OPERATOR_APP_STARTUP_PROBE=1``, see
operator_app/ui/shell/startup_probe.py; the bare window: a QWidget with the same paint hook).
The desk starts on a fresh data directory each time (its migrations included), without a feed;
``--demo`` adds the in-process simulator. The frozen bundle (dist/operator-app) is measured too
when it exists.

    python benchmarks/startup.py [--repeat 5] [--bundle dist/operator-app/operator-app] [--demo]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_RATIO = 2.0

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            print("first-paint", flush=True)
            QTimer.singleShot(0, window.close)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1440, 880)
probe = FirstPaint()
window.installEventFilter(probe)
window.show()
sys.exit(app.exec())
"""


def time_to_first_paint(command: list[str], env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "first-paint":
            elapsed = time.perf_counter() - started
            break
    else:
        proc.wait(timeout=60)
        raise SystemExit(f"error: {command[0]} ended (rc {proc.returncode}) before painting")
    proc.stdout.close()
    proc.wait(timeout=60)
    return elapsed


def desk_command(executable: list[str], data_dir: Path, demo: bool) -> list[str]:
    return [*executable, "--data-dir", str(data_dir), "--operator", "bench", "--language", "nb",
            *(["--demo"] if demo else [])]


def median_s(samples: list[float]) -> float:
    return statistics.median(samples)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--bundle", default=str(ROOT / "dist" / "operator-app" / "operator-app"))
    p.add_argument("--demo", action="store_true", help="the desk with its in-process simulator")
    args = p.parse_args()
    env = {**os.environ, "OPERATOR_APP_STARTUP_PROBE": "1"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env = {k: v for k, v in env.items() if not k.startswith("OPERATOR_APP_") or k.endswith("PROBE")}
    bundle = Path(args.bundle)
    results: dict[str, list[float]] = {"bare PySide6 window": [], "desk (source)": []}
    if bundle.exists():
        results["desk (frozen bundle)"] = []
    with tempfile.TemporaryDirectory(prefix="operator-app-startup-") as tmp:
        cwd = Path(tmp)
        for i in range(args.repeat):  # interleaved, so load on the machine hits all alike
            results["bare PySide6 window"].append(
                time_to_first_paint([sys.executable, "-c", BARE_WINDOW], env, cwd))
            results["desk (source)"].append(time_to_first_paint(
                desk_command([sys.executable, "-m", "operator_app"], cwd / f"src-{i}", args.demo),
                env, cwd))
            if bundle.exists():
                frozen_env = {k: v for k, v in env.items() if k != "PYTHONPATH"}
                results["desk (frozen bundle)"].append(time_to_first_paint(
                    desk_command([str(bundle)], cwd / f"frozen-{i}", args.demo), frozen_env, cwd))
    bare = median_s(results["bare PySide6 window"])
    print(f"time to first painted window, median of {args.repeat} (platform "
          f"{env['QT_QPA_PLATFORM']}{', demo' if args.demo else ''}):")
    for name, samples in results.items():
        med = median_s(samples)
        ratio = med / bare
        verdict = "" if name.startswith("bare") else (
            f"  ratio {ratio:.2f}x ({'within' if ratio <= GOAL_RATIO else 'over'} the "
            f"{GOAL_RATIO:.0f}x goal)")
        print(f"  {name:22s} {med * 1000:7.0f} ms (min {min(samples) * 1000:.0f}){verdict}")
    if not bundle.exists():
        print(f"  (no frozen bundle at {bundle}: python installer/build.py)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
