"""Operator Desk: the response-centre operator desktop."""

__version__ = "0.1.0"
