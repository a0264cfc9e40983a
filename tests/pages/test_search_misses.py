"""Searches that found nothing are counted per day, masked, pruned and seeded in the demo."""

import datetime as dt
import logging

from django.core.management import call_command
from django.db import DatabaseError
from django.utils import timezone

import pytest

from demo import content
from demo.search_misses import DAYS, QUERIES, UNHELPFUL_FAQS
from pages import search_log
from pages.models import FAQ, FAQFeedback, SearchMiss
from pages.models.search_log import KEEP_DAYS
from portal.management.commands.run_periodic_jobs import JOBS

pytestmark = pytest.mark.django_db
NOTHING = "xyzzy kvastskaft"  # no demo page, FAQ or blankett has either word


def today_misses(query=None):
    misses = SearchMiss.objects.filter(day=timezone.localdate())
    return misses.filter(query=query) if query else misses


def search(client, query, **params):
    response = client.get("/sok/", {"q": query, **params})
    assert response.status_code == 200
    return response


def stored_queries():
    return set(SearchMiss.objects.values_list("query", flat=True))


# --- recording from the search page ---------------------------------------------------------


def test_a_search_without_results_is_counted_once_per_day(client):
    response = search(client, NOTHING)
    assert response.context["result_count"] == 0
    [miss] = today_misses(NOTHING)
    assert (miss.language, miss.hits) == ("sv", 1)
    search(client, "  Xyzzy   KVASTSKAFT ")  # the same words, written differently
    miss.refresh_from_db()
    assert miss.hits == 2
    assert today_misses(NOTHING).count() == 1


def test_the_english_site_counts_its_misses_apart(client):
    search(client, NOTHING)
    response = client.get("/en/search/", {"q": NOTHING})
    assert response.status_code == 200
    assert dict(today_misses(NOTHING).values_list("language", "hits")) == {"sv": 1, "en": 1}


@pytest.mark.usefixtures("demo")
def test_a_search_with_results_records_nothing(client):
    before = list(SearchMiss.objects.values_list("pk", "hits"))
    response = search(client, "bygglov")
    assert response.context["result_count"] > 0
    assert list(SearchMiss.objects.values_list("pk", "hits")) == before


def test_empty_queries_and_later_result_pages_record_nothing(client):
    before = SearchMiss.objects.count()
    search(client, "")
    search(client, "   ")
    search(client, NOTHING, sida="2")
    assert SearchMiss.objects.count() == before
    search(client, NOTHING, sida="1")
    assert today_misses(NOTHING).get().hits == 1


@pytest.mark.parametrize(
    ("query", "stored"),
    [
        ("kvastskaft 19121212-1212", "kvastskaft #"),
        ("kvastskaft 121212-1212 xyzzy", "kvastskaft # xyzzy"),
        ("kvastskaft 070-123 45 67", "kvastskaft #"),
        ("kvastskaft +46 70 123 45 67", "kvastskaft #"),
        ("kvastskaft KC-2026-000123 xyzzy", "kvastskaft # xyzzy"),
        ("kvastskaft tolvan.tolvansson@example.com", "kvastskaft @"),
        ("tolvan1912@example.com kvastskaft", "@ kvastskaft"),
        ("kvastskaft 19121212-1212 tolvan@example.com", "kvastskaft # @"),
        ("kvastskaft 24 7", "kvastskaft 24 7"),  # fewer than four digits: not a number to hide
    ],
)
def test_personal_data_is_masked_before_it_is_stored(client, query, stored):
    response = search(client, query)
    assert response.context["result_count"] == 0
    assert today_misses(stored).get().hits == 1
    digits = "".join(character for character in query if character.isdigit())
    for row in stored_queries():
        assert "example" not in row and "tolvan" not in row
        if len(digits) >= 4:
            assert digits[-4:] not in row


@pytest.mark.parametrize(
    ("query", "masked"),
    [
        ("191212121212", "#"),
        ("19121212-1212", "#"),
        ("070-123 45 67", "#"),
        ("+46 70 123 45 67", "#"),
        ("KC-2026-000123", "#"),
        ("tolvan@example.com", "@"),
        ("KC-2026-000123 tolvan@example.com - 19121212-1212", "# @ - #"),
    ],
)
def test_a_query_of_nothing_but_personal_data_records_nothing(query, masked):
    before = stored_queries()
    assert search_log.mask(query) == masked
    assert search_log.normalise(query) == ""
    search_log.record_miss(query, "sv")
    assert stored_queries() == before


def test_an_all_digits_search_records_nothing(client):
    before = stored_queries()
    response = search(client, "191212121212")
    assert response.context["result_count"] == 0
    assert stored_queries() == before
    assert not today_misses("#").exists()


def test_long_queries_are_cut_to_the_column(client):
    search(client, "kvastskaft " * 30)
    [miss] = today_misses().filter(query__startswith="kvastskaft kvastskaft")
    assert len(miss.query) <= 100
    assert miss.query == ("kvastskaft " * 10).strip()[:100].strip()


