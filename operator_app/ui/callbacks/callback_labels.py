"""Operator-facing words for callback codes (outcomes, buckets) and relative times.

Strings are literal ``QT_TRANSLATE_NOOP`` / ``translate`` calls in the context "CallbackLabels"
(plurals through ``CallbackLabels.tr``), so that pyside6-lupdate extracts them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from operator_app.domain.callbacks import CallbackBucket, CallbackOutcome
from operator_app.ui.common.translation import QT_TRANSLATE_NOOP, TranslationContext, translate_from

_CTX = "CallbackLabels"


class CallbackLabels(TranslationContext):
    """The translation context for the plurals below (``CallbackLabels.tr(text, "", n)``)."""


#: outcomes in the order they are offered
OUTCOME_ORDER: tuple[CallbackOutcome, ...] = tuple(CallbackOutcome)


def outcome_label(outcome: CallbackOutcome | str | None) -> str:
    if outcome is None:
        return ""
    labels: dict[str, str] = {
        CallbackOutcome.REACHED_ALL_WELL: QT_TRANSLATE_NOOP("CallbackLabels", "Reached, all well"),
        CallbackOutcome.REACHED_FOLLOW_UP_NEEDED: QT_TRANSLATE_NOOP(
            "CallbackLabels", "Reached, follow-up needed"),
        CallbackOutcome.NOT_REACHED_RETRY: QT_TRANSLATE_NOOP(
            "CallbackLabels", "Not reached, will retry"),
        CallbackOutcome.NOT_REACHED_ESCALATED: QT_TRANSLATE_NOOP(
            "CallbackLabels", "Not reached, escalated"),
        CallbackOutcome.CANCELLED: QT_TRANSLATE_NOOP("CallbackLabels", "Cancelled"),
    }
    return translate_from(_CTX, labels, outcome, str(outcome))


def bucket_word(bucket: CallbackBucket | str) -> str:
    words: dict[str, str] = {
        CallbackBucket.OVERDUE: QT_TRANSLATE_NOOP("CallbackLabels", "Overdue"),
        CallbackBucket.DUE: QT_TRANSLATE_NOOP("CallbackLabels", "Due"),
        CallbackBucket.UPCOMING: QT_TRANSLATE_NOOP("CallbackLabels", "Upcoming"),
        CallbackBucket.DONE: QT_TRANSLATE_NOOP("CallbackLabels", "Done"),
    }
    return translate_from(_CTX, words, bucket, str(bucket))


def minutes_text(seconds: float) -> str:
    """``"12 min"`` under two hours, ``"3 h 05 min"`` from there on (rounded down)."""
    minutes = max(0, int(seconds // 60))
    if minutes < 120:
        return CallbackLabels.tr("%n min", "", minutes)
    return QCoreApplication.translate("CallbackLabels", "%1 h %2 min").replace(
        "%1", str(minutes // 60)).replace("%2", f"{minutes % 60:02d}")


def bucket_text(bucket: CallbackBucket, seconds_from_due: float, cancelled: bool = False) -> str:
    """The state cell: "Overdue 12 min", "Due now", "In 25 min", "Done", "Cancelled"."""
    if cancelled:
        return QCoreApplication.translate("CallbackLabels", "Cancelled")
    if bucket is CallbackBucket.OVERDUE:
        return QCoreApplication.translate("CallbackLabels", "Overdue %1").replace(
            "%1", minutes_text(seconds_from_due))
    if bucket is CallbackBucket.DUE:
        return QCoreApplication.translate("CallbackLabels", "Due now")
    if bucket is CallbackBucket.UPCOMING:
        return QCoreApplication.translate("CallbackLabels", "In %1").replace(
            "%1", minutes_text(-seconds_from_due + 59))
    return bucket_word(bucket)


def assignee_text(assignee: str | None) -> str:
    return QCoreApplication.translate("CallbackLabels", "anyone") if assignee is None else assignee
