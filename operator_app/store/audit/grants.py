"""PostgreSQL grants for a desk role that cannot rewrite history (``operator-app audit grants``).

The tables are owned by the role that runs the migrations (the owner can disable triggers, so
desks must not connect as it). The desk role may read every table, change the current-state
tables, and only INSERT and SELECT the chained tables (``store/core/chain.py``): together with
the append-only triggers of migration ``0005_chain`` it can neither change nor remove a row.
"""

from __future__ import annotations

from operator_app.store.core import chain
from operator_app.store.schema import metadata


def grants_sql(role: str = "opdesk_desk") -> str:
    if not role.replace("_", "").isalnum():
        raise ValueError(f"not a plain role name: {role!r}")
    chained = [s.table for s in chain.CHAINS]
    state = [t.name for t in metadata.sorted_tables if t.name not in chained]
    return "\n".join([
        "-- Run as the owner of the tables (the role that ran the migrations).",
        f"-- CREATE ROLE {role} LOGIN PASSWORD '...';  -- once; the password is yours to set",
        f"GRANT USAGE ON SCHEMA public TO {role};",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role};",
        f"GRANT SELECT ON alembic_version TO {role};",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(state)} TO {role};",
        "-- the tamper-evident tables: append and read only (no UPDATE, DELETE, TRUNCATE)",
        f"GRANT SELECT, INSERT ON {', '.join(chained)} TO {role};",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};",
        "",
    ])
