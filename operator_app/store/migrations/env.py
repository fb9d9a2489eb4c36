"""Alembic environment. Migrations run only through ``operator_app.store.migrate.upgrade``,
which passes an open connection inside a write transaction; there is no alembic.ini."""

from __future__ import annotations

from alembic import context

from operator_app.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with operator_app.store.migrate.upgrade(engine)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
