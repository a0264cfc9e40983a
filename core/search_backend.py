"""Wagtail's database search backend, reading a ``Stem`` query as "words beginning with it".

``WAGTAILSEARCH_BACKENDS`` names this module. It picks the backend Wagtail's own
``wagtail.search.backends.database`` would pick for the database in use (SQLite FTS5,
PostgreSQL, MySQL, or the plain fallback) and, on SQLite and PostgreSQL, teaches its query
compiler ``core.stemming.Stem``: FTS5's prefix query ``"bygglov"*``, PostgreSQL's
``'bygglov':*`` (which PostgreSQL's own stemmer reads first when ``SEARCH_CONFIG`` names one).
Every other query, and the index, stay Wagtail's.
"""

from django.contrib.postgres.search import SearchQuery as PostgresSearchQuery

from wagtail.search.backends import database
from wagtail.search.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.backends.database.postgres.query import Lexeme as PostgresLexeme
from wagtail.search.backends.database.sqlite.query import BM25, Lexeme, SearchQueryExpression
from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend, SQLiteSearchQueryCompiler

from core.stemming import Stem


class StemmingSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, Stem):
            return SearchQueryExpression(Lexeme(query.query_string, prefix=True), config=config)
        return super().build_search_query_content(query, config=config)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        # FTS5's bm25() scores a row against the whole MATCH expression, so every part of a
        # query has the same score; Wagtail multiplies (1 + score) over the parts of an And,
        # which flips the sign of a negative bm25 and ranks the best match last.
        return BM25() * boost if boost != 1.0 else BM25()


class StemmingSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = StemmingSQLiteQueryCompiler


class StemmingPostgresQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, Stem):
            lexeme = PostgresLexeme(query.query_string, invert=invert, prefix=True)
            return PostgresSearchQuery(lexeme, search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class StemmingPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = StemmingPostgresQueryCompiler


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    backend = database.SearchBackend(params)
    if type(backend) is SQLiteSearchBackend:
        return StemmingSQLiteSearchBackend(params)
    if type(backend) is PostgresSearchBackend:
        return StemmingPostgresSearchBackend(params)
    return backend
