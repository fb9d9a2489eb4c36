"""Operator-facing words for domain codes (kinds, outcomes, priorities, device statuses).

Domain code returns codes and enums, never sentences (STYLE habit 16); this module turns them
into translatable words. Unknown codes are shown as their raw string, never hidden.

Every string is written as a literal ``QT_TRANSLATE_NOOP("Labels", ...)`` or
``QCoreApplication.translate("Labels", ...)`` so that pyside6-lupdate can extract it (see
``translation.py``). Durations and clock times are in ``time_format.py``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

from operator_app.domain.alarms import (
    UNREADABLE_KIND,
    AlarmKind,
    Outcome,
    Priority,
    SourceStatus,
    is_known_kind,
)
from operator_app.domain.callbacks import CALLBACK_KIND
from operator_app.domain.phone import format_phone
from operator_app.domain.review import REVIEW_KIND, UNREADABLE_MEASUREMENT_KIND
from operator_app.ui.common.translation import QT_TRANSLATE_NOOP, translate_from

_CTX = "Labels"

#: queue items that are not device alarms: a yellow/red home measurement to review, and a
#: scheduled callback that fell due (kinds written by the store, not by the feed)
MEASUREMENT_REVIEW = REVIEW_KIND
CALLBACK = CALLBACK_KIND
#: an alarm from the feed that could not be read or stored, and measurements that could not be
#: read: items the desk makes so that nothing it received is only a line in a log
UNREADABLE_ALARM = UNREADABLE_KIND
UNREADABLE_MEASUREMENT = UNREADABLE_MEASUREMENT_KIND
_DESK_KINDS = (MEASUREMENT_REVIEW, CALLBACK, UNREADABLE_ALARM, UNREADABLE_MEASUREMENT)


def kind_label(kind: str) -> str:
    """Word for an alarm kind; an unknown kind shows its raw string."""
    labels: dict[str, str] = {
        AlarmKind.ASSISTANCE_CALL: QT_TRANSLATE_NOOP("Labels", "Assistance call"),
        AlarmKind.FALL: QT_TRANSLATE_NOOP("Labels", "Fall"),
        AlarmKind.SMOKE: QT_TRANSLATE_NOOP("Labels", "Smoke"),
        AlarmKind.GEOFENCE_EXIT: QT_TRANSLATE_NOOP("Labels", "Left safe zone (GPS)"),
        AlarmKind.NO_ACTIVITY: QT_TRANSLATE_NOOP("Labels", "No activity"),
        AlarmKind.DOOR_OPEN: QT_TRANSLATE_NOOP("Labels", "Door open"),
        AlarmKind.BED_EXIT: QT_TRANSLATE_NOOP("Labels", "Out of bed"),
        AlarmKind.MEDICATION_MISSED: QT_TRANSLATE_NOOP("Labels", "Medication missed"),
        AlarmKind.MEASUREMENT_MISSED: QT_TRANSLATE_NOOP("Labels", "Measurement missed"),
        AlarmKind.DEVICE_BATTERY_LOW: QT_TRANSLATE_NOOP("Labels", "Device battery low"),
        AlarmKind.DEVICE_OFFLINE: QT_TRANSLATE_NOOP("Labels", "Device offline"),
        AlarmKind.DEVICE_TAMPER: QT_TRANSLATE_NOOP("Labels", "Device tampered"),
        MEASUREMENT_REVIEW: QT_TRANSLATE_NOOP("Labels", "Measurement review"),
        CALLBACK: QT_TRANSLATE_NOOP("Labels", "Callback"),
        UNREADABLE_ALARM: QT_TRANSLATE_NOOP("Labels", "Unreadable alarm from the feed"),
        UNREADABLE_MEASUREMENT: QT_TRANSLATE_NOOP("Labels", "Measurement could not be read"),
    }
    return translate_from(_CTX, labels, kind, kind)


def is_known_kind_label(kind: str) -> bool:
    return is_known_kind(kind) or kind in _DESK_KINDS


def priority_word(priority: Priority | str) -> str:
    words: dict[str, str] = {
        Priority.HIGH: QT_TRANSLATE_NOOP("Labels", "High"),
        Priority.MEDIUM: QT_TRANSLATE_NOOP("Labels", "Medium"),
        Priority.LOW: QT_TRANSLATE_NOOP("Labels", "Low"),
    }
    return translate_from(_CTX, words, priority, str(priority))


def priority_prefix(priority: Priority | str) -> str:
    prefixes: dict[str, str] = {Priority.HIGH: "***", Priority.MEDIUM: "**", Priority.LOW: "*"}
    return prefixes.get(priority, "***")


def priority_label(priority: Priority | str) -> str:
    """``*** High`` / ``** Medium`` / ``* Low``: prefix and word, so colour is not the only cue."""
    return f"{priority_prefix(priority)} {priority_word(priority)}"


def source_status_label(status: str) -> str:
    """Word for a device-side status; an unknown status shows its raw string."""
    labels: dict[str, str] = {
        SourceStatus.RESET_AT_DEVICE: QT_TRANSLATE_NOOP("Labels", "reset"),
        SourceStatus.PRESENCE: QT_TRANSLATE_NOOP("Labels", "presence (responder on site)"),
        SourceStatus.RESTORED: QT_TRANSLATE_NOOP("Labels", "restored"),
        SourceStatus.CLOSED_AT_SOURCE: QT_TRANSLATE_NOOP("Labels", "closed at source"),
    }
    return translate_from(_CTX, labels, status, status)


def outcome_label(outcome: Outcome | str) -> str:
    labels: dict[str, str] = {
        Outcome.RESOLVED_BY_PHONE: QT_TRANSLATE_NOOP("Labels", "Resolved by phone"),
        Outcome.HOME_CARE_DISPATCHED: QT_TRANSLATE_NOOP("Labels", "Home care dispatched"),
        Outcome.NEXT_OF_KIN_CONTACTED: QT_TRANSLATE_NOOP("Labels", "Next of kin contacted"),
        Outcome.GP_OR_LEGEVAKT_CONTACTED: QT_TRANSLATE_NOOP("Labels", "GP or legevakt contacted"),
        Outcome.EMERGENCY_113: QT_TRANSLATE_NOOP("Labels", "Emergency 113"),
        Outcome.FALSE_ALARM: QT_TRANSLATE_NOOP("Labels", "False alarm"),
        Outcome.TECHNICAL_FAULT: QT_TRANSLATE_NOOP("Labels", "Technical fault"),
    }
    return translate_from(_CTX, labels, outcome, str(outcome))


#: outcomes in the order they are offered (Alt+1 .. Alt+7)
OUTCOME_ORDER: tuple[Outcome, ...] = tuple(Outcome)


def unknown_patient_label(patient_id: str) -> str:
    if not patient_id:  # an unreadable alarm whose patient could not be read
        return QCoreApplication.translate("Labels", "Patient not known")
    return QCoreApplication.translate("Labels", "Unknown patient %1").replace("%1", patient_id)


_L = QLocale.Language
_LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*$")
#: languages a Norwegian centre meets, named in the desk's language ("nordsamisk")
_LANGUAGE_NAMES: dict[QLocale.Language, str] = {
    _L.NorwegianBokmal: QT_TRANSLATE_NOOP("Labels", "Norwegian Bokmål"),
    _L.NorwegianNynorsk: QT_TRANSLATE_NOOP("Labels", "Norwegian Nynorsk"),
    _L.NorthernSami: QT_TRANSLATE_NOOP("Labels", "Northern Sami"),
    _L.LuleSami: QT_TRANSLATE_NOOP("Labels", "Lule Sami"),
    _L.SouthernSami: QT_TRANSLATE_NOOP("Labels", "Southern Sami"),
    _L.English: QT_TRANSLATE_NOOP("Labels", "English"),
    _L.Swedish: QT_TRANSLATE_NOOP("Labels", "Swedish"),
    _L.Danish: QT_TRANSLATE_NOOP("Labels", "Danish"),
    _L.Finnish: QT_TRANSLATE_NOOP("Labels", "Finnish"),
    _L.German: QT_TRANSLATE_NOOP("Labels", "German"),
    _L.Polish: QT_TRANSLATE_NOOP("Labels", "Polish"),
    _L.Lithuanian: QT_TRANSLATE_NOOP("Labels", "Lithuanian"),
    _L.Ukrainian: QT_TRANSLATE_NOOP("Labels", "Ukrainian"),
    _L.Russian: QT_TRANSLATE_NOOP("Labels", "Russian"),
    _L.Arabic: QT_TRANSLATE_NOOP("Labels", "Arabic"),
    _L.Somali: QT_TRANSLATE_NOOP("Labels", "Somali"),
    _L.Tigrinya: QT_TRANSLATE_NOOP("Labels", "Tigrinya"),
    _L.Persian: QT_TRANSLATE_NOOP("Labels", "Persian"),
    _L.Urdu: QT_TRANSLATE_NOOP("Labels", "Urdu"),
    _L.Turkish: QT_TRANSLATE_NOOP("Labels", "Turkish"),
    _L.Vietnamese: QT_TRANSLATE_NOOP("Labels", "Vietnamese"),
    _L.Thai: QT_TRANSLATE_NOOP("Labels", "Thai"),
    _L.Tamil: QT_TRANSLATE_NOOP("Labels", "Tamil"),
    _L.Spanish: QT_TRANSLATE_NOOP("Labels", "Spanish"),
    _L.French: QT_TRANSLATE_NOOP("Labels", "French"),
}
#: languages whose own name a Norwegian reader does not need beside the desk's word for it
_NO_NATIVE = {_L.NorwegianBokmal, _L.NorwegianNynorsk, _L.English, _L.Swedish, _L.Danish}


def language_name(code: str | None) -> str:
    """A language code as its name: ``se`` -> ``nordsamisk (davvisámegiella)`` in bokmål,
    ``Northern Sami (davvisámegiella)`` in English; ``nb`` -> ``norsk bokmål``. A language not
    in the desk's list keeps Qt's English name with its own; a code Qt does not know is shown
    as it is (never hidden)."""
    if not code:
        return ""
    if not _LANGUAGE_CODE.match(code.strip()):  # free text ("bokmål; hard of hearing"): as is
        return code
    lang = QLocale(code.strip().replace("-", "_")).language()
    if lang == _L.C:
        return code
    words = _LANGUAGE_NAMES.get(lang)
    name = (QCoreApplication.translate("Labels", words) if words
            else QLocale.languageToString(lang))
    native = QLocale(lang).nativeLanguageName()
    if lang in _NO_NATIVE or not native or native.casefold() == name.casefold():
        return name
    return f"{name} ({native})"


def phone_text(raw: str | None) -> str:
    """A phone number grouped as Norwegians write it (the rule: ``domain/phone.py``)."""
    return format_phone(raw)
