"""The SCAIP gateway's tables: its rc-feed event log, the device registry, the refs it has
answered and the supervision state of each controller (``operator-app scaip-gateway``)."""
