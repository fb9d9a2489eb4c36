"""What the triage panel shows of the selected alarm: its title, details, the members of its
group and, for a measurement review, its deviations. Every feed string is plain text.

A group (a burst from one home, ``domain/grouping.py``) is titled by its most severe member and
lists every member with its priority, kind, time and device; closing the row closes them all
with one decision, and the panel says so before the nurse closes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from operator_app.domain.grouping import group_summary, members_of
from operator_app.domain.review import Deviation
from operator_app.domain.views import AlarmView, GroupMember
from operator_app.ui.common import labels
from operator_app.ui.common.time_format import format_time
from operator_app.ui.measurements import parameter_labels as pl
from widgets.plain_text_label import PlainTextLabel

NONE_TEXT = "—"


class AlarmDetails(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmDetails")
        self._deviations_for: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.title_label = PlainTextLabel(parent=self)
        self.title_label.setObjectName("alarmTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)

        self._form_box = QWidget(self)
        form = QFormLayout(self._form_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(3)
        self.fields: dict[str, PlainTextLabel] = {}
        for key, title in (
            ("message", self.tr("Message")),
            ("location", self.tr("Location")),
            ("device", self.tr("Device")),
            ("times", self.tr("Raised")),
            ("updates", self.tr("Device updates")),
            ("members", self.tr("In this row")),
        ):
            self.fields[key] = PlainTextLabel(parent=self._form_box)
            label = QLabel(title, self._form_box)
            label.setObjectName("fieldLabel")
            form.addRow(label, self.fields[key])
        self.fields["members"].setObjectName("groupMembers")
        self._titles = {key: form.labelForField(self.fields[key]) for key in self.fields}
        self._form = form
        layout.addWidget(self._form_box)

        # a measurement review: its deviations, one compact line each
        self.deviations_box = QWidget(self)
        dev_layout = QVBoxLayout(self.deviations_box)
        dev_layout.setContentsMargins(0, 4, 0, 0)
        dev_layout.setSpacing(2)
        dev_heading = QLabel(self.tr("Deviations"), self.deviations_box)
        dev_heading.setObjectName("fieldLabel")
        dev_layout.addWidget(dev_heading)
        self.deviations_label = PlainTextLabel(parent=self.deviations_box)
        self.deviations_label.setObjectName("deviationsList")
        dev_layout.addWidget(self.deviations_label)
        layout.addWidget(self.deviations_box)
        self.deviations_box.hide()

    def show_alarm(self, alarm: AlarmView | None) -> None:
        if alarm is None:
            self._deviations_for = None
            self.title_label.setText(self.tr("No alarm selected"))
            self._form_box.hide()
            self.deviations_box.hide()
            return
        if self._deviations_for != alarm.id:
            self._deviations_for = None
        self._form_box.show()
        summary = group_summary(alarm)
        lead = summary.lead
        patient = alarm.patient_name or labels.unknown_patient_label(alarm.patient_id)
        title = f"{labels.priority_label(lead.priority)} · {_kind_text(self, lead.kind)} — {patient}"
        if summary.others:
            title += self.tr(" (+%n more)", "", summary.others)
        self.title_label.setText(title)
        is_callback = alarm.kind == labels.CALLBACK
        message_title = self._titles.get("message")
        if isinstance(message_title, QLabel):
            message_title.setText(self.tr("Reason") if is_callback else self.tr("Message"))
        message = lead.message or ""
        if alarm.kind == labels.MEASUREMENT_REVIEW and message:
            message = pl.review_message_words(message)
        self.fields["message"].setText(message or NONE_TEXT)
        # work items (review, callback) have no device: keep their rows for what matters
        work_item = alarm.kind in (labels.MEASUREMENT_REVIEW, labels.CALLBACK)
        for key in ("location", "device", "updates"):
            self._form.setRowVisible(self.fields[key], not work_item)
        self._form.setRowVisible(self.fields["members"], summary.others > 0)
        if alarm.kind == labels.MEASUREMENT_REVIEW:
            self.deviations_box.show()
            if self._deviations_for != alarm.id:
                self.deviations_label.setText(self.tr("Loading deviations…"))
        else:
            self.deviations_box.hide()
        self.fields["location"].setText(lead.location_text or NONE_TEXT)
        self.fields["device"].setText(lead.device_id or NONE_TEXT)
        times = self.tr("%1 · received %2").replace("%1", format_time(lead.raised_at)).replace(
            "%2", format_time(lead.received_at))
        if not alarm.raised_at_given and lead.id == alarm.id:
            times = self.tr("time not given by the device · received %1").replace(
                "%1", format_time(lead.received_at))
        self.fields["times"].setText(times)
        updates = [
            f"{format_time(u.at)}  {labels.source_status_label(u.status)}"
            + (f" ({u.reason})" if u.reason else "")
            for u in alarm.device_updates
        ]
        self.fields["updates"].setText("\n".join(updates) or NONE_TEXT)
        if summary.others:
            lines = [self.member_line(m) for m in members_of(alarm)]
            lines.append(self.tr("Closing this row closes all %n alarms with one decision.", "",
                                 len(lines)))
            self.fields["members"].setText("\n".join(lines))

    def member_line(self, m: GroupMember) -> str:
        """``"*** Fall  18:02:52  D-55"``: priority, kind, time raised, device."""
        parts = [labels.priority_label(m.priority), _kind_text(self, m.kind),
                 format_time(m.raised_at)]
        if m.device_id:
            parts.append(m.device_id)
        return "  ".join(parts)

    def set_deviations(self, alarm_id: str, deviations: Sequence[Deviation]) -> None:
        self._deviations_for = alarm_id
        lines = [self.deviation_line(d) for d in sorted(deviations, key=lambda d: d.effective_at)]
        self.deviations_label.setText("\n".join(lines) or self.tr("No deviations recorded."))

    def deviation_line(self, d: Deviation) -> str:
        """``"14.03 13:02  SpO2  88  red"``: time, parameter, value, colour word."""
        at: datetime = d.effective_at
        when = at.astimezone().strftime("%d.%m %H:%M")
        value = pl.format_values(d.code, d.values) if d.values else NONE_TEXT
        return "  ".join((when, pl.parameter_name(d.code), value,
                          pl.colour_word(d.colour).lower()))


def _kind_text(widget: QWidget, kind: str) -> str:
    if labels.is_known_kind_label(kind):
        return labels.kind_label(kind)
    return widget.tr("%1 (unknown kind)").replace("%1", kind)
