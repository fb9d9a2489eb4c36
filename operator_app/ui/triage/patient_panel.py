"""Who the patient is: identity, address, key access, flags, contacts in call order, GP,
conditions and care plan. Every feed string is shown as plain text (``PlainTextLabel``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from operator_app.domain.records import Address
from operator_app.domain.views import PatientView
from operator_app.ui.common import labels
from operator_app.ui.common.scroll_fit import HeightForWidthFit
from widgets.chip_list import ChipList
from widgets.plain_text_label import PlainTextLabel

NONE_TEXT = "—"


def age_on(birth: date, today: date) -> int:
    years = today.year - birth.year
    if (today.month, today.day) < (birth.month, birth.day):
        years -= 1
    return years


def _address_text(address: Address | None) -> str:
    if address is None:
        return ""
    city = " ".join(p for p in (address.postal_code, address.city) if p)
    lines = [p for p in (address.line, city) if p]
    text = "\n".join(lines)
    if address.municipality and address.municipality != address.city:
        text += ("\n" if text else "") + address.municipality
    return text


class PatientPanel(QScrollArea):
    """``show_none`` / ``show_loading`` / ``set_patient``; an unknown patient is said so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Patient"))
        body = QWidget(self)
        body.setObjectName("patientBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)

        heading = QLabel(self.tr("Patient"), body)
        heading.setObjectName("sectionHeading")
        layout.addWidget(heading)

        self.name_label = PlainTextLabel(parent=body)
        self.name_label.setObjectName("patientName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name_label.setFont(font)
        layout.addWidget(self.name_label)

        self.state_label = PlainTextLabel(parent=body)
        self.state_label.setObjectName("patientState")
        layout.addWidget(self.state_label)

        self._forms: list[QFormLayout] = []
        self._form_labels: list[QLabel] = []
        self._details = QWidget(body)
        details = QVBoxLayout(self._details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(4)
        self.fields: dict[str, PlainTextLabel] = {}
        first = self._form(details)
        for key, title in (
            ("born", self.tr("Born")),
            ("address", self.tr("Address")),
            ("phone", self.tr("Phone")),
            ("key_access", self.tr("Key access")),
        ):
            self.fields[key] = PlainTextLabel(parent=self._details)
            first.addRow(self._form_label(title), self.fields[key])
        self.flags = ChipList(self._details)
        self.flags.setObjectName("patientFlags")
        self._no_flags = PlainTextLabel(NONE_TEXT, self._details)
        flags_box = QWidget(self._details)
        flags_layout = QVBoxLayout(flags_box)
        flags_layout.setContentsMargins(0, 0, 0, 0)
        flags_layout.addWidget(self.flags)
        flags_layout.addWidget(self._no_flags)
        first.addRow(self._form_label(self.tr("Flags")), flags_box)
        self.fields["language"] = PlainTextLabel(parent=self._details)
        first.addRow(self._form_label(self.tr("Language")), self.fields["language"])

        contacts_heading = QLabel(self.tr("Contacts in call order"), self._details)
        contacts_heading.setObjectName("subHeading")
        details.addWidget(contacts_heading)
        self._contacts_box = QWidget(self._details)
        self._contacts = QGridLayout(self._contacts_box)
        self._contacts.setContentsMargins(0, 0, 0, 0)
        self._contacts.setHorizontalSpacing(10)
        self._contacts.setVerticalSpacing(2)
        self._contacts.setColumnStretch(1, 1)
        details.addWidget(self._contacts_box)
        self.contact_rows: list[list[PlainTextLabel]] = []

        second = self._form(details)
        for key, title in (
            ("gp", self.tr("GP")),
            ("conditions", self.tr("Conditions")),
            ("care_plan", self.tr("Care plan")),
        ):
            self.fields[key] = PlainTextLabel(parent=self._details)
            second.addRow(self._form_label(title), self.fields[key])
        layout.addWidget(self._details)
        self._align_forms()
        layout.addStretch(1)
        self.setWidget(body)
        # wrapped rows keep their height when the panel is narrow: it scrolls instead
        self._fit = HeightForWidthFit(self)
        self._patient_id: str | None = None
        self._loading = False
        self.show_none()

    def _form(self, parent_layout: QVBoxLayout) -> QFormLayout:
        box = QWidget(self._details)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(3)
        parent_layout.addWidget(box)
        self._forms.append(form)
        return form

    def _form_label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("fieldLabel")
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._form_labels.append(label)
        return label

    def _align_forms(self) -> None:
        """Both forms share one label column width, so the fields line up."""
        width = max((label.sizeHint().width() for label in self._form_labels), default=0)
        for label in self._form_labels:
            label.setMinimumWidth(width)

    # -- states ----------------------------------------------------------------------------------
    def patient_id(self) -> str | None:
        return self._patient_id

    def is_loading(self) -> bool:
        """Whether the panel says "Loading patient…" (its patient's details not yet shown)."""
        return self._loading

    def show_none(self) -> None:
        self._patient_id = None
        self._loading = False
        self.name_label.setText("")
        self.name_label.hide()
        self.state_label.setText(self.tr("No alarm selected."))
        self.state_label.show()
        self._set_details_visible(False)

    def show_loading(self, patient_id: str) -> None:
        self._patient_id = patient_id
        self._loading = True
        self.name_label.setText(patient_id)
        self.name_label.show()
        self.state_label.setText(self.tr("Loading patient…"))
        self.state_label.show()
        self._set_details_visible(False)

    def set_patient(self, patient_id: str, patient: PatientView | None,
                    today: date | None = None) -> None:
        self._patient_id = patient_id
        self._loading = False
        self.name_label.show()
        if patient is None:
            self.name_label.setText(labels.unknown_patient_label(patient_id))
            self.state_label.setText(self.tr(
                "The feed has sent no details for this patient. Identify the caller on the phone."))
            self.state_label.show()
            self._set_details_visible(False)
            return
        record = patient.record
        self.name_label.setText(record.name)
        self.state_label.hide()
        self._set_details_visible(True)
        self.fields["born"].setText(self._born_text(record.birth_date, today or date.today()))
        self.fields["address"].setText(_address_text(record.address) or NONE_TEXT)
        self.fields["phone"].setText(labels.phone_text(record.phone) or NONE_TEXT)
        self.fields["language"].setText(labels.language_name(record.language) or NONE_TEXT)
        self.fields["key_access"].setText(record.key_access or NONE_TEXT)
        self.flags.set_items(record.flags)
        self.flags.setVisible(bool(record.flags))
        self._no_flags.setVisible(not record.flags)
        gp = record.gp
        self.fields["gp"].setText(
            NONE_TEXT if gp is None else (
                f"{gp.name}  {labels.phone_text(gp.phone)}" if gp.phone else gp.name))
        self.fields["conditions"].setText("\n".join(record.conditions) or NONE_TEXT)
        self.fields["care_plan"].setText(record.care_plan or NONE_TEXT)
        self._set_contacts(patient)

    def _born_text(self, birth_date: str | None, today: date) -> str:
        if not birth_date:
            return NONE_TEXT
        try:
            born = date.fromisoformat(birth_date[:10])
        except ValueError:
            return birth_date
        return self.tr("%1 (age %2)").replace("%1", born.strftime("%d.%m.%Y")).replace(
            "%2", str(age_on(born, today)))

    def _set_contacts(self, patient: PatientView) -> None:
        for row in self.contact_rows:
            for label in row:
                self._contacts.removeWidget(label)
                label.deleteLater()
        self.contact_rows = []
        contacts = patient.contacts_in_call_order
        if not contacts:
            none = PlainTextLabel(NONE_TEXT, self._contacts_box)
            self._contacts.addWidget(none, 0, 0)
            self.contact_rows.append([none])
            return
        for i, contact in enumerate(contacts):
            order = PlainTextLabel(f"{i + 1}.", self._contacts_box, wrap=False)
            name = PlainTextLabel(contact.name, self._contacts_box)
            relation = PlainTextLabel(contact.relation or "", self._contacts_box)
            phone = PlainTextLabel(labels.phone_text(contact.phone) or NONE_TEXT,
                                   self._contacts_box, wrap=False)
            font = phone.font()
            font.setBold(True)
            phone.setFont(font)
            row = [order, name, relation, phone]
            for column, label in enumerate(row):
                self._contacts.addWidget(label, i, column, Qt.AlignmentFlag.AlignTop)
            self.contact_rows.append(row)

    def _set_details_visible(self, visible: bool) -> None:
        self._details.setVisible(visible)

    def all_plain_labels(self) -> list[PlainTextLabel]:
        return self.findChildren(PlainTextLabel)
