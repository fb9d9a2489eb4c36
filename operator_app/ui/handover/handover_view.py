"""The handover view for one shift: figures, chart, notes, sign-off and export.

Data in through ``set_handover(shift_id, figures, notes, signoff)``; intent out through signals
(``shiftChosen``, ``noteAdded``, ``signOffRequested``, ``exportRequested``). The view computes
nothing itself: ``figures`` is ``domain.handover.HandoverFigures``.

Targets are shown as words *and* colour ("met" / "not met"). After sign-off the handover is
frozen: the banner says who signed and when, Sign off is disabled, and further notes are
addenda (``Add addendum``), listed with "Addendum after sign-off".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from operator_app.domain.handover import AnswerShare, DurationStats, HandoverFigures
from operator_app.domain.shifts import DEFAULT_SCHEDULE, ShiftId, ShiftSchedule
from operator_app.ui.common import labels
from operator_app.ui.common.numbers import percent
from operator_app.ui.common.time_format import format_duration
from operator_app.ui.handover.handover_chart import HandoverChart
from operator_app.ui.handover.handover_widgets import (
    MET,
    MUTED,
    NOT_MET,
    SummaryCard,
    fill_table,
    small_table,
)
from operator_app.ui.handover.journal_stats_section import JournalStatsSection
from widgets.plain_text_label import PlainTextLabel

#: (at, operator, text, addendum)
Note = tuple[datetime, str, str, bool]
#: (lead, at)
SignOff = tuple[str, datetime]

DASH = "—"


def _dur(value: float | None) -> str:
    return DASH if value is None else format_duration(value)


def _local_hm(at: datetime, tz: tzinfo | None = None) -> str:
    return at.astimezone(tz).strftime("%H:%M")


class HandoverView(QWidget):
    shiftChosen = Signal(str)
    #: shift id, note text
    noteAdded = Signal(str, str)
    signOffRequested = Signal(str)
    #: shift id, "pdf" | "csv", path
    exportRequested = Signal(str, str, str)

    def __init__(self, schedule: ShiftSchedule = DEFAULT_SCHEDULE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._may_sign_off = True
        self.setObjectName("handoverView")
        self.setAccessibleName(self.tr("Handover"))
        self._schedule = schedule
        #: times are shown in the schedule's zone (the shift's own wall clock)
        self._tz = schedule.tz
        self._shift: ShiftId | None = None
        self._figures: HandoverFigures | None = None
        self._signoff: SignOff | None = None
        self._updating = False
        #: asks for a file path to export to; replaceable (tests): (kind, suggested) -> path
        self.path_provider: Callable[[str, str], str] = self._ask_path

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(6)
        outer.addLayout(self._build_top_bar())

        self.signoff_label = PlainTextLabel(parent=self)
        self.signoff_label.setObjectName("signoffBanner")
        outer.addWidget(self.signoff_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        scroll = QScrollArea(splitter)
        scroll.setAccessibleName(self.tr("Handover figures"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        scroll.setWidget(body)
        self._build_body(body)
        splitter.addWidget(scroll)
        splitter.addWidget(self._build_notes(splitter))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 360])
        outer.addWidget(splitter, 1)
        self._show_signoff()
        self._show_figures()

    # --- building --------------------------------------------------------------------------

    def _build_top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        heading = QLabel(self.tr("Handover"), self)
        heading.setObjectName("sectionHeading")
        bar.addWidget(heading)
        self.prev_button = QToolButton(self)
        self.prev_button.setText(self.tr("◀ Previous shift"))
        self.prev_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.date_edit.setAccessibleName(self.tr("Shift date"))
        self.name_combo = QComboBox(self)
        self.name_combo.setAccessibleName(self.tr("Shift"))
        for name in self._schedule.names:
            self.name_combo.addItem(self.shift_word(name), name)
        self.next_button = QToolButton(self)
        self.next_button.setText(self.tr("Next shift ▶"))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.date_edit.dateChanged.connect(lambda _d: self._picked())
        self.name_combo.currentIndexChanged.connect(lambda _i: self._picked())
        for w in (self.prev_button, self.date_edit, self.name_combo, self.next_button):
            bar.addWidget(w)
        self.period_label = PlainTextLabel(parent=self, wrap=False)
        self.period_label.setObjectName("shiftPeriod")
        self.period_label.setStyleSheet(f"color: {MUTED};")
        bar.addWidget(self.period_label)
        bar.addStretch(1)
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))
        bar.addWidget(self.csv_button)
        bar.addWidget(self.pdf_button)
        return bar

    def _build_body(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(8)
        grid = QGridLayout()
        grid.setSpacing(6)
        self.cards: dict[str, SummaryCard] = {}
        for i, (key, title) in enumerate((
            ("alarms", self.tr("Alarms")),
            ("claim", self.tr("Time to claim (median)")),
            ("share60", self.tr("Claimed within 60 s")),
            ("share180", self.tr("Claimed within 180 s")),
            ("close", self.tr("Time to close (median)")),
            ("callbacks", self.tr("Callbacks")),
            ("open", self.tr("Still open")),
            ("load", self.tr("Load")),
        )):
            card = SummaryCard(title, body)
            self.cards[key] = card
            grid.addWidget(card, i // 4, i % 4)
        layout.addLayout(grid)

        chart_title = QLabel(self.tr("Alarms per 10 minutes"), body)
        chart_title.setObjectName("sectionHeading")
        layout.addWidget(chart_title)
        self.chart = HandoverChart(body, tz=self._tz)
        self.chart.setMinimumHeight(210)
        layout.addWidget(self.chart)
        self.flood_label = PlainTextLabel(parent=body)
        self.flood_label.setObjectName("floodPeriods")
        layout.addWidget(self.flood_label)

        tables = QGridLayout()
        tables.setSpacing(6)
        self.kind_table = small_table((self.tr("Kind"), self.tr("Alarms")), body)
        self.priority_table = small_table((self.tr("Priority"), self.tr("Alarms")), body)
        self.outcome_table = small_table((self.tr("Outcome"), self.tr("Closed")), body)
        self.load_table = small_table(
            (self.tr("Operator"), self.tr("Claimed"), self.tr("Closed")), body)
        for col, (title, table) in enumerate((
            (self.tr("By kind"), self.kind_table),
            (self.tr("By priority"), self.priority_table),
            (self.tr("By outcome"), self.outcome_table),
            (self.tr("Per operator"), self.load_table),
        )):
            label = QLabel(title, body)
            label.setObjectName("fieldLabel")
            tables.addWidget(label, 0, col)
            table.setMinimumHeight(150)
            tables.addWidget(table, 1, col)
        layout.addLayout(tables, 1)
        # the journal to VKP and the device statistics (journal_stats_section.py)
        self.journal_stats = JournalStatsSection(body)
        layout.addWidget(self.journal_stats)

    def _build_notes(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 0, 0, 0)
        title = QLabel(self.tr("Handover notes"), box)
        title.setObjectName("sectionHeading")
        layout.addWidget(title)
        self.notes_list = QListWidget(box)
        self.notes_list.setObjectName("handoverNotes")
        self.notes_list.setWordWrap(True)
        self.notes_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.notes_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes_list.setSpacing(2)
        layout.addWidget(self.notes_list, 1)
        self.note_edit = QPlainTextEdit(box)
        self.note_edit.setObjectName("noteEditor")
        self.note_edit.setAccessibleName(self.tr("A note for the next shift"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(90)
        self.note_edit.setPlaceholderText(self.tr("A note for the next shift"))
        layout.addWidget(self.note_edit)
        row = QHBoxLayout()
        self.add_note_button = QPushButton(self.tr("Add note"), box)
        self.add_note_button.clicked.connect(self._add_note)
        self.note_edit.textChanged.connect(self._update_note_button)
        row.addWidget(self.add_note_button)
        row.addStretch(1)
        self.signoff_button = QPushButton(self.tr("Sign off handover"), box)
        self.signoff_button.setObjectName("signOffButton")
        self.signoff_button.clicked.connect(self._sign_off)
        row.addWidget(self.signoff_button)
        layout.addLayout(row)
        self._update_note_button()
        return box

    # --- words -----------------------------------------------------------------------------

    def shift_word(self, name: str) -> str:
        words = {"day": self.tr("Day"), "evening": self.tr("Evening"),
                 "night": self.tr("Night")}
        return words.get(name, name)

    # --- data in ---------------------------------------------------------------------------

    def set_handover(self, shift_id: str, figures: HandoverFigures | None,
                     notes: Sequence[Note], signoff: SignOff | None) -> None:
        """Show one shift (``shift_id`` as ``ShiftId.__str__``); does not emit ``shiftChosen``."""
        self._shift = self._schedule.parse(shift_id)
        self._figures = figures
        self._signoff = signoff
        self._updating = True
        try:
            d = self._shift.date
            self.date_edit.setDate(QDate(d.year, d.month, d.day))
            self.name_combo.setCurrentIndex(self.name_combo.findData(self._shift.name))
        finally:
            self._updating = False
        start, end = self._schedule.bounds(self._shift)
        self.period_label.setText(self.tr("%1 - %2 (local time)").replace(
            "%1", start.astimezone(self._tz).strftime("%d.%m.%Y %H:%M")).replace(
            "%2", end.astimezone(self._tz).strftime("%d.%m.%Y %H:%M")))
        self._show_figures()
        self._show_notes(notes)
        self._show_signoff()

    @property
    def shift_id(self) -> str | None:
        return None if self._shift is None else str(self._shift)

    @property
    def signed_off(self) -> bool:
        return self._signoff is not None

    # --- showing ---------------------------------------------------------------------------

    def _show_figures(self) -> None:
        f = self._figures
        self.chart.set_figures(f)
        has = self._shift is not None
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(has and f is not None)
        if f is None:
            for card in self.cards.values():
                card.set(DASH)
            for table in (self.kind_table, self.priority_table, self.outcome_table,
                          self.load_table):
                table.setRowCount(0)
            self.flood_label.setText("")
            return
        self.cards["alarms"].set(str(f.total), self._alarms_detail(f))
        self.cards["claim"].set(_dur(f.claim.median_s), self._stats_detail(f.claim))
        shares = {round(s.threshold_s): s for s in f.answer}
        for key, threshold in (("share60", 60), ("share180", 180)):
            self._show_share(self.cards[key], shares.get(threshold))
        self.cards["close"].set(_dur(f.close.median_s), self._stats_detail(f.close))
        cb = f.callbacks
        self.cards["callbacks"].set(
            self.tr("%n overdue", "", cb.overdue),
            self.tr("%1 done · %2 cancelled · %3 still pending").replace("%1", str(cb.done))
            .replace("%2", str(cb.cancelled)).replace("%3", str(cb.pending)),
            NOT_MET if cb.overdue else None)
        self.cards["open"].set(
            str(len(f.still_open)),
            self.tr("%n from earlier shifts", "", f.still_open_from_earlier)
            if f.still_open_from_earlier else self.tr("all from this shift"),
            NOT_MET if f.still_open else None)
        floods = f.flood_buckets
        self.cards["load"].set(
            self.tr("peak %n / 10 min", "", f.max_per_bucket),
            self.tr("%n operator(s)", "", len(f.operators_on_duty)) + " · "
            + self.tr("%n flood period(s)", "", floods),
            NOT_MET if floods else None)
        self.flood_label.setText(self._flood_text(f))
        fill_table(self.kind_table, [(labels.kind_label(k), n) for k, n in
                                sorted(f.by_kind.items(), key=lambda kv: (-kv[1], kv[0]))])
        fill_table(self.priority_table, [(labels.priority_label(p), n)
                                    for p, n in f.by_priority.items()])
        fill_table(self.outcome_table, [
            (labels.outcome_label(o) if o else self.tr("(no outcome)"), n)
            for o, n in sorted(f.by_outcome.items(), key=lambda kv: (-kv[1], kv[0]))])
        fill_table(self.load_table, [(x.operator, x.claimed, x.closed) for x in f.load])

    def _alarms_detail(self, f: HandoverFigures) -> str:
        parts = [self.tr("%n past answer target", "", f.breaches)]
        if f.unclaimed:
            parts.append(self.tr("%n unclaimed", "", f.unclaimed))
        if f.feed_set_aside:
            parts.append(self.tr("%n feed event(s) set aside", "", f.feed_set_aside))
        return " · ".join(parts)

    def _stats_detail(self, s: DurationStats) -> str:
        return self.tr("90th percentile %1 · max %2").replace("%1", _dur(s.p90_s)).replace(
            "%2", _dur(s.max_s))

    def _show_share(self, card: SummaryCard, share: AnswerShare | None) -> None:
        if share is None or share.share is None:
            card.set(DASH, self.tr("no alarms"))
            return
        target = percent(share.target)
        verdict = self.tr("target %1 met") if share.met else self.tr("target %1 NOT met")
        card.set(percent(share.share),
                 verdict.replace("%1", target) + f" ({share.within}/{share.total})",
                 MET if share.met else NOT_MET)
        card.detail.setStyleSheet(
            f"border: none; color: {MET if share.met else NOT_MET}; font-weight: bold;")

    def _flood_text(self, f: HandoverFigures) -> str:
        floods = [b for b in f.buckets if b.flood]
        if not floods:
            return self.tr("No flood periods (more than 10 alarms per operator in 10 minutes).")
        spans = [
            self.tr("%1-%2: %n alarm(s)", "", b.alarms)
            .replace("%1", _local_hm(b.start, self._tz))
            .replace("%2", _local_hm(min(f.end, b.start + timedelta(minutes=10)), self._tz))
            for b in floods
        ]
        return self.tr("Flood periods: %1").replace("%1", "; ".join(spans))

    def _show_notes(self, notes: Sequence[Note]) -> None:
        self.notes_list.clear()
        bold = QFont(self.notes_list.font())
        bold.setBold(True)
        for at, operator, text, addendum in sorted(notes, key=lambda n: n[0]):
            head = f"{at.astimezone(self._tz).strftime('%d.%m. %H:%M')}  {operator}"
            if addendum:
                head = self.tr("Addendum after sign-off") + " — " + head
            item = QListWidgetItem(f"{head}\n{text}")
            if addendum:
                item.setBackground(QColor("#fff4d6"))
                item.setFont(bold)
            item.setData(Qt.ItemDataRole.UserRole, addendum)
            self.notes_list.addItem(item)
        if not notes:
            item = QListWidgetItem(self.tr("No notes yet."))
            item.setForeground(QColor(MUTED))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.notes_list.addItem(item)

    def set_may_sign_off(self, may: bool) -> None:
        """Whether the signed-in operator's role signs off (the store checks it again)."""
        self._may_sign_off = may
        self._show_signoff()

    def _show_signoff(self) -> None:
        if self._signoff is None:
            self.signoff_label.setText(self.tr("Not signed off. Notes can be added until the "
                                               "shift lead signs the handover off."))
            self.signoff_label.setStyleSheet(f"color: {MUTED};")
            self.signoff_button.setEnabled(self._shift is not None and self._may_sign_off)
            self.signoff_button.setToolTip("" if self._may_sign_off else self.tr(
                "Only a shift lead signs off the handover."))
            self.add_note_button.setText(self.tr("Add note"))
        else:
            lead, at = self._signoff
            self.signoff_label.setText(
                self.tr("Signed off by %1 at %2 — frozen. Later notes are added as addenda.")
                .replace("%1", lead)
                .replace("%2", at.astimezone(self._tz).strftime("%d.%m.%Y %H:%M")))
            self.signoff_label.setStyleSheet(
                "background: #e8f2e8; color: #1b5e20; font-weight: bold; padding: 4px;"
                " border: 1px solid #a5c9a5; border-radius: 3px;")
            self.signoff_button.setEnabled(False)
            self.add_note_button.setText(self.tr("Add addendum"))
        self._update_note_button()

    def _update_note_button(self) -> None:
        self.add_note_button.setEnabled(
            self._shift is not None and bool(self.note_edit.toPlainText().strip()))

    # --- intent out ------------------------------------------------------------------------

    def _picked(self) -> None:
        if self._updating:
            return
        qd = self.date_edit.date()
        name = self.name_combo.currentData()
        if name is None:
            return
        sid = ShiftId(date(qd.year(), qd.month(), qd.day()), str(name))
        if sid != self._shift:
            self.shiftChosen.emit(str(sid))

    def _step(self, direction: int) -> None:
        if self._shift is None:
            return
        sid = (self._schedule.next(self._shift) if direction > 0
               else self._schedule.previous(self._shift))
        self.shiftChosen.emit(str(sid))

    def _add_note(self) -> None:
        text = self.note_edit.toPlainText().strip()
        if not text or self._shift is None:
            return
        self.noteAdded.emit(str(self._shift), text)
        self.note_edit.clear()

    def _sign_off(self) -> None:
        if self._shift is not None and self._signoff is None:
            self.signOffRequested.emit(str(self._shift))

    def _export(self, kind: str) -> None:
        if self._shift is None:
            return
        suggested = f"handover-{str(self._shift).replace(':', '-')}.{kind}"
        path = self.path_provider(kind, suggested)
        if path:
            self.exportRequested.emit(str(self._shift), kind, path)

    def _ask_path(self, kind: str, suggested: str) -> str:
        filters = {"pdf": self.tr("PDF files (*.pdf)"), "csv": self.tr("CSV files (*.csv)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export handover"), suggested,
                                              filters.get(kind, ""))
        return path
