"""The server side of ``rc-feed.v1`` (PROTOCOL.md), for any feed server that serves desks.

``RcFeedServer`` (``server.py``) listens, checks the token (``handshake.py``), greets with
``welcome``, replays from its ``EventWindow`` (``window.py``) or sends a snapshot of its
``SourceState`` (``source_state.py``), and runs one ``ClientSender`` per connection
(``sender.py``). Frames are built in ``frames.py``. The bundled simulator
(``operator_app.feed.simulator``) is built on it.
"""
