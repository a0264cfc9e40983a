"""PostgreSQL: ``Stem`` as a prefix query, ``'bygglov':*`` (core/search_backend.py).

PostgreSQL's own stemmer (``SEARCH_CONFIG``) reads the prefix first, as it reads every word.
"""

from django.contrib.postgres.search import SearchQuery

from wagtail.search.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.backends.database.postgres.query import Lexeme

from core.stemming import Stem


class StemmingPostgresQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, Stem):
            lexeme = Lexeme(query.query_string, invert=invert, prefix=True)
            return SearchQuery(lexeme, search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class StemmingPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = StemmingPostgresQueryCompiler
