"""The page cache (core/page_cache.py): whole anonymous pages, gone when content changes.

Each test asks as a new visitor (a fresh ``Client``, no cookies) unless it says otherwise;
``X-Page-Cache`` says whether the answer came from the store ("hit") or was stored ("miss").
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest
from freezegun import freeze_time

from core import page_cache
from pages.models import ContactCentrePage, HomePage, MunicipalitySettings, OpeningHours, ServiceAreaPage
from tests import factories
from tests.pages.test_faq_votes import FROM_OUR_PAGE

pytestmark = pytest.mark.django_db


def visit(url, **headers):
    return Client().get(url, **headers)


def cache_state(url, **headers):
    return visit(url, **headers).get("X-Page-Cache")


@pytest.fixture
def area_page():
    return ServiceAreaPage.objects.live().filter(locale__language_code="sv").first()


@pytest.fixture
def service_page(area_page):
    return factories.publish(
        factories.ServicePageFactory(
            parent=area_page, title="Bygglov", slug="bygglov", intro="Så söker du bygglov."
        )
    )


def test_the_second_visitor_gets_the_stored_page(service_page):
    first = visit(service_page.url)
    assert first["X-Page-Cache"] == "miss"
    second = visit(service_page.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content and "Så söker du bygglov." in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"] and second["Content-Language"] == "sv"
    # The outer middleware still adds the security headers to a stored page.
    assert "Content-Security-Policy" in second and second["X-Content-Type-Options"] == "nosniff"
    assert second["Cache-Control"].startswith("public, max-age=0, s-maxage=")


def test_a_browser_that_has_the_page_gets_304(service_page):
    etag = visit(service_page.url)["ETag"]
    again = visit(service_page.url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert visit(service_page.url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_each_language_is_stored_apart():
    sv = HomePage.objects.get(locale__language_code="sv")
    en = factories.publish(sv.copy_for_translation(factories.locale("en")))
    visit(sv.url), visit(en.url)
    assert visit(sv.url).content.decode().count('lang="sv"') >= 1
    assert 'lang="en"' in visit(en.url).content.decode()


def test_publishing_changes_what_the_next_visitor_sees(service_page):
    visit(service_page.url)
    service_page.intro = "Ny text om bygglov."
    service_page.save_revision().publish()
    response = visit(service_page.url)
    assert response["X-Page-Cache"] == "miss" and "Ny text om bygglov." in response.content.decode()


def test_a_draft_changes_nothing_and_is_never_shown(service_page):
    visit(service_page.url)
    service_page.intro = "Utkast som inte är klart."
    service_page.save_revision()
    response = visit(service_page.url)
    assert response["X-Page-Cache"] == "hit" and "Utkast" not in response.content.decode()


def test_unpublishing_moving_and_deleting_take_the_page_away(service_page, area_page):
    visit(service_page.url)
    service_page.unpublish()
    assert visit(service_page.url).status_code == 404

    moved = factories.publish(
        factories.ServicePageFactory(parent=area_page, title="Strandskydd", slug="strandskydd")
    )
    old_url = moved.url
    visit(old_url)
    other_area = (
        ServiceAreaPage.objects.live().filter(locale__language_code="sv").exclude(pk=area_page.pk).first()
    )
    moved.move(other_area, pos="last-child")
    # Wagtail leaves a redirect at the old address; the stored page is not served there.
    assert visit(old_url)["Location"] == moved.specific.__class__.objects.get(pk=moved.pk).url

    deleted = factories.publish(
        factories.ServicePageFactory(parent=area_page, title="Marklov", slug="marklov")
    )
    url = deleted.url
    visit(url)
    deleted.delete()
    assert visit(url).status_code == 404


@pytest.mark.parametrize("change", ["faq", "municipality setting", "opening hours"])
def test_editing_a_snippet_or_setting_a_page_shows_forgets_the_stored_pages(change):
    home = HomePage.objects.get(locale__language_code="sv")
    visit(home.url)
    assert cache_state(home.url) == "hit"
    if change == "faq":
        factories.FAQFactory()
    elif change == "municipality setting":
        settings_ = MunicipalitySettings.load()
        settings_.name = "Nyköping"
        settings_.save()
    else:
        hours = OpeningHours.objects.first()
        hours.save()
    assert cache_state(home.url) == "miss"


def test_a_signed_in_editor_is_never_served_nor_stored(service_page, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    seen = editor.get(service_page.url)
    assert "X-Page-Cache" not in seen  # looked past the store
    assert cache_state(service_page.url) == "miss"  # and left nothing in it
    visit(service_page.url)
    assert "X-Page-Cache" not in editor.get(service_page.url)


def test_a_thank_you_message_is_never_stored_nor_shown_to_the_next_visitor(service_page):
    faq = factories.FAQFactory(question="Vad kostar bygglov?")
    voter = Client()
    voted = voter.post(
        f"/faq/{faq.pk}/feedback/", {"helpful": "yes", "next": service_page.url}, **FROM_OUR_PAGE
    )
    thanked = voter.get(voted["Location"].split("#")[0])
    assert (
        "Thank you for your answer" in thanked.content.decode()
        or "Tack för ditt svar" in thanked.content.decode()
    )
    assert "X-Page-Cache" not in thanked
    assert "Tack för ditt svar" not in visit(service_page.url).content.decode()


def test_a_query_string_is_always_rendered(service_page):
    assert "X-Page-Cache" not in visit(service_page.url + "?utm_source=nyhetsbrev")
    assert "X-Page-Cache" not in visit("/sok/?q=bygglov")


def test_an_eservice_start_page_is_stored_and_its_steps_never_are(client):
    from eservices.models import EServicePage

    eservice = EServicePage.objects.live().filter(locale__language_code="sv").first()
    visit(eservice.url)
    assert cache_state(eservice.url) == "hit"
    started = client.get(eservice.url + "starta/")
    step = client.get(started["Location"])
    assert step.status_code == 200 and "X-Page-Cache" not in step  # the run's session cookie
    anonymous_step = visit(started["Location"])
    assert "X-Page-Cache" not in anonymous_step or anonymous_step["X-Page-Cache"] != "hit"
    assert "no-store" in anonymous_step["Cache-Control"] or anonymous_step.status_code != 200


def test_a_page_behind_a_password_is_never_stored(service_page):
    visit(service_page.url)
    PageViewRestriction.objects.create(page=service_page, restriction_type="password", password="hemligt")
    response = visit(service_page.url)
    assert "Så söker du bygglov." not in response.content.decode()
    assert response.get("X-Page-Cache") != "hit"
    assert visit(service_page.url).get("X-Page-Cache") != "hit"


def test_a_page_for_signed_in_groups_only_is_never_stored(service_page):
    restriction = PageViewRestriction.objects.create(page=service_page, restriction_type="groups")
    restriction.groups.set([Group.objects.get_or_create(name="Kontaktcenter")[0]])
    response = visit(service_page.url)
    assert response.status_code == 302 and "X-Page-Cache" not in response


def test_a_preview_is_never_stored_and_the_public_sees_the_live_page(service_page, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    service_page.intro = "Förhandsvisad text."
    service_page.save_revision()
    preview = editor.get(f"/admin/pages/{service_page.pk}/edit/preview/?mode=")
    # Whatever the admin answers, nothing of it reaches a visitor.
    assert preview.status_code in {200, 405}
    assert "Förhandsvisad text." not in visit(service_page.url).content.decode()


def test_not_found_and_errors_are_not_stored():
    assert visit("/finns-inte/").status_code == 404
    assert "X-Page-Cache" not in visit("/finns-inte/")


def test_the_contact_page_is_kept_no_longer_than_its_open_now_status(rf):
    """The contact page says "Open now, closes 16.45": at 16.45 its stored copy is gone."""
    contact = ContactCentrePage.objects.live().get(locale__language_code="sv")
    caches["default"].clear()  # the statuses computed at another (real) time
    monday = dt.datetime(2026, 12, 7, 16, 40, tzinfo=ZoneInfo("Europe/Stockholm"))
    with freeze_time(monday):
        response = visit(contact.url)
        assert response["X-Page-Cache"] == "miss" and "16.45" in response.content.decode()
        stored = caches[page_cache.ALIAS].get(page_cache._key(rf.get(contact.url)))  # noqa: SLF001
    assert stored["until"] == monday.replace(minute=45).timestamp()


def test_the_time_kept_stops_at_the_status_change_and_at_midnight(settings, rf):
    settings.PAGE_CACHE_SECONDS = 3600
    now = timezone.make_aware(dt.datetime(2026, 12, 7, 16, 40))  # a Monday, Stockholm time
    request = rf.get("/")
    assert page_cache._seconds_to_keep(request, now) == 3600  # noqa: SLF001
    page_cache.expires_by(request, now + dt.timedelta(minutes=5))  # "open now, closes 16.45"
    page_cache.expires_by(request, now + dt.timedelta(minutes=50))  # a later change does not extend it
    assert page_cache._seconds_to_keep(request, now) == 300  # noqa: SLF001
    late = timezone.make_aware(dt.datetime(2026, 12, 7, 23, 50))
    assert page_cache._seconds_to_keep(rf.get("/"), late) == 600  # noqa: SLF001


def test_the_cache_can_be_turned_off(settings, service_page):
    settings.PAGE_CACHE_SECONDS = 0
    visit(service_page.url)
    assert "X-Page-Cache" not in visit(service_page.url)


def test_a_second_server_sees_the_new_generation():
    """The generation lives in the shared cache: another process that published is seen here."""
    home = HomePage.objects.get(locale__language_code="sv")
    visit(home.url)
    caches[page_cache.ALIAS].set(page_cache.GENERATION_KEY, "from-another-server", timeout=None)
    assert cache_state(home.url) == "miss"
    assert Page.objects.filter(pk=home.pk).exists()


def test_a_hit_asks_the_shared_cache_once(monkeypatch):
    """The content's token and the stored page come in one round trip (one MGET on Redis)."""
    home = HomePage.objects.get(locale__language_code="sv")
    visit(home.url)
    store, calls, depth = caches[page_cache.ALIAS], [], []

    def counted(name, original):
        def call(*args, **kwargs):
            if not depth:  # the test's local-memory get_many calls get for each key itself
                calls.append(name)
            depth.append(name)
            try:
                return original(*args, **kwargs)
            finally:
                depth.pop()

        return call

    for name in ("get", "get_many", "has_key", "add"):
        monkeypatch.setattr(store, name, counted(name, getattr(store, name)))
    assert cache_state(home.url) == "hit"
    assert calls == ["get_many"]


