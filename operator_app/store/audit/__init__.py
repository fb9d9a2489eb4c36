"""Audit: the access log (who opened which patient's data, and why) and the chain check."""
