"""The bundled feed simulator: a ``rc-feed.v1`` server with deterministic data (PROTOCOL.md).

``Scenario`` makes deterministic data (``patients``, ``alarms``, ``observations``),
``FeedServer`` serves it over :mod:`operator_app.feed.server` with test controls,
``SimulatorThread`` runs a server in-process, ``main`` is ``operator-app simulate``.
"""

from .runner import SimulatorThread
from .scenario import Scenario
from .server import FeedServer

__all__ = ["FeedServer", "Scenario", "SimulatorThread"]
