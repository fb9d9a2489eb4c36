"""Reconnect delays: quick first retry, then exponential growth to a cap, with jitter."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator


def backoff_delays(
    initial: float = 0.5,
    maximum: float = 30.0,
    factor: float = 2.0,
    jitter: float = 0.25,
    rng: Callable[[], float] = random.random,
) -> Iterator[float]:
    """Yield ``initial*factor**n`` capped at ``maximum``, each scaled by ``1 ± jitter``.

    The first delay is drawn from ``[initial*(1-jitter)/2, initial]`` so that many desks that
    lose the same server do not all come back in the same millisecond, yet the first retry is
    within ``initial`` seconds.
    """
    yield initial * (1 - jitter) / 2 + rng() * initial * (1 + jitter) / 2
    delay = initial
    while True:
        delay = min(maximum, delay * factor)
        yield min(maximum, delay * (1 - jitter + 2 * jitter * rng()))
