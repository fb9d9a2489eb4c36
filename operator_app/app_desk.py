"""Start the desk, second part (after ``app``'s start window is painted): the demo feed or the
feed's token, the database, the sign-in, the bridge and the main window; then Qt's loop until the
window closes, and an orderly shutdown."""

from __future__ import annotations

import argparse
import logging
import secrets
import signal
import time
from typing import Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit

from operator_app import app_sign_in, credentials, logging_setup, paths, runtime_policy, settings
from operator_app.auth.sign_in import Authenticator
from operator_app.bridge.desk_bridge import DeskBridge
from operator_app.bridge.outbox import Outbox
from operator_app.db_errors import safe_text
from operator_app.db_password import connect_url
from operator_app.domain.accounts import Account, AccountError
from operator_app.domain.session import Session
from operator_app.domain.user_errors import ErrorKind, database_error_kind
from operator_app.feed.config import FeedConfig
from operator_app.journal import configured as journal_delivery
from operator_app.store import Store
from operator_app.ui.common.user_errors import show_error
from operator_app.ui.session.sign_in_dialog import SignInDialog
from operator_app.ui.shell import single_instance, startup_probe
from operator_app.ui.shell.start_window import StartWindow
from widgets.inline_banner import WARNING

log = logging.getLogger("operator_app.app")
#: after the main window stands, the start-up heap is collected once and frozen (runtime_policy)
SETTLE_AFTER_MS = 500


def database_error_detail(exc: BaseException, db_url: str) -> str:
    """The "Details" of a database that did not open: the error's classes (``safe_text``, never
    the values it failed on) and the URL (settings hold no password: ``refuse_password``)."""
    return f"{safe_text(exc)}\n{db_url}"


def _feed_token(cfg: settings.Settings, token_file: str | None) -> str | None:
    """Token from --token-file, else the keyring, else asked (and offered to the keyring)."""
    if token_file:
        return credentials.read_token_file(token_file)
    try:
        token = credentials.get_secret("feed", cfg.feed_url)
    except credentials.CredentialError as exc:
        log.warning("%s; the token will be asked for each start", exc)
        token = None
    if token:
        return token
    text, ok = QInputDialog.getText(
        None,
        QApplication.translate("App", "Feed token"),
        QApplication.translate("App", "Token for the feed %1:").replace("%1", cfg.feed_url),
        QLineEdit.EchoMode.Password,
    )
    if not ok or not text.strip():
        return None
    try:
        credentials.set_secret("feed", cfg.feed_url, text.strip())
    except credentials.CredentialError as exc:
        log.warning("token not remembered: %s", exc)
    return text.strip()


def _seed_demo_alarms(server: Any, count: int = 6) -> None:
    """Runs on the simulator's loop: inject a few recent alarms before the desk connects, and a
    burst from one home (base unit offline, then the door, then a fall): one queue row, led by
    the fall."""
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    for _ in range(count):
        server.inject("alarm.raised", server.scenario.next_alarm(now))
    first = server.scenario.next_alarm(now - timedelta(seconds=90), "device_offline")
    server.inject("alarm.raised", first)
    for kind, ago in (("door_open", 60), ("fall", 20)):
        server.inject("alarm.raised", server.scenario.next_alarm(
            now - timedelta(seconds=ago), kind, first["patient_id"]))


def start_demo_simulator(cfg: settings.Settings) -> tuple[Any, str]:
    """The demo's feed: the bundled simulator on a loopback port, a fresh token, and a few
    alarms already waiting (shared by ``--demo`` and ``--self-test``). Returns (thread, token)."""
    from operator_app.feed.simulator.runner import SimulatorThread
    from operator_app.feed.simulator.scenario import Scenario

    token = secrets.token_urlsafe(24)
    simulator = SimulatorThread(
        token=token,
        # a fresh run id: the demo database persists, and alarm ids must not repeat across runs
        scenario=Scenario(seed=cfg.demo_seed, run_id=f"{cfg.demo_seed}-{time.strftime('%Y%m%d%H%M%S')}"),
        heartbeat_s=5.0,
        alarm_rate_per_min=cfg.demo_alarm_rate,
        measurement_rate_per_min=cfg.demo_measurement_rate,
        history_days=30,
    ).start()
    # a few alarms already waiting, so the demo shows a working queue at once
    simulator.call(_seed_demo_alarms, simulator.server)
    return simulator, token


