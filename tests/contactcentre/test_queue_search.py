"""The queue's search box: a personnummer never stands in an address; the public search log masks it."""

from django.urls import reverse

import pytest

from pages import search_log
from pages.models.search_log import SearchMiss
from tests.contactcentre.test_personal_data import NILS, TOLVAN, case_of

pytestmark = pytest.mark.django_db
INDEX = reverse("contactcentre_admin:index")
SEARCH = reverse("contactcentre_admin:search")


def listed(response):
    return {case.reference for case in response.context["object_list"]}


def test_the_search_box_posts_with_its_csrf_token(signed_in):
    html = signed_in("agent").get(INDEX).content.decode()
    start = html.index(f'action="{SEARCH}"')
    form = html[html.rindex("<form", 0, start) : html.index("</form>", start)]
    assert 'method="post"' in form
    assert 'name="q"' in form
    # The header is included with "only": without the token passed in, a real browser gets a 403.
    assert 'name="csrfmiddlewaretoken" value="' in form
    assert 'name="csrfmiddlewaretoken" value=""' not in form


@pytest.mark.parametrize("typed", [TOLVAN, "811218-9876", "198112189876", " 19811218 9876 "])
def test_a_searched_personnummer_becomes_a_key_and_finds_that_persons_cases(signed_in, typed):
    tolvan, nils = case_of(TOLVAN), case_of(NILS)
    client = signed_in("agent")
    response = client.post(SEARCH, {"q": typed, "status": "new"})
    assert response.status_code == 303
    address = response["Location"]
    assert "9876" not in address and "811218" not in address
    assert "q=pnr-" in address and "status=new" in address
    page = client.get(address)
    assert listed(page) == {tolvan.reference}
    assert nils.reference not in listed(page)
    assert "19811218-****" in page.content.decode()
    assert TOLVAN not in page.content.decode()
    # Back, reload and the queue's export keep working from the key, in this session.
    assert listed(client.get(address)) == {tolvan.reference}


def test_the_key_means_nothing_in_another_session(signed_in, client, staff):
    case_of(TOLVAN)
    agent = signed_in("agent")
    address = agent.post(SEARCH, {"q": TOLVAN})["Location"]
    other = client.__class__()
    other.force_login(staff["admin"])
    assert listed(other.get(address)) == set()


def test_other_searches_stay_in_the_address(signed_in):
    tolvan = case_of(TOLVAN)
    client = signed_in("agent")
    response = client.post(SEARCH, {"q": tolvan.reference})
    assert response["Location"] == f"{INDEX}?q={tolvan.reference}"
    assert listed(client.get(response["Location"])) == {tolvan.reference}


def test_a_personnummer_in_a_get_is_moved_out_of_the_address(signed_in):
    tolvan = case_of(TOLVAN)
    client = signed_in("agent")
    response = client.get(INDEX, {"q": TOLVAN})
    assert response.status_code == 302
    assert "9876" not in response["Location"] and "q=pnr-" in response["Location"]
    assert listed(client.get(response["Location"])) == {tolvan.reference}


def test_the_search_keeps_the_filters_the_page_shows(signed_in):
    client = signed_in("agent")
    # The filters were changed in place (the address moved on): the browser's Referer says so.
    response = client.post(
        SEARCH, {"q": "lampa", "status": "new"}, HTTP_REFERER=f"http://testserver{INDEX}?status=waiting"
    )
    assert response["Location"] == f"{INDEX}?status=waiting&q=lampa"


def test_the_search_only_finds_cases_the_user_may_see(signed_in):
    case_of(TOLVAN, title="Ekonomiskt bistånd", digit=2)  # confidential, Socialförvaltningen's
    client = signed_in("agent")
    assert listed(client.get(client.post(SEARCH, {"q": TOLVAN})["Location"])) == set()


@pytest.mark.parametrize(
    "query", ["19811218-9876", "811218-9876", "198112189876", "19701063-2391", "701063 2391"]
)
def test_the_public_search_log_never_keeps_a_personnummer(query):
    stored = search_log.normalise(f"bygglov {query}")
    assert stored == "bygglov #"
    search_log.record_miss(f"{query}", "sv")
    assert not SearchMiss.objects.exists()
