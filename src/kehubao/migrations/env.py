"""Alembic environment. The app passes its open connection in `config.attributes`; a
developer generating a revision (scripts/new_migration.py) passes a URL instead."""

from alembic import context
from sqlalchemy import create_engine

from kehubao.db import include_in_migrations
from kehubao.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can only ALTER through table copies
        compare_type=True,
        include_object=include_in_migrations,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _run(conn)
