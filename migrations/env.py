"""Alembic environment: the workbench's own metadata and database URL.

The URL is, in order: ``-x url=...`` on the command line, the ``sqlalchemy.url`` set
by :func:`workbench.store.database.alembic_config`, then ``WORKBENCH_DB_URL`` / the SQLite file
under ``WORKBENCH_DATA_DIR`` (the same rule as the app).
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context

from workbench.store import make_engine, metadata

config = context.config
if config.config_file_name and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name)

target_metadata = metadata


def _url() -> str | None:
    return context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )


def run_migrations_offline() -> None:
    from workbench.store import database_url

    context.configure(
        url=database_url(_url()), target_metadata=target_metadata,
        literal_binds=True, render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(_url())
    try:
        with engine.connect() as connection:
            context.configure(
                connection=connection, target_metadata=target_metadata, render_as_batch=True,
            )
            with context.begin_transaction():
                if connection.dialect.name == "postgresql":
                    # Two app processes starting at once must not both create tables:
                    # the second waits here, then finds the schema at head.
                    connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7207262)")
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
