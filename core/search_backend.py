"""Wagtail's database search backend, reading a ``Stem`` query as "words beginning with it".

``WAGTAILSEARCH_BACKENDS`` names this module. It picks the backend Wagtail's own
``wagtail.search.backends.database`` picks for the database in use (SQLite FTS5, PostgreSQL,
MySQL, or the plain fallback) and, on SQLite and PostgreSQL, swaps in a query compiler that
knows ``core.stemming.Stem`` (core/search_sqlite.py, core/search_postgres.py). Every other
query, and the index, stay Wagtail's. Decision 0012.
"""

from wagtail.search.backends import database


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    backend = database.SearchBackend(params)
    # By name: each module can only be imported on its own database.
    name = type(backend).__name__
    if name == "SQLiteSearchBackend":
        from core.search_sqlite import StemmingSQLiteSearchBackend

        return StemmingSQLiteSearchBackend(params)
    if name == "PostgresSearchBackend":
        from core.search_postgres import StemmingPostgresSearchBackend

        return StemmingPostgresSearchBackend(params)
    return backend
