"""Start the desk, first part: settings, logging, Qt, translations, one desk per data directory,
and the start window painted at once; then ``app_desk`` (database, feed, sign-in, bridge, main
window), whose imports (SQLAlchemy, the store, pyqtgraph) take most of the start.

Only light modules are imported here: ``benchmarks/startup.py`` measures the time to the start
window's paint against a bare PySide6 window.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from operator_app import (
    logging_setup,
    paths,
    qt_platform_check,
    settings,
    workstation_identity,
)
from operator_app.domain.user_errors import ErrorKind
from operator_app.file_modes import private_umask
from operator_app.store.database_path import DatabasePathError, check_database_path
from operator_app.ui.common import binding_check, i18n, icons, qtlog
from operator_app.ui.common.user_errors import show_error
from operator_app.ui.shell import single_instance, startup_probe
from operator_app.ui.shell.start_window import StartWindow
from operator_app.ui.shell.window_geometry import DESK_SIZE, fit_to_screen

log = logging.getLogger("operator_app.app")


def _settings_error(exc: settings.SettingsError) -> None:
    """Say which setting is wrong, in bokmål (the desk's default: the language setting may be
    what is wrong), with the technical text under "Details"."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install(app, "nb")
    if isinstance(exc, settings.UnknownLanguageError):
        show_error(ErrorKind.UNKNOWN_LANGUAGE, str(exc), exc.value)
    else:
        show_error(ErrorKind.SETTINGS, str(exc))


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    keys = ("feed_url", "db_url", "workstation_name", "insecure", "ca_file", "language",
            "demo_seed", "demo_alarm_rate")
    return {k: getattr(args, k, None) for k in keys}


def run(args: argparse.Namespace) -> int:
    private_umask()
    paths.set_base_dir(args.data_dir)
    logging_setup.setup(args.log_level, json_stderr=args.log_json)
    try:
        cfg = settings.load(_overrides(args))
    except settings.SettingsError as exc:
        log.error("%s", exc)
        print(f"error: {exc}", file=sys.stderr)
        _settings_error(exc)
        return 2
    unloadable = qt_platform_check.problem()
    if unloadable:  # Qt would abort with a message that blames the wrong package
        log.critical("%s", unloadable)
        return 3
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Operator Desk")
    app.setOrganizationName("OperatorDesk")
    app.setWindowIcon(icons.app_icon())
    qtlog.install()
    i18n.install(app, cfg.language)
    broken = binding_check.problem()
    if broken:
        log.critical("%s", broken)
        QMessageBox.critical(None, "Operator Desk", broken)
        return 3

    try:  # one desk per data directory (its outbox and feed cursor)
        instance = single_instance.claim(paths.data_dir())
    except RuntimeError as exc:
        log.error("%s", exc)
        QMessageBox.critical(None, "Operator Desk", str(exc))
        return 1
    if instance is None:
        logging_setup.log_event(log, "second_start", "a desk already runs on this data directory; "
                                "it was brought to the front")
        return 0

    try:
        workstation_id = workstation_identity.load_or_create(paths.data_dir())
    except workstation_identity.WorkstationIdError as exc:
        log.error("%s", exc)
        show_error(ErrorKind.SETTINGS, str(exc))
        return 2

    demo = bool(args.demo) or cfg.feed_url == settings.DEMO_FEED
    title = "Operator Desk \u2014 DEMO" if demo else "Operator Desk"
    start = StartWindow(title, DESK_SIZE)
    fit_to_screen(start, DESK_SIZE, app.primaryScreen())  # as the main window, within the screen
    startup_probe.install_if_asked(start, startup_probe.FIRST_WINDOW, close=False)
    start.show()
    start.paint_now()
    try:
        if args.db_url or not args.demo:  # refused before anything is created
            try:  # (after the paint: the check loads SQLAlchemy's URL parser)
                check_database_path(args.db_url or cfg.effective_db_url(), must_exist=False)
            except DatabasePathError as exc:
                log.error("refused: %s", exc)
                return 2
        start.set_step(QApplication.translate("App", "Loading the desk\u2026"))
        from operator_app.app_desk import run_desk

        return run_desk(args, cfg, app, instance, workstation_id, start)
    finally:
        start.close()
        start.deleteLater()
