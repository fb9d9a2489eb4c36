"""Words for a grouped alarm row: "+3 more" and its tooltip (a burst from one home).

Plurals go through ``GroupLabels.tr(text, "", n)`` (context "GroupLabels"), the spelling
pyside6-lupdate extracts as a plural message; the count and the title are one pattern, so a
translation can put them in its own order."""

from __future__ import annotations

from operator_app.ui.common.translation import TranslationContext


class GroupLabels(TranslationContext):
    """The translation context of this module."""


def attached_tooltip(attached: int) -> str:
    if attached <= 0:
        return ""
    return GroupLabels.tr(
        "%n further alarm(s) from this patient attached to this one; each is kept.",
        "", attached)


def kind_with_attached(kind: str, attached: int) -> str:
    """The queue's kind cell: ``"Fall  +2 more"``, or the kind alone."""
    if attached <= 0:
        return kind
    return GroupLabels.tr("%1  +%n more", "", attached).replace("%1", kind)
