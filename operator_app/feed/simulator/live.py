"""Live generation for the simulator: alarms, updates and measurements as Poisson arrivals.

Timing comes from its own ``random.Random`` (seeded from the scenario's seed), content from the
:class:`Scenario`; every generated event goes to ``inject`` (``FeedServer.inject``).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from typing import Any

from operator_app.feed.server.frames import utc_now
from operator_app.feed.simulator.scenario import Scenario


async def generate_live(scenario: Scenario, inject: Callable[[str, dict[str, Any]], int],
                        alarm_rate_per_min: float, measurement_rate_per_min: float) -> None:
    """Alarms, updates and measurements at the given rates, until cancelled."""
    loop = asyncio.get_running_loop()
    timing = random.Random(scenario.seed * 7919 + 17)

    def gap(rate_per_min: float) -> float:
        return timing.expovariate(rate_per_min / 60.0) if rate_per_min > 0 else float("inf")

    update_rate = alarm_rate_per_min * 0.6
    due = {"alarm": loop.time() + gap(alarm_rate_per_min),
           "measurement": loop.time() + gap(measurement_rate_per_min),
           "update": loop.time() + gap(update_rate)}
    rates = {"alarm": alarm_rate_per_min,
             "measurement": measurement_rate_per_min, "update": update_rate}
    while True:
        what = min(due, key=due.__getitem__)
        if due[what] == float("inf"):
            await asyncio.Event().wait()  # nothing to generate: idle until cancelled
        await asyncio.sleep(max(0.0, due[what] - loop.time()))
        now = utc_now()
        if what == "alarm":
            inject("alarm.raised", scenario.next_alarm(now))
        elif what == "measurement":
            inject("measurement.recorded", scenario.next_measurement(now))
        else:
            update = scenario.maybe_update(now)
            if update is not None:
                inject("alarm.updated", update)
        due[what] = loop.time() + gap(rates[what])
