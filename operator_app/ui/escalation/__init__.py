"""Escalation: overdue answers and long claims (the monitor), the alert strip and the sound."""
