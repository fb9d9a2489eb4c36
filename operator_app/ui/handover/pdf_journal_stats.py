"""The handover PDF's two sections for the shift lead: the journal to VKP and the shift's
device statistics (the same figures as ``journal_stats_section`` shows on screen)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from operator_app.domain.handover_report import Handover
from operator_app.ui.common.labels import kind_label
from operator_app.ui.common.time_format import format_duration
from operator_app.ui.common.translation import TranslationContext

if TYPE_CHECKING:
    from operator_app.ui.handover.handover_pdf import _Builder

TOP = 10


class PdfDevices(TranslationContext):
    """The translation context of these sections."""



def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x * 100:.0f} %"


def add_journal_and_devices(b: _Builder, h: Handover, now: datetime) -> None:
    """Append both sections (nothing when the handover carries neither)."""
    if h.journal is not None:
        j = h.journal
        age = j.oldest_age_s(now)
        b.h2(PdfDevices.tr("Journal to VKP"))
        b.para(PdfDevices.tr("{0} waiting, {1} failed, {2} delivered; oldest undelivered: {3}").format(
            j.pending, j.failed, j.delivered, "–" if age is None else format_duration(age)))
        if j.last_error:
            b.para(PdfDevices.tr("Last error: {0}").format(j.last_error), italic=True)
    s = h.device_stats
    if s is None:
        return
    b.h2(PdfDevices.tr("Devices"))
    b.para(PdfDevices.tr("False alarms: {0} of decided alarms. Technical faults: {1} of decided alarms. "
              "Technical alarms (battery, offline, tamper): {2} of all alarms.").format(
        _pct(s.false_rate), _pct(s.technical_fault_share), _pct(s.technical_kind_share)))
    b.table([PdfDevices.tr("Noisiest devices"), PdfDevices.tr("Alarms")],
            [(c.key, str(c.alarms)) for c in s.noisy_devices[:TOP]], [0.7, 0.3], [False, True])
    b.table([PdfDevices.tr("False alarms by kind"), PdfDevices.tr("False alarms"), PdfDevices.tr("Rate")],
            [(kind_label(r.key), f"{r.false_alarms}/{r.decided}", _pct(r.rate))
             for r in s.false_by_kind[:TOP]], [0.5, 0.25, 0.25], [False, True, True])
    b.table([PdfDevices.tr("Heartbeat gaps"), PdfDevices.tr("Out of contact")],
            [(g.device_id or "–", format_duration(g.seconds(s.end))
              + ("" if g.end is not None else " " + PdfDevices.tr("(ongoing)"))) for g in s.gaps[:TOP]],
            [0.7, 0.3], [False, True])
