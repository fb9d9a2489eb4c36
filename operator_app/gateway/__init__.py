"""``operator-app scaip-gateway``: social-alarm devices speaking SCAIP (SS 91100, an ``<mrq>``
in a SIP MESSAGE) in, ``rc-feed.v1`` to any number of desks out. No Qt; see README "Running the
SCAIP gateway for a centre"."""
