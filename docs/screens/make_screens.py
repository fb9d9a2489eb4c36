"""Make the README's screenshots from the demo: the main window (idle, claimed, a measurement
review, an escalation) and the handover window, at 1366×768 and 1920×1080, in bokmål.

Each picture is one run of ``python -m operator_app --demo`` in a fresh data directory under a
virtual X screen of that size (``xvfb-run``), staged and photographed by the desk's hidden
``--screenshot`` / ``--screenshot-stage`` flags (``operator_app/ui/shell/screenshot_stage.py``).
The window is fitted to the screen as on a real desk (a title bar's height is kept free, so a
1366×768 screen gives a 1366×736 window).

    python docs/screens/make_screens.py            # all of them, into docs/screens/
    python docs/screens/make_screens.py --only claimed --sizes 1366x768

Needs xvfb-run (apt: xvfb) and the fonts the desk uses (fonts-dejavu-core). Look at every PNG
before committing it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
STAGES = ("idle", "claimed", "review", "escalation", "handover")
SIZES = ("1366x768", "1920x1080")
#: the escalation needs overdue alarms soon after start: short answer targets for that run
SHORT_TARGETS = "high=4,medium=30,low=120,claim_reminder=900"


def file_name(stage: str, size: str) -> str:
    return f"{'handover' if stage == 'handover' else 'main-' + stage}-{size}.png"


def make(stage: str, size: str, out: Path, seconds: float) -> None:
    width, height = size.split("x")
    env = dict(os.environ, OPERATOR_APP_LANGUAGE="nb", PYTHONPATH=str(ROOT))
    if stage == "escalation":
        env["OPERATOR_APP_ANSWER_TARGETS"] = SHORT_TARGETS
    with tempfile.TemporaryDirectory(prefix="desk-screens-") as data:
        subprocess.run(
            ["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24",
             sys.executable, "-m", "operator_app", "--demo", "--data-dir", data,
             "--screenshot", str(out), "--screenshot-stage", stage,
             "--quit-after", str(seconds)],
            env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not out.is_file():
        raise SystemExit(f"no picture was written for {stage} at {size}")
    print(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=STAGES, action="append", help="these stages only")
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), metavar="WxH")
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--seconds", type=float, default=18.0,
                        help="how long each demo runs before it is photographed and closed")
    args = parser.parse_args()
    for size in args.sizes:
        for stage in args.only or STAGES:
            make(stage, size, args.out / file_name(stage, size), args.seconds)


if __name__ == "__main__":
    main()
