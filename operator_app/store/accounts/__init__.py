"""Operator accounts: who may sign in, their roles, and the log of what happened to them."""
