"""Pure domain: alarms, priorities, queue ordering, records. No Qt, no I/O, no SQLAlchemy."""
