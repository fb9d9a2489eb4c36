"""Two sections of the handover for the shift lead: the journal to VKP (what is waiting, what
failed, how old the oldest undelivered bundle is, the last error) and the shift's device
statistics (noisy devices and patients, false-alarm rates, technical share, heartbeat gaps).

Data in through ``show(stats, journal, now)``; both come with the loaded ``Handover``. The
section computes nothing: the figures are ``domain.device_stats`` and ``domain.journal``'s.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from operator_app.domain.device_stats import DeviceStats, FalseRate
from operator_app.domain.journal import JournalStatus
from operator_app.ui.common import labels
from operator_app.ui.common.time_format import format_duration
from operator_app.ui.handover.handover_widgets import MET, NOT_MET, fill_table, small_table
from widgets.plain_text_label import PlainTextLabel

DASH = "—"


def _pct(value: float | None) -> str:
    return DASH if value is None else f"{value * 100:.0f} %"


class JournalStatsSection(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journalStatsSection")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        journal_title = QLabel(self.tr("Journal to VKP"), self)
        journal_title.setObjectName("sectionHeading")
        layout.addWidget(journal_title)
        self.journal_label = PlainTextLabel(parent=self)
        self.journal_label.setObjectName("journalStatus")
        layout.addWidget(self.journal_label)
        self.journal_error = PlainTextLabel(parent=self)
        self.journal_error.setObjectName("journalLastError")
        layout.addWidget(self.journal_error)

        stats_title = QLabel(self.tr("Devices"), self)
        stats_title.setObjectName("sectionHeading")
        layout.addWidget(stats_title)
        self.stats_label = PlainTextLabel(parent=self)
        self.stats_label.setObjectName("deviceStatsSummary")
        layout.addWidget(self.stats_label)
        grid = QGridLayout()
        grid.setSpacing(6)
        self.devices_table = small_table((self.tr("Device"), self.tr("Alarms")), self)
        self.patients_table = small_table((self.tr("Patient"), self.tr("Alarms")), self)
        self.false_table = small_table(
            (self.tr("Kind"), self.tr("False alarms"), self.tr("Rate")), self)
        self.gaps_table = small_table((self.tr("Device"), self.tr("Out of contact")), self)
        for col, (title, table) in enumerate((
            (self.tr("Noisiest devices"), self.devices_table),
            (self.tr("Noisiest patients"), self.patients_table),
            (self.tr("False alarms by kind"), self.false_table),
            (self.tr("Heartbeat gaps"), self.gaps_table),
        )):
            label = QLabel(title, self)
            label.setObjectName("fieldLabel")
            grid.addWidget(label, 0, col)
            table.setMinimumHeight(130)
            grid.addWidget(table, 1, col)
        layout.addLayout(grid)
        self.show_data(None, None)

    def show_data(self, stats: DeviceStats | None, journal: JournalStatus | None,
                  now: datetime | None = None) -> None:
        self._show_journal(journal, now or datetime.now(UTC))
        self._show_stats(stats)

    def _show_journal(self, journal: JournalStatus | None, now: datetime) -> None:
        if journal is None:
            self.journal_label.setText(DASH)
            self.journal_error.setText("")
            return
        age = journal.oldest_age_s(now)
        text = self.tr("%1 waiting, %2 failed, %3 delivered; oldest undelivered: %4").replace(
            "%1", str(journal.pending)).replace("%2", str(journal.failed)).replace(
            "%3", str(journal.delivered)).replace(
            "%4", DASH if age is None else format_duration(age))
        self.journal_label.setText(text)
        colour = MET if journal.healthy else NOT_MET
        self.journal_label.setStyleSheet(f"color: {colour};")
        self.journal_error.setText("" if journal.last_error is None else self.tr(
            "Last error: %1").replace("%1", journal.last_error))
        self.journal_error.setStyleSheet(f"color: {NOT_MET};")

    def _show_stats(self, stats: DeviceStats | None) -> None:
        if stats is None:
            self.stats_label.setText(DASH)
            for table in (self.devices_table, self.patients_table, self.false_table,
                          self.gaps_table):
                fill_table(table, [])
            return
        self.stats_label.setText(self.tr(
            "False alarms: %1 of decided alarms. Technical faults: %2 of decided alarms. "
            "Technical alarms (battery, offline, tamper): %3 of all alarms.").replace(
            "%1", _pct(stats.false_rate)).replace("%2", _pct(stats.technical_fault_share))
            .replace("%3", _pct(stats.technical_kind_share)))
        fill_table(self.devices_table, [(c.key, c.alarms) for c in stats.noisy_devices])
        fill_table(self.patients_table, [(c.key, c.alarms) for c in stats.noisy_patients])
        fill_table(self.false_table, [self._rate_row(r) for r in stats.false_by_kind])
        fill_table(self.gaps_table, [
            (g.device_id or DASH, format_duration(g.seconds(stats.end))
             + ("" if g.end is not None else " " + self.tr("(ongoing)")))
            for g in stats.gaps])

    def _rate_row(self, rate: FalseRate) -> tuple[str, str, str]:
        return (labels.kind_label(rate.key), f"{rate.false_alarms}/{rate.decided}",
                _pct(rate.rate))
