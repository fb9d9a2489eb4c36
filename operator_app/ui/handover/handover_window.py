"""The handover in its own non-modal top-level window (View → Handover, Ctrl+H).

Wraps ``HandoverView`` and wires it to the bridge: ``load_handover`` for the shift shown,
``add_handover_note``, ``sign_off_handover`` and ``export_handover_csv``; refreshes on
``handoverLoaded`` and shows an exported file's path in an inline banner (and emits
``exported(kind, path)``).

The PDF is drawn here, not by the bridge: exporting a PDF asks for the shift's handover
(``load_handover``) and, when it arrives, writes it with ``write_handover_pdf`` (the centre's
name and the schedule's time zone from the bridge).

Sign-off freezes the handover, so it asks for confirmation *inline*, never in a blocking
dialog: the first click turns the button into "Confirm sign-off" (for ``CONFIRM_MS``), the
second click signs off. The alarm queue in the main window stays live the whole time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from operator_app.bridge.api import DeskApi
from operator_app.domain.accounts import Permission
from operator_app.domain.handover_report import Handover
from operator_app.domain.shifts import ShiftSchedule
from operator_app.ui.handover.handover_pdf import write_handover_pdf
from operator_app.ui.handover.handover_view import HandoverView
from widgets.inline_banner import ERROR, INFO, WARNING, InlineBanner

#: the window's size when the screen has room (else the screen's available size)
PREFERRED_SIZE = QSize(1280, 820)
#: how long the "Confirm sign-off" state lasts before the button falls back (ms)
CONFIRM_MS = 10_000


class HandoverWindow(QWidget):
    """A top-level window (``Qt.Window``) owned by the main window; never modal."""

    #: kind ("pdf" | "csv"), path: a file was written
    exported = Signal(str, str)

    def __init__(self, bridge: DeskApi, parent: QWidget | None = None, *,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("handoverWindow")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setWindowTitle(self.tr("Handover — Operator Desk"))
        self.bridge = bridge
        self._now: Callable[[], datetime] = now or (lambda: datetime.now(UTC))
        self.schedule: ShiftSchedule = bridge.schedule
        self._wanted: str | None = None  # the shift asked for last
        self._confirming: str | None = None  # shift id awaiting the second click
        self._pdf_wanted: tuple[str, str] | None = None  # (shift id, path) of a PDF to write

        self.banner = InlineBanner(self, self.tr("Dismiss"))
        self.view = HandoverView(self.schedule, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        self.resize(PREFERRED_SIZE)

        self._confirm_timer = QTimer(self)
        self._confirm_timer.setSingleShot(True)
        self._confirm_timer.setInterval(CONFIRM_MS)
        self._confirm_timer.timeout.connect(self.cancel_sign_off)
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        close.activated.connect(self.close)
        # Esc closes the window too (a half-typed note stays in its editor for next time)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.activated.connect(self.close)

        self.view.shiftChosen.connect(self.show_shift)
        self.view.noteAdded.connect(self._add_note)
        self.view.signOffRequested.connect(self._sign_off_clicked)
        self.view.exportRequested.connect(self._export)
        self.bridge.handoverLoaded.connect(self.on_handover_loaded)
        self.bridge.handoverExported.connect(self.on_exported)
        self.bridge.sessionChanged.connect(lambda _s: self._show_role())
        self._show_role()

    def _show_role(self) -> None:
        self.view.set_may_sign_off(self.bridge.session.may(Permission.SIGN_OFF))

    # -- shifts ----------------------------------------------------------------------------------
    def current_shift_id(self) -> str:
        return str(self.schedule.shift_for(self._now()))

    def show_current_shift(self) -> None:
        self.show_shift(self.current_shift_id())

    def show_shift(self, shift_id: str) -> None:
        self.cancel_sign_off()
        self._wanted = shift_id
        self.bridge.load_handover(shift_id)

    def on_handover_loaded(self, handover: Handover) -> None:
        if self._pdf_wanted is not None and self._pdf_wanted[0] == handover.shift_id:
            self._write_pdf(handover, self._pdf_wanted[1])
        if self._wanted is not None and handover.shift_id != self._wanted:
            return  # a late answer for a shift no longer shown
        notes = [(n.at, n.operator, n.text, bool(n.addendum)) for n in handover.notes]
        signoff = None if handover.signoff is None else (handover.signoff.lead,
                                                         handover.signoff.at)
        if signoff is not None:
            self.cancel_sign_off()
        self.view.set_handover(handover.shift_id, handover.figures, notes, signoff)
        self.view.journal_stats.show_data(handover.device_stats, handover.journal)
        if self._confirming is not None:
            self._show_confirm_state()

    # -- intent ----------------------------------------------------------------------------------
    def _add_note(self, shift_id: str, text: str) -> None:
        self.bridge.add_handover_note(shift_id, text)

    def _sign_off_clicked(self, shift_id: str) -> None:
        if self._confirming != shift_id:
            self._confirming = shift_id
            self._confirm_timer.start()
            self._show_confirm_state()
            self.banner.show_message(self.tr(
                "Signing off freezes the handover of this shift; later notes become addenda. "
                "Click \u201cConfirm sign-off\u201d to sign off."), WARNING, CONFIRM_MS)
            return
        self.cancel_sign_off()
        self.banner.dismiss()
        self.bridge.sign_off_handover(shift_id)

    def _show_confirm_state(self) -> None:
        button = self.view.signoff_button
        button.setText(self.tr("Confirm sign-off"))
        button.setProperty("confirming", True)

    def is_confirming(self) -> bool:
        return self._confirming is not None

    def cancel_sign_off(self) -> None:
        self._confirm_timer.stop()
        if self._confirming is None:
            return
        self._confirming = None
        button = self.view.signoff_button
        button.setText(self.tr("Sign off handover"))
        button.setProperty("confirming", False)

    def _export(self, shift_id: str, kind: str, path: str) -> None:
        if kind == "pdf":
            # drawn here from the handover as loaded (the bridge writes only CSV)
            self._pdf_wanted = (shift_id, path)
            self.bridge.load_handover(shift_id)
        else:
            self.bridge.export_handover_csv(shift_id, path)
        self.banner.show_message(self.tr("Exporting %1…").replace("%1", kind.upper()), INFO)

    def _write_pdf(self, handover: Handover, path: str) -> None:
        self._pdf_wanted = None
        write_handover_pdf(handover, path, centre=self.bridge.centre_name,
                           tz=str(self.bridge.schedule.tz))
        if not Path(path).is_file():  # QPdfWriter says nothing when it cannot write
            self.show_error(self.tr("The PDF could not be written to %1.").replace("%1", path))
            return
        self.on_exported("pdf", path)

    def on_exported(self, kind: str, path: str) -> None:
        self.banner.show_message(self.tr("Handover exported (%1): %2").replace(
            "%1", kind.upper()).replace("%2", path), INFO)
        self.exported.emit(kind, path)

    def show_error(self, text: str) -> None:
        self.banner.show_message(text, ERROR)