def test_the_search_page_answers_even_when_the_count_cannot_be_written(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(SearchMiss.objects, "filter", broken)
    with caplog.at_level(logging.ERROR, logger="pages.search_log"):
        response = search(client, "personnummer 19121212-1212 kvastskaft")
    assert response.context["result_count"] == 0
    assert "kvastskaft" in response.content.decode()
    [record] = caplog.records
    assert record.getMessage() == "Could not record a search without results"
    assert "1212" not in caplog.text and "kvastskaft" not in caplog.text


def test_a_first_miss_created_by_someone_else_meanwhile_is_counted_on_it(monkeypatch):
    """Two first misses at once: ours finds no row, theirs inserts it, our INSERT then fails."""
    day = timezone.localdate()
    real_filter = SearchMiss.objects.filter

    class LostRace:
        def __init__(self, misses):
            self.misses, self.updates = misses, 0

        def update(self, **changes):
            self.updates += 1
            if self.updates == 1:
                SearchMiss.objects.create(day=day, language="sv", query="kvastskaft")  # theirs
                return 0  # ours ran a moment before theirs
            return self.misses.update(**changes)

    monkeypatch.setattr(SearchMiss.objects, "filter", lambda **lookup: LostRace(real_filter(**lookup)))
    search_log.record_miss("kvastskaft", "sv")
    monkeypatch.undo()
    assert SearchMiss.objects.get(day=day, language="sv", query="kvastskaft").hits == 2


# --- statistics and pruning -------------------------------------------------------------------


def test_top_misses_adds_up_the_days_within_the_range_only():
    day = dt.date(2020, 3, 10)
    SearchMiss.objects.bulk_create(
        [
            SearchMiss(day=day, language="sv", query="kvastskaft", hits=2),
            SearchMiss(day=day + dt.timedelta(days=1), language="sv", query="kvastskaft", hits=3),
            SearchMiss(day=day + dt.timedelta(days=2), language="sv", query="kvastskaft", hits=1),
            SearchMiss(day=day + dt.timedelta(days=1), language="en", query="kvastskaft", hits=4),
            SearchMiss(day=day, language="sv", query="xyzzy", hits=9),
            SearchMiss(day=day - dt.timedelta(days=1), language="sv", query="xyzzy", hits=50),
            SearchMiss(day=day + dt.timedelta(days=3), language="sv", query="kvastskaft", hits=50),
        ]
    )
    top = search_log.top_misses(day, day + dt.timedelta(days=2))
    assert top == [("xyzzy", "sv", 9), ("kvastskaft", "sv", 6), ("kvastskaft", "en", 4)]
    assert top[0].query == "xyzzy" and top[0].hits == 9
    assert search_log.top_misses(day, day + dt.timedelta(days=2), limit=1) == [("xyzzy", "sv", 9)]
    assert search_log.top_misses(day + dt.timedelta(days=10), day + dt.timedelta(days=20)) == []


def test_pruning_deletes_only_the_days_older_than_kept(capsys):
    today = timezone.localdate()
    oldest_kept = today - dt.timedelta(days=KEEP_DAYS)
    SearchMiss.objects.bulk_create(
        [
            SearchMiss(day=oldest_kept, language="sv", query="kvastskaft"),
            SearchMiss(day=oldest_kept - dt.timedelta(days=1), language="sv", query="kvastskaft"),
            SearchMiss(day=oldest_kept - dt.timedelta(days=900), language="sv", query="xyzzy"),
        ]
    )
    recent = SearchMiss.objects.filter(day__gte=oldest_kept).count()
    call_command("prune_search_misses")
    assert "Deleted 2 old search-miss count(s)" in capsys.readouterr().out
    assert not SearchMiss.objects.filter(day__lt=oldest_kept).exists()
    assert SearchMiss.objects.filter(day__gte=oldest_kept).count() == recent
    assert ("prune_search_misses", {}) in JOBS


# --- demo data ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("demo")
def test_the_demo_has_a_few_hundred_misses_over_ninety_days():
    today = timezone.localdate()
    misses = SearchMiss.objects.all()
    assert 200 <= misses.count() <= 1000
    assert not misses.filter(day__gt=today).exists()
    assert not misses.filter(day__lt=today - dt.timedelta(days=DAYS - 1)).exists()
    assert misses.filter(day__lt=today - dt.timedelta(days=60)).exists()
    assert {query for query, _language, _weight in QUERIES} == stored_queries()
    assert len(set(misses.values_list("hits", flat=True))) > 1
    top = search_log.top_misses(today - dt.timedelta(days=DAYS), today, limit=5)
    assert len(top) == 5 and top[0].hits > top[-1].hits


def test_the_demo_queries_are_stored_as_the_search_would_store_them():
    for query, _language, _weight in QUERIES:
        assert search_log.normalise(query) == query


def test_the_demo_queries_really_find_nothing(client):
    found = []
    for query, language, _weight in QUERIES:
        url = "/sok/" if language == "sv" else "/en/search/"
        if client.get(url, {"q": query}).context["result_count"]:
            found.append(query)
    assert found == []


@pytest.mark.usefixtures("demo")
def test_the_demo_has_faq_feedback_with_a_few_unhelpful_faqs():
    assert set(UNHELPFUL_FAQS) <= set(content.FAQS)
    feedback = FAQFeedback.objects.all()
    assert 200 <= feedback.count() <= 1000
    now = timezone.now()
    assert not feedback.filter(created_at__gt=now).exists()
    assert not feedback.filter(created_at__lt=now - dt.timedelta(days=DAYS)).exists()
    assert feedback.filter(created_at__lt=now - dt.timedelta(days=60)).exists()
    shares = {}
    for faq in FAQ.objects.filter(locale__language_code="sv"):
        answers = list(feedback.filter(faq=faq).values_list("helpful", flat=True))
        assert answers, faq.question
        shares[faq.question] = sum(answers) / len(answers)
    unhelpful = {content.FAQS[key][1] for key in UNHELPFUL_FAQS}
    assert {question for question, share in shares.items() if share < 0.5} == unhelpful
    assert sum(share >= 0.6 for share in shares.values()) >= len(shares) - len(unhelpful)


def test_search_promotions_count_only_the_masked_query(client):
    from wagtail.contrib.search_promotions.models import Query

    client.get("/sok/", {"q": "19121212-1212 bygglov"})
    assert not Query.objects.filter(query_string__contains="1212").exists()
    assert Query.objects.filter(query_string="# bygglov").exists()
