"""SQLite FTS5: ``Stem`` as a prefix query, ranked by FTS5's bm25() (core/search_backend.py).

Imported only on SQLite: modelsearch's SQLite module looks up a model that exists only there.
"""

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
