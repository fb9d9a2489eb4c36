"""What a refused sign-in says to the operator, per ``AccountError`` code (translated)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "SignIn"
_TEXTS: dict[str, object] = {
    "bad_credentials": QT_TRANSLATE_NOOP("SignIn", "Wrong user name or password."),
    "locked": QT_TRANSLATE_NOOP(
        "SignIn", "This account is locked after too many failed attempts. Try again in 15 "
        "minutes, or ask an administrator to unlock it."),
    "no_accounts": QT_TRANSLATE_NOOP(
        "SignIn", "No accounts exist yet. Create the first administrator with: "
        "operator-app accounts add --role admin NAME"),
    "not_for_desk": QT_TRANSLATE_NOOP(
        "SignIn", "This account does not handle alarms (administrator). Sign in with a nurse "
        "or shift lead account."),
    "unavailable": QT_TRANSLATE_NOOP(
        "SignIn", "The sign-in could not be checked (the database does not answer). Try again."),
    "no_role": QT_TRANSLATE_NOOP(
        "SignIn", "Your directory account is in no group of this centre. Ask your administrator."),
    "directory_unreachable": QT_TRANSLATE_NOOP(
        "SignIn", "The centre's directory cannot be reached. Try again, or call IT support."),
    "insecure_directory": QT_TRANSLATE_NOOP(
        "SignIn", "The directory connection is not encrypted; sign-in is refused. Call IT support."),
}

_OTHER = QT_TRANSLATE_NOOP("SignIn", "The sign-in was refused (%1).")


def refusal_text(code: str) -> str:
    text = _TEXTS.get(code)
    if text is None:
        return QCoreApplication.translate(_CTX, str(_OTHER)).replace("%1", code)
    return QCoreApplication.translate(_CTX, str(text))
