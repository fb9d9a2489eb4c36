"""Words for a grouped alarm row: "Fall  +2 (Door open, Device offline)" and its tooltip.

A group's row is led by its most severe member and names the kinds of the others, so nothing in
the row hides behind the first alarm (``domain/grouping.py``).

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
        "%n further alarm(s) from this patient in this row; each is kept, and closing the row "
        "closes them all with one decision.",
        "", attached)


def kind_with_others(kind: str, others: int, other_kinds: list[str]) -> str:
    """The queue's kind cell of a group: ``"Fall  +2 (Door open, Device offline)"``: the lead's
    kind, how many others and their kinds, on the row itself; the kind alone otherwise."""
    if others <= 0:
        return kind
    return GroupLabels.tr("%1  +%n (%2)", "", others).replace("%1", kind).replace(
        "%2", ", ".join(other_kinds))
