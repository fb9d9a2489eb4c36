"""Operator-facing words for callback codes (outcomes, buckets) and relative times."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from operator_app.domain.callbacks import CallbackBucket, CallbackOutcome

_CTX = "CallbackLabels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _trn(text: str, n: int) -> str:
    return QCoreApplication.translate(_CTX, text, "", n)


#: outcomes in the order they are offered
OUTCOME_ORDER: tuple[CallbackOutcome, ...] = tuple(CallbackOutcome)


def outcome_label(outcome: CallbackOutcome | str | None) -> str:
    if outcome is None:
        return ""
    labels: dict[str, str] = {
        CallbackOutcome.REACHED_ALL_WELL: _tr("Reached, all well"),
        CallbackOutcome.REACHED_FOLLOW_UP_NEEDED: _tr("Reached, follow-up needed"),
        CallbackOutcome.NOT_REACHED_RETRY: _tr("Not reached, will retry"),
        CallbackOutcome.NOT_REACHED_ESCALATED: _tr("Not reached, escalated"),
        CallbackOutcome.CANCELLED: _tr("Cancelled"),
    }
    return labels.get(outcome, str(outcome))


def bucket_word(bucket: CallbackBucket | str) -> str:
    words: dict[str, str] = {
        CallbackBucket.OVERDUE: _tr("Overdue"),
        CallbackBucket.DUE: _tr("Due"),
        CallbackBucket.UPCOMING: _tr("Upcoming"),
        CallbackBucket.DONE: _tr("Done"),
    }
    return words.get(bucket, str(bucket))


def minutes_text(seconds: float) -> str:
    """``"12 min"`` under two hours, ``"3 h 05 min"`` from there on (rounded down)."""
    minutes = max(0, int(seconds // 60))
    if minutes < 120:
        return _trn("%n min", minutes)
    return _tr("%1 h %2 min").replace("%1", str(minutes // 60)).replace(
        "%2", f"{minutes % 60:02d}")


def bucket_text(bucket: CallbackBucket, seconds_from_due: float, cancelled: bool = False) -> str:
    """The state cell: "Overdue 12 min", "Due now", "In 25 min", "Done", "Cancelled"."""
    if cancelled:
        return _tr("Cancelled")
    if bucket is CallbackBucket.OVERDUE:
        return _tr("Overdue %1").replace("%1", minutes_text(seconds_from_due))
    if bucket is CallbackBucket.DUE:
        return _tr("Due now")
    if bucket is CallbackBucket.UPCOMING:
        return _tr("In %1").replace("%1", minutes_text(-seconds_from_due + 59))
    return bucket_word(bucket)


def assignee_text(assignee: str | None) -> str:
    return _tr("anyone") if assignee is None else assignee
