"""The first screen of the desk: user name and password.

``check(username, password)`` is given by the composition root; it returns None when the
operator is signed in, else an ``AccountError`` code that the dialog words. The password field
is cleared after every try."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from operator_app.ui.common.dialog_keys import submit_on_ctrl_enter
from operator_app.ui.session.sign_in_texts import refusal_text

Check = Callable[[str, str], str | None]


class SignInDialog(QDialog):
    def __init__(self, check: Check, centre: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Operator Desk — sign in"))
        self.setMinimumWidth(420)
        heading = QLabel(self.tr("Sign in to %1").replace("%1", centre) if centre
                         else self.tr("Sign in"))
        heading.setObjectName("signInHeading")
        self.username = QLineEdit()
        self.username.setObjectName("signInUser")
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.sign_in_button = ok
        submit_on_ctrl_enter(self, ok)
        self.username.setFocus()

    def try_sign_in(self) -> None:
        user, password = self.username.text().strip(), self.password.text()
        self.password.clear()
        if not user or not password:
            self._refused("bad_credentials")
            return
        code = self._check(user, password)
        if code is None:
            self.accept()
        else:
            self._refused(code)

    def _refused(self, code: str) -> None:
        self.message.setText(refusal_text(code))
        self.message.show()
        self.password.setFocus()
