"""Queries of the staff's busiest pages, pinned: the queue listing and the statistics.

The queue is counted as a contact-centre agent of the demo roles sees it (the minimal site's
``agent``, group Kontaktcenter), with 10 and with 50 cases: the same number (no query per
case). The statistics as the demo's manager (``chef``, Kontaktcenterchef) sees them, with the
cache of computed periods off. docs/performance.md gives the figures.
"""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests import factories
from tests.contactcentre.conftest import area

pytestmark = pytest.mark.django_db

QUEUE_QUERIES = 18
STATISTICS_QUERIES = 41


def signed_in(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def queries_for(client, url):
    client.get(url)  # warms what is kept between requests (the admin's menus, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def open_cases(count):
    for number in range(count):
        factories.case(title=f"Ärende {number}", service_area=area(3 + number % 3))


@pytest.mark.parametrize("cases", [10, 50])
def test_the_queue_listing_is_pinned_for_10_and_50_cases(client, cases):
    open_cases(cases)
    queue = reverse("contactcentre_admin:index")
    assert queries_for(signed_in(client, "agent"), queue) == QUEUE_QUERIES


def test_the_statistics_page_is_pinned(client, settings):
    settings.STATISTICS_CACHE_SECONDS = 0
    open_cases(10)
    page = reverse("contactcentre_statistics:index")
    assert queries_for(signed_in(client, "chef"), page) == STATISTICS_QUERIES


def test_the_queue_counts_up_to_its_cap_and_says_more_than(client, settings, monkeypatch):
    """An exact count of every visible case grows with the table; the pager stops at the cap."""
    from contactcentre.admin_views.listing import CaseListingView

    monkeypatch.setattr(CaseListingView, "paginate_by", 2)
    settings.QUEUE_COUNT_CAP = 5
    open_cases(8)
    agent = signed_in(client, "agent")
    queue = reverse("contactcentre_admin:index")
    with CaptureQueriesContext(connection) as queries:
        html = agent.get(queue).content.decode()
    counts = [
        query["sql"]
        for query in queries
        if "COUNT(" in query["sql"].upper() and "contactcentre_case" in query["sql"]
    ]
    assert counts and all("LIMIT 6" in sql for sql in counts), counts
    assert "Fler än 5 ärenden" in html
    assert "Sida 1 av 3" in html
    settings.QUEUE_COUNT_CAP = 100
    html = agent.get(queue).content.decode()
    assert "Fler än" not in html and "8 ärenden" in html and "Sida 1 av 4" in html
