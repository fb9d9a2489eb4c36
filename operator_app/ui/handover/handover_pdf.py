"""The handover as a PDF for paper: Qt's own PDF writer (QPdfWriter + QPainter), A4 portrait.

Every page has a header (centre, shift with local times and zone, shift lead or "not signed
off") and a footer ("page N of M", when printed). Sections: summary with targets met / not met
in words, alarms by kind / priority / outcome, load per operator, a bar chart of alarms per
10 minutes (breaches hatched and marked with "!", flood windows marked "F": never colour alone),
callbacks, still open, notes and addenda. Long lists (still open) are cut at ``MAX_LIST`` rows
with a pointer to the CSV. Strings go through ``HandoverPdf.tr(...)`` (context "HandoverPdf", the
language installed on the application; the CLI takes ``--language``); times are shown in the
schedule's zone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from operator_app.domain.handover import DurationStats, HandoverFigures
from operator_app.domain.handover_report import Handover, open_alarm_rows
from operator_app.domain.shifts import date_span, local_dates, parse_shift_id
from operator_app.ui.common.labels import (
    kind_label,
    outcome_label,
    priority_label,
    unknown_patient_label,
)
from operator_app.ui.common.numbers import percent
from operator_app.ui.common.translation import QT_TRANSLATE_NOOP, TranslationContext, translate_from
from operator_app.ui.handover.pdf_journal_stats import add_journal_and_devices
from operator_app.ui.handover.pdf_layout import (
    Fonts,
    Row,
    kv_rows,
    paginate,
    render,
    spacer,
    table_rows,
    text_row,
)

DPI = 300
MM = DPI / 25.4
MAX_LIST = 100


class HandoverPdf(TranslationContext):
    """The translation context: ``HandoverPdf.tr("...")`` is what pyside6-lupdate extracts (a
    helper taking the text as a variable hides every string from the catalogue)."""


def shift_name(name: str) -> str:
    names = {
        "day": QT_TRANSLATE_NOOP("HandoverPdf", "Day"),
        "evening": QT_TRANSLATE_NOOP("HandoverPdf", "Evening"),
        "night": QT_TRANSLATE_NOOP("HandoverPdf", "Night"),
    }
    return translate_from("HandoverPdf", names, name, name)


def shift_human_name(h: Handover, tz: ZoneInfo) -> str:
    """``Natt 24.–25.11.2026`` / ``Dag 01.12.2026``: the shift's word and its local dates
    (``domain.shifts.date_span``), never the internal key ``2026-12-01:day``."""
    name = parse_shift_id(h.shift_id).name
    return f"{shift_name(name)} {date_span(*local_dates(h.figures.start, h.figures.end, tz))}"


def shift_label(h: Handover, tz: ZoneInfo) -> str:
    """``Natt 24.–25.11.2026, 23:00–07:00 (Europe/Oslo)``."""
    f = h.figures
    return (
        f"{shift_human_name(h, tz)}, {f.start.astimezone(tz):%H:%M}\u2013"
        f"{f.end.astimezone(tz):%H:%M} ({tz.key})"
    )


def _dur(s: float | None) -> str:
    if s is None:
        return "–"
    s = round(s)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {(s % 3600) // 60:02d} min"


def _stats(s: DurationStats) -> str:
    return HandoverPdf.tr("median {0}, 90 % within {1}, longest {2} ({3})").format(
        _dur(s.median_s), _dur(s.p90_s), _dur(s.max_s), HandoverPdf.tr("%n alarm(s)", "", s.count)
    )


def _pct(x: float | None) -> str:
    return percent(x)


def summary_pairs(f: HandoverFigures, running: bool = False) -> list[tuple[str, str]]:
    """The summary's rows; ``running``: the shift is still on (figures "so far", not "at shift
    end")."""
    out = [(HandoverPdf.tr("Alarms received"), str(f.total))]
    for a in f.answer:
        verdict = {
            None: HandoverPdf.tr("no alarms"),
            True: HandoverPdf.tr("TARGET MET"),
            False: HandoverPdf.tr("TARGET NOT MET"),
        }[a.met]
        out.append(
            (
                HandoverPdf.tr("Answered within {0} s").format(int(a.threshold_s)),
                HandoverPdf.tr("{0} ({1} of {2}); target {3}: {4}").format(
                    _pct(a.share), a.within, a.total, _pct(a.target), verdict
                ),
            )
        )
    c = f.callbacks
    out += [
        (HandoverPdf.tr("Time to claim"), _stats(f.claim)),
        (HandoverPdf.tr("Time to close"), _stats(f.close)),
        (HandoverPdf.tr("Not claimed so far") if running
         else HandoverPdf.tr("Not claimed at shift end"), str(f.unclaimed)),
        (HandoverPdf.tr("Answer-time breaches"), str(f.breaches)),
        (HandoverPdf.tr("Feed events set aside (not applied)"), str(f.feed_set_aside)),
        (
            HandoverPdf.tr("Flood windows (>10 per operator / 10 min)"),
            HandoverPdf.tr("{0} (busiest window: {1})").format(
                f.flood_buckets, HandoverPdf.tr("%n alarm(s)", "", f.max_per_bucket)
            ),
        ),
        (
            HandoverPdf.tr("Open now (the shift is still on)") if running
            else HandoverPdf.tr("Still open at shift end"),
            HandoverPdf.tr("{0} (from earlier shifts: {1})").format(
                len(f.still_open), f.still_open_from_earlier
            ),
        ),
        (
            HandoverPdf.tr("Callbacks"),
            HandoverPdf.tr("{0} done, {1} cancelled, {2} OVERDUE, {3} pending").format(
                c.done, c.cancelled, c.overdue, c.pending
            ),
        ),
        (HandoverPdf.tr("Operators on duty"), ", ".join(f.operators_on_duty) or "–"),
    ]
    return out


