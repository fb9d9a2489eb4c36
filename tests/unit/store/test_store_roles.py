"""Roles are enforced by the store itself: a command is checked against the account's role as
the database holds it, whatever the caller claims (issue 9: a nurse is refused a sign-off)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from accounts_seed import seed
from store_events import T0, alarm, events, patient

from operator_app.domain.accounts import AccountError, NotPermittedError, Permission, Role
from operator_app.domain.alarms import AlarmState, EventKind, Outcome
from operator_app.domain.commands import CommandError
from operator_app.domain.shifts import DEFAULT_SCHEDULE
from operator_app.store import Store

pytestmark = pytest.mark.unit

NOW = T0 + timedelta(seconds=1)
SHIFT = DEFAULT_SCHEDULE.shift_for(T0)


@pytest.fixture
def desk(store: Store) -> Store:
    store.apply_batch("feed", "S-1", events(patient(), alarm("A-1"), alarm("A-2")), NOW)
    return store


def test_a_nurse_calling_the_store_directly_is_refused_a_sign_off(desk: Store) -> None:
    with pytest.raises(NotPermittedError) as refused:
        desk.shift.sign_off(DEFAULT_SCHEDULE, str(SHIFT), "kari")
    assert refused.value.permission is Permission.SIGN_OFF
    assert desk.shift.handover(DEFAULT_SCHEDULE, str(SHIFT)).signoff is None
    signed = desk.shift.sign_off(DEFAULT_SCHEDULE, str(SHIFT), "lead")
    assert signed.lead == "lead"


def test_a_name_that_is_no_account_cannot_claim_and_leaves_no_trace(desk: Store) -> None:
    with pytest.raises(AccountError) as refused:
        desk.claim("A-1", "somebody", "ws-1")
    assert refused.value.code == "unknown_account"
    view = desk.alarm("A-1")
    assert view is not None and view.claimed_by is None


def test_a_disabled_account_is_refused(desk: Store) -> None:
    desk.accounts.set_disabled("ola", True, by="admin")
    with pytest.raises(AccountError) as refused:
        desk.claim("A-1", "ola", "ws-1")
    assert refused.value.code == "disabled"
    desk.accounts.set_disabled("ola", False, by="admin")
    assert desk.claim("A-1", "ola", "ws-1").ok


def test_an_admin_manages_accounts_but_handles_no_alarms(desk: Store) -> None:
    with pytest.raises(NotPermittedError):
        desk.claim("A-1", "admin", "ws-1")
    with pytest.raises(NotPermittedError):
        desk.accounts.set_role("ola", Role.SHIFT_LEAD, by="kari")  # a nurse is no admin
    desk.accounts.set_role("ola", Role.SHIFT_LEAD, by="admin")
    assert desk.shift.sign_off(DEFAULT_SCHEDULE, str(SHIFT), "ola").lead == "ola"


def test_only_a_shift_lead_reassigns_a_claim(desk: Store) -> None:
    assert desk.claim("A-1", "kari", "ws-1").ok
    with pytest.raises(NotPermittedError):
        desk.reassign("A-1", "ola", "ola", "ws-2")  # a nurse cannot take another's claim
    moved = desk.reassign("A-1", "ola", "lead", "ws-3")
    assert moved.ok and moved.alarm is not None and moved.alarm.claimed_by == "ola"
    assert desk.close_alarm("A-1", "kari", "ws-1", Outcome.FALSE_ALARM, "").reason \
        is CommandError.CLAIMED_BY_OTHER
    assert desk.close_alarm("A-1", "ola", "ws-2", Outcome.FALSE_ALARM, "").ok
    with pytest.raises(AccountError):
        desk.reassign("A-2", "nobody-here", "lead", "ws-3")


def test_only_a_shift_lead_reopens_and_the_first_decision_stays_in_the_log(desk: Store) -> None:
    assert desk.claim("A-1", "kari", "ws-1").ok
    assert desk.close_alarm("A-1", "kari", "ws-1", Outcome.FALSE_ALARM, "first").ok
    with pytest.raises(NotPermittedError):
        desk.reopen("A-1", "wrong outcome", "kari", "ws-1")
    reopened = desk.reopen("A-1", "wrong outcome", "lead", "ws-3")
    assert reopened.ok and reopened.alarm is not None
    assert reopened.alarm.state is AlarmState.OPEN and reopened.alarm.claimed_by == "lead"
    assert desk.reopen("A-2", "x", "lead", "ws-3").reason is CommandError.NOT_CLOSED
    assert desk.close_alarm("A-1", "lead", "ws-3", Outcome.RESOLVED_BY_PHONE, "second").ok
    rows = [r for r in desk.response_log(T0 - timedelta(hours=1), T0 + timedelta(hours=1))
            if r.id == "A-1"]
    assert rows and rows[0].outcome == Outcome.RESOLVED_BY_PHONE.value
    import sqlalchemy as sa
    with desk.engine.connect() as conn:
        kinds = conn.execute(sa.text(
            "SELECT kind, operator FROM alarm_events WHERE alarm_id = 'A-1' ORDER BY id")).all()
    assert (EventKind.REOPENED.value, "lead") in [tuple(k) for k in kinds]
    assert [k for k, _ in kinds].count(EventKind.CLOSED.value) == 2


def test_callbacks_and_notes_need_their_permission(desk: Store) -> None:
    with pytest.raises(NotPermittedError):
        desk.shift.add_note(str(SHIFT), "admin", "an admin writes no handover notes")
    note = desk.shift.add_note(str(SHIFT), "kari", "Ring datter i morgen.")
    assert note.operator == "kari"
    with pytest.raises(NotPermittedError):
        desk.shift.schedule_callback("P-1", NOW + timedelta(hours=1), "check", None, "admin")


def test_seed_is_idempotent(store: Store) -> None:
    before = store.accounts.count()
    seed(store)
    assert store.accounts.count() == before


def test_a_nurse_sees_her_own_figures_and_a_shift_lead_everyones(store: Store) -> None:
    now = datetime.now(UTC)  # the store's clock: received, claimed and counted in this shift
    store.apply_batch("feed", "S-1", events(patient(), alarm("A-1"), alarm("A-2")), now)
    desk = store
    assert desk.claim("A-1", "kari", "ws-1").ok
    assert desk.claim("A-2", "ola", "ws-2").ok
    shift = str(DEFAULT_SCHEDULE.shift_for(now))
    everyone = {x.operator for x in desk.shift.handover(DEFAULT_SCHEDULE, shift).figures.load}
    assert everyone == {"kari", "ola"}
    lead = desk.shift.handover(DEFAULT_SCHEDULE, shift, viewer="lead").figures
    assert {x.operator for x in lead.load} == {"kari", "ola"}
    kari = desk.shift.handover(DEFAULT_SCHEDULE, shift, viewer="kari").figures
    assert [x.operator for x in kari.load] == ["kari"]
    assert kari.total == lead.total  # the centre's totals are everyone's
