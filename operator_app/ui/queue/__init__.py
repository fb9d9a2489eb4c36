"""The alarm queue: its model, proxy and view, today's log, and the book of open alarms."""
