"""Signing operators in: local accounts (the centre's database) and the centre's directory."""
