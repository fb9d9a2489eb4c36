"""The desk's keyboard map: every command as a window-wide ``QAction`` with its shortcuts, the
menus (Alarm, View, Help), and the list of shortcuts shown under Help.

The actions call the commands of a ``DeskCommands`` (the main window); they hold no logic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from operator_app.ui.common import labels


class DeskCommands(Protocol):
    """What the actions trigger."""

    def claim_top_alarm(self) -> bool: ...
    def release_selected(self) -> bool: ...
    def close_selected(self) -> bool: ...
    def choose_outcome(self, index: int) -> bool: ...
    def focus_note(self) -> None: ...
    def show_today_log(self) -> None: ...
    def focus_queue(self) -> None: ...
    def open_triage(self) -> None: ...
    def schedule_callback_for_selection(self) -> object: ...
    def toggle_sound(self) -> None: ...
    def open_handover(self) -> object: ...
    def show_reviews(self) -> None: ...
    def show_callbacks(self) -> None: ...


class DeskActions(QObject):
    def __init__(self, window: QMainWindow, commands: DeskCommands) -> None:
        super().__init__(window)
        self._window = window
        act = self._action
        c = commands
        self.claim_top = act(self.tr("Claim the most urgent alarm"), c.claim_top_alarm,
                             ["F2", "Ctrl+Space"])
        self.release = act(self.tr("Release the alarm"), c.release_selected, ["F3"])
        self.close = act(self.tr("Close the alarm"), c.close_selected,
                         ["Ctrl+Return", "Ctrl+Enter"])
        self.outcomes: list[QAction] = [
            act(self.tr("Outcome: %1").replace("%1", labels.outcome_label(outcome)),
                partial(c.choose_outcome, i), [f"Alt+{i + 1}"])
            for i, outcome in enumerate(labels.OUTCOME_ORDER)
        ]
        self.note = act(self.tr("Write a note"), c.focus_note, ["Ctrl+N"])
        self.log = act(self.tr("Today's log"), c.show_today_log, ["Ctrl+L"])
        self.queue = act(self.tr("Back to the queue"), c.focus_queue,
                         [QKeySequence(Qt.Key.Key_Escape)])
        self.open = act(self.tr("Open the selected alarm"), c.open_triage)
        self.schedule = act(self.tr("Schedule callback…"), c.schedule_callback_for_selection,
                            ["Ctrl+B"])
        self.sound = act(self.tr("Pause sound for 2 minutes"), c.toggle_sound, ["Ctrl+M"])
        self.handover = act(self.tr("Handover"), c.open_handover, ["Ctrl+H"])
        self.review = act(self.tr("Measurements to review"), c.show_reviews)
        self.callbacks = act(self.tr("Callbacks"), c.show_callbacks)
        self._build_menus()

    def _action(self, text: str, slot: Callable[[], object],
                shortcuts: Iterable[QKeySequence | str] = ()) -> QAction:
        action = QAction(text, self._window)
        keys = [QKeySequence(k) for k in shortcuts]
        if keys:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            names = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            action.setToolTip(f"{text} ({names})")
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        return action

    def _build_menus(self) -> None:
        menu_bar = self._window.menuBar()
        alarm_menu = menu_bar.addMenu(self.tr("&Alarm"))
        alarm_menu.addAction(self.claim_top)
        alarm_menu.addAction(self.open)
        alarm_menu.addAction(self.release)
        outcome_menu = alarm_menu.addMenu(self.tr("Outcome"))
        for action in self.outcomes:
            outcome_menu.addAction(action)
        alarm_menu.addAction(self.note)
        alarm_menu.addAction(self.close)
        alarm_menu.addSeparator()
        alarm_menu.addAction(self.schedule)
        alarm_menu.addAction(self.sound)
        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.queue)
        view_menu.addAction(self.log)
        view_menu.addAction(self.review)
        view_menu.addAction(self.callbacks)
        view_menu.addSeparator()
        view_menu.addAction(self.handover)
        self.help_menu = menu_bar.addMenu(self.tr("&Help"))
        self.shortcuts_menu = self.help_menu.addMenu(self.tr("Keyboard shortcuts"))
        self._fill_shortcuts_menu(self.shortcuts_menu)

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(keys, what they do), as listed in Help > Keyboard shortcuts."""
        return [
            (self.tr("F2, Ctrl+Space"), self.tr("Claim the most urgent unclaimed alarm")),
            (self.tr("Up, Down"), self.tr("Move in the queue")),
            (self.tr("Enter"), self.tr("Open the triage panel of the selected alarm")),
            (self.tr("Alt+1 … Alt+7"), self.tr("Choose the outcome")),
            (self.tr("Ctrl+N"), self.tr("Write a note")),
            (self.tr("Ctrl+Enter"), self.tr("Close the alarm (claimed by you, outcome chosen)")),
            (self.tr("F3"), self.tr("Release the alarm")),
            (self.tr("Ctrl+L"), self.tr("Today's log")),
            (self.tr("Ctrl+B"), self.tr("Schedule a callback to the selected patient")),
            (self.tr("Ctrl+M"), self.tr("Pause alarm sounds for 2 minutes / resume")),
            (self.tr("Ctrl+H"), self.tr("Handover (own window)")),
            (self.tr("Esc"), self.tr("Back to the queue")),
        ]

    def _fill_shortcuts_menu(self, menu: QMenu) -> None:
        for keys, text in self.shortcut_list():
            entry = menu.addAction(f"{keys}\t{text}")
            entry.setEnabled(False)

    def show_sound_paused(self, paused: bool) -> None:
        """Ctrl+M's words follow the sound: resume it, or pause it."""
        self.sound.setText(self.tr("Resume sound") if paused
                           else self.tr("Pause sound for 2 minutes"))
