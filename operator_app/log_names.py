"""Names of loggers that more than one layer refers to (no imports: any layer may use it)."""

from __future__ import annotations

#: Qt's and FFmpeg's own noise (optional libraries probed, version lines): DEBUG, file only
QT_NOISE_LOGGER = "operator_app.qt.noise"
