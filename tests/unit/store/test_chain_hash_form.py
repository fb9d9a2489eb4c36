"""The chain's hash form is fixed: the inline fast path of ``chain.row_hash`` gives exactly the
hash of the plain values ``_plain`` gives, for every kind of value a chained column holds, so
chains written before it still verify (and a row written now verifies on an older desk)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from operator_app.store.core import chain
from operator_app.store.core.columns import utc_text

pytestmark = pytest.mark.unit

_times = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-7))]),
)
#: what a non-timestamp chained column may hold (text that looks like a time stays text)
_content = st.one_of(
    st.none(), st.integers(-(2**62), 2**62), st.booleans(), st.text(max_size=40),
    _times.map(utc_text), st.text(min_size=27, max_size=27),
)
#: a timestamp column: a datetime, the text SQLite returns, or other ISO text
_timestamp = st.one_of(_times, _times.map(utc_text), _times.map(lambda t: t.isoformat()))


def _reference_hash(spec: chain.ChainSpec, values: list[object], prev: str) -> str:
    """The hash form as written down in ``chain``'s docstring, value by value."""
    plain = [chain._plain(v, t) for v, t in zip(values, spec.time_flags, strict=True)]
    return hashlib.sha256(msgspec.json.encode([spec.table, *plain, prev])).hexdigest()


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data())
def test_row_hash_is_the_reference_form_for_any_values(data: st.DataObject) -> None:
    spec = data.draw(st.sampled_from(chain.CHAINS))
    values = []
    for timestamp in spec.time_flags:
        values.append(data.draw(_timestamp if timestamp else _content))
    prev = data.draw(st.sampled_from([chain.GENESIS, "ab" * 32]))
    assert chain.row_hash(spec, values, prev) == _reference_hash(spec, values, prev)


def test_a_known_row_keeps_its_known_hash() -> None:
    """A row written before the fast path, with the hash it was given then."""
    values = ["A-1", "raised", "2026-11-25T18:02:52.900000Z", None, None, '{"x":1}', None]
    expected = hashlib.sha256(
        b'["alarm_events","A-1","raised","2026-11-25T18:02:52.900000Z",null,null,"{\\"x\\":1}",'
        b'null,"' + chain.GENESIS.encode() + b'"]'
    ).hexdigest()
    assert chain.row_hash(chain.ALARM_EVENTS, values, chain.GENESIS) == expected
