"""The bundled feed simulator: the server side of ``rc-feed.v1`` (PROTOCOL.md).

``Scenario`` makes deterministic data, ``FeedServer`` serves it, ``SimulatorThread`` runs a
server in-process, ``main`` is ``operator-app simulate``.
"""

from .runner import SimulatorThread
from .scenario import Scenario
from .server import SUBPROTOCOL, FeedServer

__all__ = ["SUBPROTOCOL", "FeedServer", "Scenario", "SimulatorThread"]