def build_bridge(store: Store, cfg: settings.Settings, session: Session, feed: FeedConfig | None,
                 schedule: Any, grouping: Any, auth: Authenticator | None = None) -> DeskBridge:
    """The bridge of this desk (shared by the desk and ``--self-test``)."""
    return DeskBridge(store, session, feed, outbox=Outbox(paths.outbox_file()), schedule=schedule,
                      centre_name=cfg.centre_name, grouping=grouping, authenticator=auth)


def _sign_in(args: argparse.Namespace, cfg: settings.Settings, store: Store, auth: Authenticator,
             demo_db: bool, workstation: str) -> Account | None:
    """The account at this desk (see ``app_sign_in``); None: nobody signed in, do not start."""
    if demo_db and not args.account:
        app_sign_in.ensure_demo_accounts(store)
        account, code = app_sign_in.sign_in_code(
            auth, app_sign_in.DEMO_NURSE, app_sign_in.DEMO_PASSWORD, workstation)
        logging_setup.log_event(log, "demo_signed_in", "demo: the demo nurse is signed in",
                                ok=account is not None, code=code or None)
        return account
    if args.account and args.password_file:
        return app_sign_in.unattended(args, auth, workstation)

    def check(username: str, password: str) -> str | None:
        account, code = app_sign_in.sign_in_code(auth, username, password, workstation)
        signed[0] = account
        return None if account is not None else code

    signed: list[Account | None] = [None]
    dialog = SignInDialog(check, cfg.centre_name)
    if args.account:
        dialog.username.setText(args.account)
        dialog.password.setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        log.info("sign-in cancelled; not starting")
        return None
    return signed[0]


