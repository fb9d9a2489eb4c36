"""The desks sharing one database: their workstation ids and names (``workstations``)."""
