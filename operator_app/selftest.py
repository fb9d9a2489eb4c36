"""``operator-app --self-test``: the desk proves itself, headless, in a temporary data directory.

The same composition as ``--demo`` (``app.start_demo_simulator`` and ``app.build_bridge``): the
migrations run on a fresh SQLite file, the bundled simulator serves on a loopback port, the desk
connects, the first alarm reaches the main window's queue model, it is claimed and closed through
the bridge, and the shift's handover is written as a PDF. Prints one JSON line on stdout:
``{"ok": true, "steps": [...], ...}``, exit 0; or ``{"ok": false, "failed_step": NAME, "error":
...}``, exit 1. Runs the same from the source install and from the frozen bundle (the installer's
CI step runs it there). No patient text is printed: ids and counts only.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STEP_TIMEOUT_S = 30.0


class SelfTestStepError(Exception):
    def __init__(self, step: str, error: str) -> None:
        super().__init__(f"{step}: {error}")
        self.step = step
        self.error = error


@dataclass
class _Run:
    steps: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    cleanup: list[Callable[[], object]] = field(default_factory=list)

    def step(self, name: str, action: Callable[[], Any]) -> Any:
        try:
            result = action()
        except SelfTestStepError:
            raise
        except Exception as exc:
            raise SelfTestStepError(name, f"{type(exc).__name__}: {exc}") from exc
        self.steps.append(name)
        return result


def _wait(step: str, what: str, predicate: Callable[[], Any], timeout_s: float = STEP_TIMEOUT_S) -> Any:
    """Run Qt's event loop until ``predicate()`` is truthy; its value, or a failed step."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout_s
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise SelfTestStepError(step, f"timed out after {timeout_s:.0f} s waiting for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def run_self_test(data_dir: str | None = None) -> dict[str, Any]:
    """Run every step; returns the summary (``ok`` true or false, never raises)."""
    started = time.monotonic()
    run = _Run()
    owned = None
    if data_dir is None:
        owned = tempfile.TemporaryDirectory(prefix="operator-app-selftest-")
        data_dir = owned.name
    try:
        _steps(run, Path(data_dir))
        summary: dict[str, Any] = {"ok": True, "steps": run.steps, **run.facts}
    except SelfTestStepError as failed:
        summary = {"ok": False, "failed_step": failed.step, "error": failed.error,
                   "steps": run.steps, **run.facts}
    except Exception as exc:  # between steps: named after the last step that passed
        after = run.steps[-1] if run.steps else "start"
        summary = {"ok": False, "failed_step": f"after {after}",
                   "error": f"{type(exc).__name__}: {exc}", "steps": run.steps, **run.facts}
    finally:
        for undo in reversed(run.cleanup):
            try:
                undo()
            except Exception as exc:  # cleanup must not hide the result
                run.facts.setdefault("cleanup_errors", []).append(f"{type(exc).__name__}: {exc}")
        if owned is not None:
            owned.cleanup()
    summary["seconds"] = round(time.monotonic() - started, 2)
    return summary


def _steps(run: _Run, data_dir: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from operator_app import logging_setup, paths, settings

    def use_data_dir() -> None:
        paths.set_base_dir(data_dir)
        paths.data_dir()  # made now: a directory that cannot be made fails this step
        logging_setup.setup("WARNING", to_file=True)

    run.step("data_dir", use_data_dir)
    # the same settings the demo would use, in a data directory of its own
    cfg = settings.load({"workstation_name": "self-test", "language": "en"})

    from PySide6.QtWidgets import QApplication

    from operator_app.ui.common import binding_check, i18n, qtlog

    def start_qt() -> QApplication:
        app = QApplication.instance() or QApplication(["operator-app"])
        assert isinstance(app, QApplication)
        qtlog.install()
        i18n.install(app, cfg.language)
        broken = binding_check.problem()
        if broken:
            raise RuntimeError(broken)
        return app

    run.step("qt", start_qt)

    def bundled_resources() -> None:
        from operator_app.ui.common import icons

        if icons.app_icon().isNull():
            raise RuntimeError("the app icon is missing")
        for lang in ("nb", "nn"):
            if i18n.compiled_catalogue(lang) is None:
                raise RuntimeError(f"the {lang} translation is missing")
        from PySide6.QtMultimedia import QMediaFormat

        if not QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode):
            raise RuntimeError("Qt's multimedia backend (the alarm sound's) did not load")

    run.step("resources", bundled_resources)

    from operator_app.app_desk import build_bridge, start_demo_simulator
    from operator_app.store import Store

    db_url = f"sqlite:///{paths.data_dir() / 'selftest.db'}"

    def migrate() -> Store:
        store = Store.open(db_url)  # runs the migrations to the newest schema
        run.cleanup.append(store.close)
        return store

    store: Store = run.step("migrations", migrate)

    from operator_app import app_sign_in, workstation_identity
    from operator_app.auth.sign_in import Authenticator
    from operator_app.domain.session import Session

    def sign_in() -> Session:
        """The demo's accounts and its nurse signed in, as ``--demo`` does."""
        app_sign_in.ensure_demo_accounts(store)
        workstation = workstation_identity.load_or_create(paths.data_dir())
        account, code = app_sign_in.sign_in_code(
            Authenticator(store.accounts), app_sign_in.DEMO_NURSE, app_sign_in.DEMO_PASSWORD,
            workstation)
        if account is None:
            raise RuntimeError(f"the demo nurse's sign-in was refused: {code}")
        return Session(account, workstation, cfg.workstation_name)

    session: Session = run.step("sign_in", sign_in)
    operator = session.operator

    def simulator() -> tuple[Any, str]:
        sim, token = start_demo_simulator(cfg)
        run.cleanup.append(sim.stop)
        return sim, token

    sim, token = run.step("simulator", simulator)

    from operator_app.domain.alarms import AlarmState, Outcome
    from operator_app.domain.connection import LinkState
    from operator_app.domain.grouping import GroupingRule
    from operator_app.domain.shifts import ShiftSchedule
    from operator_app.feed.config import FeedConfig

    schedule = ShiftSchedule.from_config(settings.pairs(cfg.shifts), cfg.timezone)

    def desk() -> Any:
        from operator_app.ui.shell.main_window import MainWindow

        bridge = build_bridge(store, cfg, session, FeedConfig(sim.url, token), schedule,
                              GroupingRule(cfg.group_window))
        window = MainWindow(bridge, operator, cfg.workstation_name)
        window.resize(1440, 880)
        window.show()
        bridge.start()
        run.cleanup.append(window.close)
        run.cleanup.append(bridge.stop)
        return bridge, window

    bridge, window = run.step("desk", desk)
    run.step("connect", lambda: _wait(
        "connect", "the feed connection",
        lambda: bridge.feed_client.status().state is LinkState.CONNECTED))

    model = window.queue_model
    alarm_id = run.step("first_alarm", lambda: _wait(
        "first_alarm", "an alarm in the queue model", lambda: next(iter(model.alarm_ids()), None)))
    run.facts["alarm_id"] = alarm_id
    results: dict[str, Any] = {}
    bridge.commandFinished.connect(lambda name, result: results.__setitem__(name, result))

    def command(name: str, send: Callable[[], None], stored_ok: Callable[[Any], bool]) -> None:
        send()
        result = _wait(name, f"the {name} result", lambda: results.get(name))
        if not result.ok:
            raise SelfTestStepError(name, f"refused: {result.reason}")
        stored = store.alarm(alarm_id)
        if stored is None or not stored_ok(stored):
            raise SelfTestStepError(name, "the database does not show it")

    run.step("claim", lambda: command(
        "claim", lambda: bridge.claim(alarm_id),
        lambda a: a.state is AlarmState.OPEN and a.claimed_by == operator))
    run.step("close", lambda: command(
        "close", lambda: bridge.close_alarm(alarm_id, Outcome.FALSE_ALARM, "self-test"),
        lambda a: a.state is AlarmState.CLOSED and a.closed_by == operator))
    run.step("queue_cleared", lambda: _wait(
        "queue_cleared", "the closed alarm to leave the queue",
        lambda: alarm_id not in model.alarm_ids()))

    def handover() -> None:
        from datetime import UTC, datetime

        from operator_app.ui.handover.handover_pdf import write_handover_pdf

        loaded: list[Any] = []
        bridge.handoverLoaded.connect(loaded.append)
        shift_id = str(schedule.shift_for(datetime.now(UTC)))
        bridge.load_handover(shift_id)
        h = _wait("handover_pdf", "the handover", lambda: loaded[0] if loaded else None)
        if h.figures.total < 1:
            raise SelfTestStepError("handover_pdf", "the handover counts no alarm")
        pdf = paths.data_dir() / "handover.pdf"
        pages = write_handover_pdf(h, pdf, centre=cfg.centre_name, tz=cfg.timezone)
        if pages < 1 or not pdf.read_bytes().startswith(b"%PDF"):
            raise SelfTestStepError("handover_pdf", "the PDF was not written")
        run.facts["handover_pages"] = pages
        run.facts["handover_alarms"] = h.figures.total

    run.step("handover_pdf", handover)


def main() -> int:
    summary = run_self_test()
    print(json.dumps(summary, ensure_ascii=False), flush=True)
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
