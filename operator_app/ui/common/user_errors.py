"""Every error a person sees, as a translated sentence that says what happened and what to do.

The kind comes from the domain (``domain/user_errors.py``); the technical text (an exception's
class, a feed's English reason) goes to the log and behind the "Details" expander of
``ErrorDialog``, or into a tooltip, never into the sentence: a nurse reads "The desk cannot
reach the feed server", IT support reads ``cannot connect: ConnectionRefusedError``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from operator_app.domain.user_errors import ErrorKind, desk_error_kind
from operator_app.ui.common.translation import QT_TRANSLATE_NOOP, translate_from
from widgets.plain_text_label import PlainTextLabel

_CTX = "UserErrors"

#: a few words for the status bar (what is wrong, no advice)
_SHORT: dict[str, str] = {
    ErrorKind.FEED_UNREACHABLE: QT_TRANSLATE_NOOP("UserErrors", "cannot reach the feed server"),
    ErrorKind.FEED_TOKEN_REFUSED: QT_TRANSLATE_NOOP("UserErrors", "the feed refused this desk's token"),
    ErrorKind.FEED_CERTIFICATE: QT_TRANSLATE_NOOP("UserErrors", "the feed's certificate is not trusted"),
    ErrorKind.FEED_BAD_URL: QT_TRANSLATE_NOOP("UserErrors", "the feed address is not valid"),
    ErrorKind.FEED_HANDSHAKE: QT_TRANSLATE_NOOP("UserErrors", "the feed server did not let the desk in"),
    ErrorKind.FEED_SILENT: QT_TRANSLATE_NOOP("UserErrors", "no data from the feed"),
    ErrorKind.FEED_SERVER_ERROR: QT_TRANSLATE_NOOP("UserErrors", "the feed server reported an error"),
    ErrorKind.FEED_PROTOCOL: QT_TRANSLATE_NOOP("UserErrors", "the feed sent data out of order"),
    ErrorKind.STORAGE: QT_TRANSLATE_NOOP("UserErrors", "the desk cannot save to its database"),
    ErrorKind.INTERNAL: QT_TRANSLATE_NOOP("UserErrors", "an internal error in the desk"),
    ErrorKind.OTHER: QT_TRANSLATE_NOOP("UserErrors", "a problem with the feed"),
}

#: the whole sentence: what happened and what to do (``%1``: a value named in it)
_SENTENCE: dict[str, str] = {
    ErrorKind.FEED_UNREACHABLE: QT_TRANSLATE_NOOP(
        "UserErrors", "The desk cannot reach the feed server. Check the network; the desk keeps "
        "trying. If it lasts more than a few minutes, call IT support."),
    ErrorKind.FEED_TOKEN_REFUSED: QT_TRANSLATE_NOOP(
        "UserErrors", "The feed server refused this desk's token. Ask IT support for a new token; "
        "the desk asks for it at the next start."),
    ErrorKind.FEED_CERTIFICATE: QT_TRANSLATE_NOOP(
        "UserErrors", "The feed server's certificate is not trusted, so the desk will not connect. "
        "Call IT support."),
    ErrorKind.FEED_BAD_URL: QT_TRANSLATE_NOOP(
        "UserErrors", "The feed address in the settings is not valid. Ask IT support to correct "
        "it (the setting feed_url)."),
    ErrorKind.FEED_HANDSHAKE: QT_TRANSLATE_NOOP(
        "UserErrors", "The feed server did not let the desk in. The desk keeps trying; if it "
        "lasts, call IT support."),
    ErrorKind.FEED_SILENT: QT_TRANSLATE_NOOP(
        "UserErrors", "The feed has sent nothing for a while. The desk reconnects by itself; if "
        "it lasts, call IT support."),
    ErrorKind.FEED_SERVER_ERROR: QT_TRANSLATE_NOOP(
        "UserErrors", "The feed server reported an error. The desk keeps trying; if it lasts, "
        "call IT support."),
    ErrorKind.FEED_PROTOCOL: QT_TRANSLATE_NOOP(
        "UserErrors", "The feed sent data out of order; the desk reconnects. If it repeats, call "
        "IT support."),
    ErrorKind.STORAGE: QT_TRANSLATE_NOOP(
        "UserErrors", "The desk cannot save to its database. Call IT support now, and note your "
        "decisions on paper until it works again."),
    ErrorKind.INTERNAL: QT_TRANSLATE_NOOP(
        "UserErrors", "An internal error stopped the feed. Restart the desk; if it happens again, "
        "call IT support."),
    ErrorKind.OTHER: QT_TRANSLATE_NOOP(
        "UserErrors", "There is a problem with the feed. If it lasts, call IT support."),
    ErrorKind.DB_UNKNOWN_DRIVER: QT_TRANSLATE_NOOP(
        "UserErrors", "The database address in the settings names a kind of database the desk "
        "cannot use. Ask IT support to correct it (the setting db_url: sqlite:/// or "
        "postgresql+psycopg://)."),
    ErrorKind.DB_UNREACHABLE: QT_TRANSLATE_NOOP(
        "UserErrors", "The desk cannot connect to the database server. Check the network; if it "
        "is working, the server may be down or the address or user name in the settings wrong: "
        "call IT support."),
    ErrorKind.DB_CANNOT_OPEN: QT_TRANSLATE_NOOP(
        "UserErrors", "The desk cannot open its database. Call IT support and give them the "
        "details below."),
    ErrorKind.TOKEN_FILE: QT_TRANSLATE_NOOP(
        "UserErrors", "The desk cannot read its feed token file. Check that the file exists and "
        "only your user may read it, or call IT support."),
    ErrorKind.SETTINGS: QT_TRANSLATE_NOOP(
        "UserErrors", "A setting is not valid, so the desk does not start. Ask IT support to "
        "correct the setting named in the details."),
    ErrorKind.UNKNOWN_LANGUAGE: QT_TRANSLATE_NOOP(
        "UserErrors", "The language setting \"%1\" is not a language the desk speaks. Choose nb "
        "(norsk bokmål), nn (norsk nynorsk) or en (English) in the settings file or in "
        "OPERATOR_APP_LANGUAGE."),
    ErrorKind.DECISION_NOT_SAVED: QT_TRANSLATE_NOOP(
        "UserErrors", "That was not saved: the database cannot be reached. Try again in a "
        "moment; if it lasts, call IT support."),
    ErrorKind.DECISION_KEPT: QT_TRANSLATE_NOOP(
        "UserErrors", "The database cannot be reached. Your decision is kept on this desk and "
        "saved when the database is back; do not enter it again."),
    ErrorKind.CALLBACK_NOT_SAVED: QT_TRANSLATE_NOOP(
        "UserErrors", "The callback was not saved. Try again; if it fails again, call IT "
        "support."),
    ErrorKind.CALLBACK_REFUSED: QT_TRANSLATE_NOOP(
        "UserErrors", "The callback was not changed: it may have been changed at another desk "
        "first. Look at the callback list again."),
    ErrorKind.NOTE_NOT_SAVED: QT_TRANSLATE_NOOP(
        "UserErrors", "The note was not saved. Copy your text, try again, and if it fails call "
        "IT support."),
    ErrorKind.SIGNOFF_REFUSED: QT_TRANSLATE_NOOP(
        "UserErrors", "The handover was not signed: only a shift lead may sign it, and only "
        "once. Ask the shift lead."),
    ErrorKind.DESK_ERROR: QT_TRANSLATE_NOOP(
        "UserErrors", "Something went wrong in the desk, and what you just did may not have been "
        "saved. Check it; if it happens again, call IT support."),
}


def desk_error_text(message: str) -> str:
    """The sentence for an error the desk raised while working (``errorRaised``); the message
    itself is technical and belongs in a tooltip or the log."""
    return sentence(desk_error_kind(message))


def short_text(kind: ErrorKind | str) -> str:
    """A few translated words for the status bar."""
    return translate_from(_CTX, _SHORT, kind, str(kind))


def sentence(kind: ErrorKind | str, value: str = "") -> str:
    """The translated sentence: what happened and what to do; ``value`` fills ``%1``."""
    return translate_from(_CTX, _SENTENCE, kind, str(kind)).replace("%1", value)


class ErrorDialog(QDialog):
    """The sentence, and the technical detail behind a "Details" expander (closed at first)."""

    def __init__(self, kind: ErrorKind | str, detail: str, value: str = "",
                 parent: QWidget | None = None, title: str = "Operator Desk") -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(title)
        self.kind = ErrorKind(kind)
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40))
        self.message = PlainTextLabel(sentence(kind, value), self)
        self.message.setObjectName("errorSentence")
        self.message.setMinimumWidth(380)
        self.details_button = QToolButton(self)
        self.details_button.setObjectName("errorDetailsButton")
        self.details_button.setText(self.tr("Details"))
        self.details_button.setAccessibleName(self.tr("Show the technical details"))
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details = QPlainTextEdit(detail, self)
        self.details.setObjectName("errorDetails")
        self.details.setAccessibleName(self.tr("Technical details"))
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(140)
        self.details.hide()
        self.details_button.toggled.connect(self._toggle)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    def _toggle(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.adjustSize()

    def detail_text(self) -> str:
        return self.details.toPlainText()


def show_error(kind: ErrorKind | str, detail: str, value: str = "",
               parent: QWidget | None = None) -> int:
    """Show the error modally (the caller has logged ``detail``); returns the dialog's result."""
    return ErrorDialog(kind, detail, value, parent).exec()
