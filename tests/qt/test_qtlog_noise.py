"""Qt's and FFmpeg's noise goes to the log file at DEBUG, off the console; the rest stays."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler, qWarning

from operator_app import logging_setup, paths
from operator_app.ui.common import qtlog

pytestmark = pytest.mark.qt


@pytest.fixture
def desk_logging(tmp_path: Path) -> Iterator[Path]:
    """The desk's own logging (console + file under tmp_path) and its Qt message handler."""
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    paths.set_base_dir(tmp_path)
    logging_setup.setup("INFO")
    previous = qtlog.install()
    try:
        yield paths.log_file()
    finally:
        qInstallMessageHandler(previous)  # type: ignore[arg-type]
        for handler in list(root.handlers):
            handler.close()
            root.removeHandler(handler)
        for handler in saved_handlers:
            root.addHandler(handler)
        root.setLevel(saved_level)
        paths.set_base_dir(None)


def test_probed_optional_libraries_are_noise_a_sound_device_is_not() -> None:
    warn = QtMsgType.QtWarningMsg
    assert qtlog.is_noise(warn, "qt.multimedia.symbolsresolver", "Couldn't load va-drm library")
    assert qtlog.is_noise(warn, "qt.multimedia.ffmpeg", "Using Qt multimedia with FFmpeg version 7")
    assert qtlog.is_noise(warn, "default", "This plugin does not support propagateSizeHints()")
    assert not qtlog.is_noise(warn, "default", "PulseAudioService: pa_context_connect() failed")
    assert not qtlog.is_noise(warn, "qt.qpa.xcb", "could not connect to display")
    assert not qtlog.is_noise(QtMsgType.QtCriticalMsg, "qt.multimedia.ffmpeg", "decoder failed")


def test_noise_is_kept_in_the_file_at_debug_and_left_off_the_console(desk_logging: Path) -> None:
    console_stream = io.StringIO()
    for handler in logging.getLogger().handlers:
        if type(handler) is logging.StreamHandler:
            handler.setStream(console_stream)
    qWarning("This plugin does not support propagateSizeHints()")
    qWarning("QSqlDatabase: a real problem")
    for handler in logging.getLogger().handlers:
        handler.flush()
    console = console_stream.getvalue()
    assert "a real problem" in console
    assert "propagateSizeHints" not in console
    text = desk_logging.read_text(encoding="utf-8")
    assert "DEBUG operator_app.qt.noise" in text and "propagateSizeHints" in text
    assert "WARNING operator_app.qt" in text and "a real problem" in text
