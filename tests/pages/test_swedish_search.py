"""Swedish site search: word forms find their base word (decision 0012). Runs on SQLite and,
with DATABASE_URL=postgresql://…, on PostgreSQL's "swedish" text-search configuration."""

from django.db import connection

from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, PlainText

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.stemming import Stem, swedish_stem
from pages.search_query import citizen_query

pytestmark = pytest.mark.django_db


def page_titles(client, query, url="/sok/"):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["pages"]]


@pytest.mark.parametrize("query", ["bygglov", "bygglovet", "bygglovets", "bygglovena", "Bygglovet"])
@pytest.mark.usefixtures("demo")
def test_forms_of_bygglov_find_the_bygglov_page_first(client, query):
    assert page_titles(client, query)[0] == "Bygglov"


@pytest.mark.parametrize("query", ["förskoleplatsen", "förskoleplatser", "förskolan"])
@pytest.mark.usefixtures("demo")
def test_forms_of_forskola_find_the_forskoleplats_page(client, query):
    assert "Förskoleplats" in page_titles(client, query)


@pytest.mark.usefixtures("demo")
def test_question_words_do_not_hide_the_answer(client):
    """Stop words ("hur", "jag", "om") are left out; "ansöker" and "bygglovet" are asked for."""
    assert page_titles(client, "hur ansöker jag om bygglovet")[0] == "Bygglov"


@pytest.mark.parametrize("query", ["qwertyplatsen", "bygglovxyzzy", "förskoleplatsen xyzzyqwerty"])
@pytest.mark.usefixtures("demo")
def test_a_word_no_page_has_finds_nothing(client, query):
    response = client.get("/sok/", {"q": query})
    assert response.context["result_count"] == 0


@pytest.mark.usefixtures("demo")
def test_faq_and_blanketter_search_stem_too(client):
    assert client.get("/sok/", {"q": "bygglovets"}).context["blanketter"]
    response = client.get("/blanketter/", {"q": "bygglovena"})
    assert response.context["blanketter"]


@pytest.mark.usefixtures("demo")
def test_any_swedish_text_is_answered(client):
    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(query=st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöÅÄÖ\"'()*:-^ \x00é\u0301", max_size=30))
    def check(query):
        assert client.get("/sok/", {"q": query}).status_code == 200

    check()


def test_the_database_backend_reads_stems():
    backend = get_search_backend()
    if connection.vendor == "postgresql":
        assert type(backend).__name__ == "StemmingPostgresSearchBackend"
        assert backend.config == "swedish"
    else:
        assert type(backend).__name__ == "StemmingSQLiteSearchBackend"


# --- The query and the stems, without a database ------------------------------------------


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("bygglov", "bygglov"),
        ("bygglovet", "bygglov"),
        ("bygglovets", "bygglov"),
        ("bygglovena", "bygglov"),
        ("förskoleplatsen", "förskoleplat"),
        ("förskolan", "förskol"),
        ("Parkeringen", "parkering"),
    ],
)
def test_swedish_stem(word, stem):
    assert swedish_stem(word) == stem


@given(st.text(min_size=1, max_size=30))
def test_a_stem_begins_its_word(word):
    assert word.lower().startswith(swedish_stem(word))


def test_swedish_query_asks_for_each_word_or_its_stem():
    query = citizen_query("Hur söker jag bygglovet?", "sv")
    assert isinstance(query, And)
    assert [[type(q).__name__, q.query_string] for sub in query.subqueries for q in sub.subqueries] == [
        ["PlainText", "söker"],
        ["Stem", "sök"],
        ["PlainText", "bygglovet"],
        ["Stem", "bygglov"],
    ]


def test_only_stop_words_are_asked_for_as_typed():
    query = citizen_query("och", "sv")
    assert isinstance(query, Or)
    assert query.subqueries[0].query_string == "och"


@pytest.mark.parametrize("text", ["e-post", "070-123", "el"])
def test_terms_of_several_words_digits_or_two_letters_are_not_stemmed(text):
    query = citizen_query(text, "sv")
    assert type(query) is PlainText
    assert query.query_string == text


@pytest.mark.parametrize("language", ["en", "ar", "fi"])
def test_other_languages_match_words_as_typed(language):
    query = citizen_query("bygglovena permits", language)
    assert type(query) is PlainText
    assert not isinstance(query, Stem)
    assert query.query_string == "bygglovena permits"
