"""Helpers for translatable words outside a widget's own ``self.tr()``.

pyside6-lupdate reads *calls*, not variables: a helper ``_tr(text)`` hides its strings from the
catalogue. So module-level words are written as literal ``QT_TRANSLATE_NOOP(context, text)`` in a
table and translated with ``translate_from``; plurals go through a ``TranslationContext``
subclass (``Name.tr(text, "", n)``), which lupdate reads as the context ``Name``.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for pyside6-lupdate (which reads calls by this name) in ``context`` and
    returns it untranslated: Qt's own, typed as returning ``object`` in PySide6's stubs."""
    return text


class TranslationContext:
    """A translation context for module-level code: ``Name.tr(text, "", n)`` translates in the
    context ``"Name"`` (the subclass's name). Used for plurals, which pyside6-lupdate only marks as
    plural in a ``tr(text, comment, n)`` call (it reads a plain name as the fourth argument of
    ``QCoreApplication.translate`` as an encoding); it reads ``Name.tr`` as the context ``Name``."""

    @classmethod
    def tr(cls, text: str, disambiguation: str = "", n: int = -1) -> str:
        return QCoreApplication.translate(cls.__name__, text, disambiguation, n)


def translate_from(context: str, table: Mapping[str, str], code: str, fallback: str) -> str:
    """``table[code]`` (a ``QT_TRANSLATE_NOOP(context, ...)`` source text) translated in
    ``context``; ``fallback`` for a code not in the table."""
    text = table.get(code)
    return fallback if text is None else QCoreApplication.translate(context, text)