class _Builder:
    def __init__(self, fonts: Fonts, width: float, tz: ZoneInfo) -> None:
        self.fonts, self.width, self.tz = fonts, width, tz
        self.rows: list[Row] = []

    def h2(self, text: str) -> None:
        self.rows.append(spacer(3 * MM))
        self.rows.append(
            text_row(self.fonts, self.fonts.h2, text, self.width, pad=1.5 * MM, keep_with_next=True)
        )

    def para(self, text: str, italic: bool = False, indent: float = 0.0) -> None:
        font = self.fonts.italic if italic else self.fonts.body
        self.rows.append(text_row(self.fonts, font, text, self.width, pad=1 * MM, indent=indent))

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        right: Sequence[bool] | None = None,
    ) -> None:
        if not rows:  # say what is empty: the table's first heading stays with "None."
            self.rows.append(
                text_row(self.fonts, self.fonts.bold, headers[0], self.width, keep_with_next=True)
            )
            self.para(HandoverPdf.tr("None."), italic=True)
            return
        self.rows.extend(table_rows(self.fonts, headers, rows, widths, self.width, right))

    def time(self, t: datetime | None) -> str:
        return "–" if t is None else t.astimezone(self.tz).strftime("%d.%m %H:%M")


def _chart(fonts: Fonts, f: HandoverFigures, width: float, tz: ZoneInfo) -> Row:
    height = 62 * MM

    def paint(p: QPainter, r: QRectF) -> None:
        p.save()
        m = fonts.metrics(fonts.small)
        p.setFont(fonts.small)
        left = r.left() + m.horizontalAdvance("0000") + 2 * MM
        top = r.top() + 6 * MM
        bottom = r.bottom() - 12 * MM
        right = r.right()
        buckets = f.buckets
        peak = max(1, f.max_per_bucket)
        thin = QPen(QColor("#000000"))
        thin.setWidthF(0.25 * MM)
        p.setPen(thin)
        p.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        p.drawLine(QPointF(left, top), QPointF(left, bottom))
        for v in (0, peak // 2, peak):
            y = bottom - (bottom - top) * v / peak
            p.drawText(
                QRectF(r.left(), y - m.height() / 2, left - r.left() - 1 * MM, m.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(v),
            )
        slot = (right - left) / max(1, len(buckets))
        bar_w = slot * 0.75
        for k, b in enumerate(buckets):
            x = left + k * slot + (slot - bar_w) / 2
            h = (bottom - top) * b.alarms / peak
            p.fillRect(QRectF(x, bottom - h, bar_w, h), QColor("#8a8a8a"))
            if b.breaches:
                hb = (bottom - top) * min(b.breaches, b.alarms) / peak
                p.fillRect(QRectF(x, bottom - hb, bar_w, hb), QColor("#b00020"))
                p.fillRect(
                    QRectF(x, bottom - hb, bar_w, hb),
                    QBrush(QColor("#ffffff"), Qt.BrushStyle.BDiagPattern),
                )
                p.setPen(thin)
                p.drawText(
                    QRectF(x - slot, bottom - h - m.height(), bar_w + 2 * slot, m.height()),
                    int(Qt.AlignmentFlag.AlignCenter),
                    "!",
                )
            if b.flood:
                p.drawText(
                    QRectF(x - slot, top - m.height() - 0.5 * MM, bar_w + 2 * slot, m.height()),
                    int(Qt.AlignmentFlag.AlignCenter),
                    "F",
                )
            local = b.start.astimezone(tz)
            if (local.minute == 0 and k % 2 == 0) or k == 0:
                p.drawLine(QPointF(x + bar_w / 2, bottom), QPointF(x + bar_w / 2, bottom + 1 * MM))
                p.drawText(
                    QRectF(x + bar_w / 2 - 8 * MM, bottom + 1 * MM, 16 * MM, m.height()),
                    int(Qt.AlignmentFlag.AlignCenter),
                    local.strftime("%H:%M"),
                )
        # legend
        ly = r.bottom() - m.height()
        p.fillRect(QRectF(left, ly + 0.5 * MM, 3 * MM, 2.5 * MM), QColor("#8a8a8a"))
        lx = left + 4 * MM
        legend1 = HandoverPdf.tr("alarms per 10 minutes")
        p.drawText(QPointF(lx, ly + m.ascent()), legend1)
        lx += m.horizontalAdvance(legend1) + 5 * MM
        p.fillRect(QRectF(lx, ly + 0.5 * MM, 3 * MM, 2.5 * MM), QColor("#b00020"))
        p.fillRect(
            QRectF(lx, ly + 0.5 * MM, 3 * MM, 2.5 * MM),
            QBrush(QColor("#ffffff"), Qt.BrushStyle.BDiagPattern),
        )
        legend2 = HandoverPdf.tr("! = answer target breached (hatched part)   F = flood window")
        p.drawText(QPointF(lx + 4 * MM, ly + m.ascent()), legend2)
        p.restore()

    return Row(height, paint)


def _content(b: _Builder, h: Handover) -> None:
    f = h.figures
    fonts = b.fonts
    b.h2(HandoverPdf.tr("Summary"))
    b.rows.extend(kv_rows(fonts, summary_pairs(f, h.running), 0.34, b.width))
    b.para(
        HandoverPdf.tr(
            "Figures as of {0}. Times are measured from when the centre received the alarm."
        ).format(b.time(f.as_of)),
        italic=True,
    )
    b.h2(HandoverPdf.tr("Alarms per 10 minutes"))
    b.rows.append(_chart(fonts, f, b.width, b.tz))
    b.h2(HandoverPdf.tr("Alarms by kind, priority and outcome"))
    kinds = sorted(f.by_kind.items(), key=lambda kv: (-kv[1], kv[0]))
    b.table(
        [HandoverPdf.tr("Kind"), HandoverPdf.tr("Alarms")],
        [(kind_label(k), str(n)) for k, n in kinds],
        [0.6, 0.4],
        [False, True],
    )
    b.rows.append(spacer(2 * MM))
    b.table(
        [HandoverPdf.tr("Priority"), HandoverPdf.tr("Alarms")],
        [(priority_label(p), str(n)) for p, n in f.by_priority.items()],
        [0.6, 0.4],
        [False, True],
    )
    b.rows.append(spacer(2 * MM))
    outcomes = sorted(f.by_outcome.items(), key=lambda kv: (-kv[1], kv[0]))
    b.table(
        [HandoverPdf.tr("Outcome (closed alarms)"), HandoverPdf.tr("Alarms")],
        [(outcome_label(o) if o else HandoverPdf.tr("(none)"), str(n)) for o, n in outcomes],
        [0.6, 0.4],
        [False, True],
    )
    b.h2(HandoverPdf.tr("Load per operator"))
    b.table(
        [HandoverPdf.tr("Operator"), HandoverPdf.tr("Claimed first"), HandoverPdf.tr("Closed")],
        [(x.operator, str(x.claimed), str(x.closed)) for x in f.load],
        [0.5, 0.25, 0.25],
        [False, True, True],
    )
    b.h2(HandoverPdf.tr("Callbacks"))
    c = f.callbacks
    b.para(
        (HandoverPdf.tr("{0} done, {1} cancelled, {2} overdue, {3} pending so far.") if h.running
         else HandoverPdf.tr("{0} done, {1} cancelled, {2} overdue, {3} pending at shift end."))
        .format(c.done, c.cancelled, c.overdue, c.pending)
    )
    by_id = {cb.id: cb for cb in h.callbacks}
    overdue = [by_id[i] for i in c.overdue_ids if i in by_id]
    if overdue:
        b.para(HandoverPdf.tr("OVERDUE callbacks:"))
        b.table(
            [
                HandoverPdf.tr("Callback"),
                HandoverPdf.tr("Patient"),
                HandoverPdf.tr("Due"),
                HandoverPdf.tr("For"),
            ],
            [
                (cb.id, h.patient_names.get(cb.patient_id) or unknown_patient_label(cb.patient_id),
                 b.time(cb.due_at), cb.assignee or HandoverPdf.tr("anyone"))
                for cb in overdue
            ],
            [0.2, 0.3, 0.25, 0.25],
        )
    b.h2(HandoverPdf.tr("Handover notes"))
    if not h.notes:
        b.para(HandoverPdf.tr("No notes."), italic=True)
    for n in h.notes:
        head = f"{b.time(n.at)}  {n.operator}"
        if n.addendum:
            head = HandoverPdf.tr("ADDENDUM after sign-off — {0}").format(head)
        b.rows.append(text_row(fonts, fonts.bold, head, b.width, keep_with_next=True))
        b.para(n.text, italic=n.addendum, indent=4 * MM)
    if h.running:
        b.h2(HandoverPdf.tr("Open now, the shift is still on ({0})").format(len(f.still_open)))
    else:
        b.h2(HandoverPdf.tr("Still open at shift end ({0})").format(len(f.still_open)))
    shown = open_alarm_rows(h)[:MAX_LIST]  # most urgent first: priority, then longest waiting
    b.table(
        [
            HandoverPdf.tr("Patient"),
            HandoverPdf.tr("Kind"),
            HandoverPdf.tr("Priority"),
            HandoverPdf.tr("Waited"),
            HandoverPdf.tr("Claimed by"),
        ],
        [
            (
                r.patient_name or unknown_patient_label(r.fact.patient_id),
                kind_label(r.fact.kind),
                priority_label(r.fact.priority),
                _dur(r.age_s),
                r.claimed_by or HandoverPdf.tr("nobody"),
            )
            for r in shown
        ],
        [0.30, 0.26, 0.14, 0.14, 0.16],
    )
    if len(f.still_open) > len(shown):
        b.para(
            HandoverPdf.tr("… and {0} more (see the CSV export).").format(
                len(f.still_open) - len(shown)
            ),
            italic=True,
        )


def write_handover_pdf(
    h: Handover, path: str | os.PathLike[str], *, centre: str, tz: str = "Europe/Oslo"
) -> int:
    """Write the PDF; returns the number of pages. Needs a QGuiApplication."""
    zone = ZoneInfo(tz)
    writer = QPdfWriter(os.fspath(path))
    writer.setResolution(DPI)
    writer.setTitle(HandoverPdf.tr("Handover {0}").format(shift_human_name(h, zone)))
    writer.setCreator("Operator Desk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    page_w, page_h = 210 * MM, 297 * MM
    margin = 16 * MM
    width = page_w - 2 * margin
    painter = QPainter(writer)
    try:
        fonts = Fonts(writer)
        b = _Builder(fonts, width, zone)
        _content(b, h)
        add_journal_and_devices(b, h, datetime.now(UTC))  # pdf_journal_stats.py
        header_h = 22 * MM
        pages = paginate(b.rows, margin + header_h, page_h - margin - 8 * MM)
        label = shift_label(h, zone)
        lead = (
            HandoverPdf.tr("Shift lead: {0} (signed off {1})").format(
                h.signoff.lead, b.time(h.signoff.at)
            )
            if h.signoff
            else HandoverPdf.tr("Not signed off")
        )

        def decorate(p: QPainter, n: int, total: int) -> None:
            p.setPen(QPen(QColor("#000000")))
            p.setFont(fonts.h1)
            m1 = fonts.metrics(fonts.h1)
            p.drawText(
                QPointF(margin, margin + m1.ascent()),
                HandoverPdf.tr("Handover — {0}").format(centre),
            )
            p.setFont(fonts.body)
            mb = fonts.metrics(fonts.body)
            y2 = margin + m1.lineSpacing() + mb.ascent()
            p.drawText(QPointF(margin, y2), label)
            p.setFont(fonts.bold if h.signoff is None else fonts.body)
            p.drawText(QPointF(margin, y2 + mb.lineSpacing()), lead)
            pen = QPen(QColor("#000000"))
            pen.setWidthF(0.3 * MM)
            p.setPen(pen)
            line_y = margin + header_h - 4 * MM
            p.drawLine(QPointF(margin, line_y), QPointF(page_w - margin, line_y))
            p.setFont(fonts.small)
            ms = fonts.metrics(fonts.small)
            fy = page_h - margin - ms.descent()
            p.drawText(
                QRectF(margin, fy - ms.ascent(), width, ms.height()),
                int(Qt.AlignmentFlag.AlignRight),
                HandoverPdf.tr("Page {0} of {1}").format(n, total),
            )
            p.drawText(QPointF(margin, fy), f"{centre} · {shift_human_name(h, zone)}")

        render(painter, pages, margin, width, decorate, writer.newPage)
    finally:
        painter.end()
    return len(pages)


__all__ = ["shift_human_name", "shift_label", "summary_pairs", "write_handover_pdf"]