def test_outside_a_request_the_generation_is_read_at_every_asking():
    """A task worker never sees a request end: it must not keep a generation another server ended."""
    page_cache.current_generation()
    page_cache.cache().set(page_cache.GENERATION_KEY, "ended-elsewhere", timeout=None)
    assert page_cache.current_generation() == "ended-elsewhere"


@pytest.fixture
def local_copies(settings, monkeypatch):
    """Each process's own copy of hot pages on, with a clock the test moves."""
    settings.PAGE_CACHE_LOCAL_SECONDS = 1
    clock = [1000.0]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: clock[0])
    page_cache.forget_local()
    yield clock
    page_cache.forget_local()


def test_a_process_answers_a_hot_page_without_asking_the_shared_cache(local_copies, monkeypatch):
    home = HomePage.objects.get(locale__language_code="sv")
    assert cache_state(home.url) == "miss"
    store = caches[page_cache.ALIAS]
    monkeypatch.setattr(store, "get_many", lambda *args, **kwargs: pytest.fail("asked the shared cache"))
    again = visit(home.url)
    assert again["X-Page-Cache"] == "hit" and "Content-Security-Policy" in again


def test_another_servers_change_is_seen_within_the_local_seconds(local_copies):
    home = HomePage.objects.get(locale__language_code="sv")
    visit(home.url)
    caches[page_cache.ALIAS].set(page_cache.GENERATION_KEY, "from-another-server", timeout=None)
    assert cache_state(home.url) == "hit"  # within the second this process trusts
    local_copies[0] += 1
    assert cache_state(home.url) == "miss"  # then it reads the shared generation again


def test_a_change_made_in_this_process_is_seen_at_once(local_copies, service_page):
    visit(service_page.url)
    assert cache_state(service_page.url) == "hit"
    service_page.intro = "Nu med ny text."
    service_page.save_revision().publish()
    page = visit(service_page.url)
    assert page["X-Page-Cache"] == "miss" and "Nu med ny text." in page.content.decode()


def test_a_local_copy_is_kept_no_longer_than_the_stored_page(local_copies, service_page):
    visit(service_page.url)
    key = next(iter(page_cache._local_pages))
    page_cache._local_pages[key] = {**page_cache._local_pages[key], "until": 0}
    assert cache_state(service_page.url) == "hit"  # from the shared cache, not the outdated copy
    assert page_cache._local_pages[key]["until"] > 0