def run_desk(args: argparse.Namespace, cfg: settings.Settings, app: QApplication,
             instance: single_instance.DeskInstance, workstation_id: str, start: StartWindow) -> int:
    """From the start window to a closed desk; the exit code."""
    simulator = None
    demo = bool(args.demo) or cfg.feed_url == settings.DEMO_FEED
    feed_url: str | None = cfg.feed_url or None
    token: str | None = None
    db_url = cfg.effective_db_url()
    if demo:
        simulator, token = start_demo_simulator(cfg)
        feed_url = simulator.url
        if not args.db_url:
            db_url = f"sqlite:///{paths.data_dir() / 'demo.db'}"
        logging_setup.log_event(log, "demo_started", f"demo feed at {feed_url}", url=feed_url)
    elif feed_url and feed_url != settings.DEMO_FEED:
        try:
            token = _feed_token(cfg, args.token_file)
        except credentials.CredentialError as exc:
            log.error("feed token: %s", exc)
            show_error(ErrorKind.TOKEN_FILE, str(exc))
            return 2
    else:
        feed_url = None

    start.set_step(QApplication.translate("App", "Opening the database\u2026"))
    try:
        store = Store.open(connect_url(db_url))
    except Exception as exc:
        log.exception("cannot open the database %s", db_url)
        show_error(database_error_kind(exc), database_error_detail(exc, db_url))
        if simulator is not None:
            simulator.stop()
        return 1

    if simulator is not None:
        # the demo replays its window (30 days of measurements) into a fresh demo database
        store.start_stream_at(f"{workstation_id}@{feed_url}", simulator.server.stream, 0)

    from operator_app.domain.escalation import AnswerTargets
    from operator_app.domain.grouping import GroupingRule
    from operator_app.domain.shifts import ShiftSchedule
    from operator_app.ui.shell.main_window import MainWindow
    from operator_app.ui.shell.window_geometry import WINDOWS_FILE, WindowMemory
    from widgets.alarm_sound import AlarmSound

    try:
        schedule = ShiftSchedule.from_config(settings.pairs(cfg.shifts), cfg.timezone)
        targets = AnswerTargets.from_config(
            {k: float(v) for k, v in settings.pairs(cfg.answer_targets).items()})
        grouping = GroupingRule(cfg.group_window)
    except (ValueError, KeyError) as exc:  # ZoneInfoNotFoundError is a KeyError
        log.error("invalid shift or answer-target settings: %s", exc)
        show_error(ErrorKind.SETTINGS, str(exc))
        store.close()
        if simulator is not None:
            simulator.stop()
        return 2

    try:
        auth = app_sign_in.authenticator(store, cfg)
    except AccountError as exc:
        log.error("directory settings: %s", exc)
        show_error(ErrorKind.SETTINGS, str(exc))
        store.close()
        if simulator is not None:
            simulator.stop()
        return 2
    demo_db = demo and not args.db_url
    start.set_step(QApplication.translate("App", "Signing in\u2026"))
    account = _sign_in(args, cfg, store, auth, demo_db, workstation_id)
    if account is None:
        store.close()
        if simulator is not None:
            simulator.stop()
        return 2

    feed = (FeedConfig(feed_url, token or "", insecure=cfg.insecure, ca_file=cfg.ca_file or None)
            if feed_url else None)
    bridge = build_bridge(store, cfg, Session(account, workstation_id, cfg.workstation_name),
                          feed, schedule, grouping, auth)
    logging_setup.on_background_error(lambda text: bridge.errorRaised.emit(text))
    window = MainWindow(bridge, account.username, cfg.workstation_name, sound=AlarmSound(),
                        targets=targets, lock_after_s=cfg.lock_after, demo=demo,
                        memory=WindowMemory(paths.config_dir() / WINDOWS_FILE),
                        allow_several_claims=cfg.allow_several_claims)
    if demo_db:
        window.show_message(QApplication.translate(
            "App", "Demo: signed in automatically as the demo nurse \u201c%1\u201d. The demo shift "
            "lead is \u201c%2\u201d (password %3), e.g. to sign off the handover from the lock "
            "screen (Ctrl+Alt+L).").replace("%1", app_sign_in.DEMO_NURSE)
            .replace("%2", app_sign_in.DEMO_LEAD).replace("%3", app_sign_in.DEMO_PASSWORD), WARNING)
    window.place_on_screen(app.primaryScreen())
    instance.on_raise_request(single_instance.bring_to_front(window))
    startup_probe.install_if_asked(window)
    window.show()
    start.close()
    runtime_policy.favour_the_screen()  # before the feed's and the store's threads run
    bridge.start()
    # once the window stands and has painted: later full collections stay short (issue 13)
    QTimer.singleShot(SETTLE_AFTER_MS, runtime_policy.settle_after_start)
    # the journal's network runs on a thread of its own, never on the GUI thread
    journal = journal_delivery.start_for_desk(store.journal, cfg, workstation_id)
    if journal is not None:  # a close or a finished callback: deliver now, not on the next poll
        bridge.commandFinished.connect(lambda *_: journal.wake())
        bridge.callbacksLoaded.connect(lambda *_: journal.wake())
    logging_setup.log_event(log, "desk_started", "desk started", demo_account=demo_db,
                            feed=bool(feed_url), database=db_url.split(":", 1)[0])

    # SIGTERM/SIGINT close the window like the operator would (stores are closed cleanly);
    # the timer lets Python run its signal handlers while Qt's loop is in control.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: window.close())
    wake = QTimer(window)
    wake.timeout.connect(lambda: None)
    wake.start(250)

    if args.screenshot:
        # for documentation (docs/screens/make_screens.py): stage a state, then photograph it
        from operator_app.ui.shell import screenshot_stage

        shot_at = int((args.quit_after or 6) * 1000) - 500
        name = args.screenshot_stage
        QTimer.singleShot(max(0, shot_at - 6000), lambda: screenshot_stage.stage(window, name))
        QTimer.singleShot(shot_at, lambda: screenshot_stage.subject(window, name).grab().save(
            args.screenshot))
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), window.close)

    try:
        code = app.exec()
    finally:
        bridge.stop()
        if journal is not None:
            journal.stop()
        if simulator is not None:
            simulator.stop()
        store.close()
        # destroy Qt objects now, in order, not at interpreter finalization (where PySide6
        # may tear down wrappers in an order that crashes)
        wake.stop()
        shiboken6.delete(window)
        shiboken6.delete(bridge)
        instance.release()
        logging_setup.log_event(log, "desk_stopped", "desk stopped")
    return int(code)
