"""The screen lock (issue 9): patient data hidden, alarms still signalled, unlock or another
operator; role-aware sign-off; the real bridge with a real store for the password checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from accounts_seed import PASSWORD, seed
from fake_bridge import FakeBridge
from PySide6.QtCore import Qt
from qt_samples import NOW, make_alarm

from operator_app.domain.accounts import Account, Role
from operator_app.domain.alarms import Priority
from operator_app.domain.session import Session
from operator_app.domain.views import AlarmView
from operator_app.ui.session.idle_watch import IdleWatch

pytestmark = pytest.mark.qt


def _lock(qtbot: Any, window: Any, bridge: FakeBridge) -> None:
    bridge.lock_screen()
    qtbot.waitUntil(window.lock.is_locked, timeout=2000)


def test_the_locked_desk_hides_patients_and_counts_alarms_per_priority(
    qtbot: Any, window: Any, bridge: FakeBridge, samples: list[AlarmView]
) -> None:
    bridge.push(*samples)
    open_high = sum(1 for a in samples if a.priority is Priority.HIGH and a.is_open
                    and a.parent_id is None and a.claimed_by is None)
    window.queue_view.select_alarm(samples[0].id)
    _lock(qtbot, window, bridge)
    assert not window.queue_view.isVisible() and not window.patient_panel.isVisible()
    assert not window.triage_panel.isVisible() and not window.measurements_panel.isVisible()
    assert not window.menuBar().isEnabled()
    screen = window.lock.screen
    assert screen.isVisible() and screen.high_waiting.isVisible()
    assert screen.high_waiting_count() == open_high
    assert str(open_high) in screen.high_waiting.text()
    names = {a.patient_name for a in samples if a.patient_name}
    shown = " ".join(w.text() for w in screen.findChildren(type(screen.title)))
    assert not any(name in shown for name in names)  # no patient on the lock screen

    # a new high alarm while locked: counted, and signalled like any other
    signalled: list[str] = []
    window.sound.signalled.connect(lambda level, _audible: signalled.append(level))
    new = make_alarm("A-new", priority=Priority.HIGH, kind="fall", age_s=1, now=NOW,
                     patient_id="P-99", patient_name="Ny Pasient")
    bridge.push(new)
    qtbot.waitUntil(lambda: screen.high_waiting_count() == open_high + 1, timeout=2000)
    assert "high" in signalled
    assert "Ny Pasient" not in screen.who.text()


def test_unlock_and_another_operator_from_the_lock_screen(
    qtbot: Any, window: Any, bridge: FakeBridge, samples: list[AlarmView]
) -> None:
    bridge.push(*samples)
    _lock(qtbot, window, bridge)
    screen = window.lock.screen
    screen.password.setText("wrong one")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert bridge.calls_to("unlock") == [("wrong one",)]
    bridge.answer_sign_in(False, "bad_credentials")
    assert window.lock.is_locked() and screen.message.isVisible()
    assert "password" in screen.message.text().lower() or "passord" in screen.message.text()

    screen.other_user.setText("lead")
    screen.other_password.setText("the lead's")
    qtbot.keyClick(screen.other_password, Qt.Key.Key_Return)
    assert bridge.calls_to("switch_account") == [("lead", "the lead's")]
    lead = Session(Account("lead", "Lead", Role.SHIFT_LEAD), "ws-1")
    bridge.answer_sign_in(True, session=lead)
    assert not window.lock.is_locked() and window.queue_view.isVisible()
    assert window.operator == "lead" and window.queue_model.operator() == "lead"
    assert window.triage_panel.operator() == "lead"
    assert "lead" in window.windowTitle()
    # anne's claim stays anne's, now shown as a colleague's
    mine = next(a for a in samples if a.claimed_by == "anne")
    assert window.queue_model.alarm(mine.id).claimed_by == "anne"


def test_ctrl_alt_l_locks(qtbot: Any, window: Any, bridge: FakeBridge) -> None:
    window.lock.shortcut.activated.emit()
    assert bridge.calls_to("lock_screen")
    assert window.lock.is_locked()


def test_idle_watch_locks_after_the_setting_and_activity_resets_it(qtbot: Any) -> None:
    now = [0.0]
    fired: list[int] = []
    watch = IdleWatch(300, lambda: fired.append(1), clock=lambda: now[0])
    now[0] = 299
    watch.check()
    assert fired == []
    watch.touch()  # what every key or mouse event does
    now[0] = 598
    watch.check()
    assert fired == []
    now[0] = 600
    watch.check()
    assert fired == [1]
    watch.stop()
    off = IdleWatch(0, lambda: fired.append(2), clock=lambda: now[0])
    now[0] = 10_000
    off.check()
    assert fired == [1]


@pytest.mark.parametrize(("role", "enabled"), [(Role.NURSE, False), (Role.SHIFT_LEAD, True)])
def test_only_a_shift_lead_is_offered_the_sign_off(qtbot: Any, role: Role, enabled: bool) -> None:
    from operator_app.ui.handover.handover_window import HandoverWindow

    fake = FakeBridge("x", role)
    win = HandoverWindow(fake)
    qtbot.addWidget(win)
    assert bool(win.view.signoff_button.toolTip()) is not enabled  # "Only a shift lead signs off"
    fake.session = Session(Account("lead", "Lead", Role.SHIFT_LEAD), "ws-1")
    fake.sessionChanged.emit(fake.session)
    assert win.view.signoff_button.toolTip() == ""


# -- the real bridge: passwords checked by the store ------------------------------------------------

@pytest.fixture
def real(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    from operator_app.auth.sign_in import Authenticator
    from operator_app.bridge.desk_bridge import DeskBridge
    from operator_app.store import Store

    store = seed(Store.open(f"sqlite:///{tmp_path / 'desk.db'}"))
    kari = store.accounts.get("kari")
    assert kari is not None
    bridge = DeskBridge(store, Session(kari, "ws-1"), None,
                        authenticator=Authenticator(store.accounts))
    try:
        yield store, bridge
    finally:
        bridge.stop()
        store.close()


def test_real_bridge_unlock_wrong_then_right_and_switch(qtbot: Any, real: Any) -> None:
    store, bridge = real
    answers: list[tuple[bool, str]] = []
    bridge.signInFinished.connect(lambda ok, code: answers.append((ok, code)))
    sessions: list[Session] = []
    bridge.sessionChanged.connect(sessions.append)
    bridge.lock_screen()
    assert bridge.locked
    bridge.unlock("not it")
    qtbot.waitUntil(lambda: len(answers) == 1, timeout=5000)
    assert answers[0] == (False, "bad_credentials") and bridge.locked
    bridge.unlock(PASSWORD)
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=5000)
    assert answers[1] == (True, "") and not bridge.locked and sessions == []
    bridge.lock_screen()
    bridge.switch_account("admin", PASSWORD)  # an admin does not take the desk
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=5000)
    assert answers[2] == (False, "not_for_desk") and bridge.session.operator == "kari"
    bridge.switch_account("lead", PASSWORD)
    qtbot.waitUntil(lambda: len(answers) == 4, timeout=5000)
    assert answers[3] == (True, "") and bridge.session.operator == "lead"
    assert [s.operator for s in sessions] == ["lead"]
    def kinds() -> list[tuple[str, str]]:
        return [(user, kind) for _at, user, kind, _by in store.accounts.events()]

    qtbot.waitUntil(lambda: ("lead", "screen_unlocked") in kinds(), timeout=5000)
    kinds = kinds()  # type: ignore[assignment]
    assert ("kari", "screen_locked") in kinds and ("kari", "sign_in_refused") in kinds
    assert ("kari", "signed_out") in kinds and ("lead", "signed_in") in kinds


def test_real_bridge_nurse_sign_off_is_refused_by_the_store(qtbot: Any, real: Any) -> None:
    _store, bridge = real
    errors: list[str] = []
    bridge.errorRaised.connect(errors.append)
    bridge.sign_off_handover(str(bridge.schedule.shift_for(NOW)))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "sign-off refused" in errors[0] and "sign_off" in errors[0]


def test_the_shift_lead_menu_follows_the_role_and_asks_before_acting(
    qtbot: Any, window: Any, bridge: FakeBridge, samples: list[AlarmView]
) -> None:
    lead_actions = window.lead_actions
    assert not lead_actions.menu.menuAction().isVisible()  # anne is a nurse
    lead = Session(Account("lead", "Lead", Role.SHIFT_LEAD), "ws-1")
    bridge.session = lead
    bridge.sessionChanged.emit(lead)
    assert lead_actions.menu.menuAction().isVisible()
    bridge.push(*samples)
    claimed = next(a for a in samples if a.claimed_by == "jonas")
    window.queue_view.select_alarm(claimed.id)
    answers = iter(["kari", None])
    lead_actions._ask = lambda _title, _label: next(answers)
    assert lead_actions.reassign_selected()
    assert bridge.calls_to("reassign") == [(claimed.id, "kari")]
    assert not lead_actions.reassign_selected()  # cancelled: nothing sent
    assert bridge.calls_to("reassign") == [(claimed.id, "kari")]
