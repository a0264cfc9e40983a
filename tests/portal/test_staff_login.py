"""Staff login lockouts (django-axes): per username and client address together, 5 failures,
15 minutes, a translated 429 page in the admin's look, lifted by an administrator."""

import datetime as dt
import logging

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

import pytest
from axes.models import AccessAttempt

from tests.factories import DEMO_PASSWORD
from tests.portal.staff import events

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"


def attempt(client, username, password, address="203.0.113.7", **extra):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def test_five_wrong_passwords_lock_the_username_from_that_client(client):
    answers = [attempt(client, "teknik", f"wrong-{i}").status_code for i in range(6)]
    # Four wrong passwords get the form back with its error; the fifth locks, the sixth is refused.
    assert answers == [200, 200, 200, 200, 429, 429]
    locked = attempt(client, "teknik", DEMO_PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_is_translated_in_the_admins_look_with_retry_after(client):
    for i in range(5):
        attempt(client, "teknik", f"wrong-{i}", HTTP_ACCEPT_LANGUAGE="sv")
    page = attempt(client, "teknik", DEMO_PASSWORD, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 429
    assert page["Retry-After"] == str(15 * 60)
    html = page.content.decode()
    assert "wagtailadmin/css/core.css" in html  # the admin's stylesheet
    assert "Try again in 15 minutes" in html  # English asked for, English given
    assert str(settings.AXES_COOLOFF_MESSAGE) not in html  # not django-axes' bare text


def test_another_username_or_another_client_is_not_locked_out(client):
    for i in range(5):
        attempt(client, "teknik", f"wrong-{i}")
    # The attacker's address failing against one user locks no one else out...
    assert attempt(client, "utbildning", "wrong").status_code == 200
    # ...and the user still signs in from their own desk.
    signed_in = attempt(client, "teknik", DEMO_PASSWORD, address="198.51.100.20")
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"]


def test_failures_from_one_address_against_every_user_lock_out_none_of_them(client):
    for username in ("teknik", "utbildning", "social", "omsorg", "agent", "chef", "editor"):
        for i in range(4):
            assert attempt(client, username, f"wrong-{i}").status_code == 200
    assert attempt(client, "chef", DEMO_PASSWORD).status_code == 302


def test_the_client_is_the_address_the_trusted_proxy_saw(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for i in range(5):
        attempt(client, "teknik", f"wrong-{i}", address="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    # The same proxy, another client behind it: not locked.
    other = attempt(client, "teknik", DEMO_PASSWORD, address="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert other.status_code == 302
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


def test_an_ipv6_client_counts_by_its_64(client):
    for i in range(5):
        attempt(client, "teknik", f"wrong-{i}", address=f"2001:db8:1:2::{i + 1}")
    assert attempt(client, "teknik", DEMO_PASSWORD, address="2001:db8:1:2::99").status_code == 429


def test_the_lockout_ends_after_15_minutes(client):
    for i in range(5):
        attempt(client, "teknik", f"wrong-{i}")
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=15, seconds=1))
    assert attempt(client, "teknik", DEMO_PASSWORD).status_code == 302


def test_each_attempt_during_the_lockout_starts_the_15_minutes_again(client):
    for i in range(5):
        attempt(client, "teknik", f"wrong-{i}")
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=14))
    assert attempt(client, "teknik", "wrong-again").status_code == 429
    # Counted from this attempt now: still locked when the first 15 minutes are over.
    assert AccessAttempt.objects.get().attempt_time > timezone.now() - dt.timedelta(minutes=1)


def test_the_django_admin_login_is_locked_out_too(client):
    answers = [
        client.post(
            "/django-admin/login/", {"username": "admin", "password": f"wrong-{i}"}, REMOTE_ADDR="203.0.113.7"
        )
        for i in range(5)
    ]
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]


def test_an_administrator_sees_and_lifts_a_lockout_in_the_admin(client, django_user_model):
    for i in range(5):
        attempt(client, "teknik", f"wrong-{i}")
    admin = django_user_model.objects.get(username="admin")
    client.force_login(admin)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    listing_url = reverse("admin:axes_accessattempt_changelist")
    assert listing_url in menu  # Settings → Login lockouts
    listing = client.get(listing_url)
    assert listing.status_code == 200 and "teknik" in listing.content.decode()
    lockout = AccessAttempt.objects.get(username="teknik")
    deleted = client.post(reverse("admin:axes_accessattempt_delete", args=[lockout.pk]), {"post": "yes"})
    assert deleted.status_code == 302
    client.logout()
    assert attempt(client, "teknik", DEMO_PASSWORD).status_code == 302


def test_the_lockout_menu_is_for_administrators_only(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="chef"))
    assert reverse("admin:axes_accessattempt_changelist") not in client.get("/admin/").content.decode()


def test_a_command_lifts_a_lockout(client):
    for i in range(5):
        attempt(client, "teknik", f"wrong-{i}")
    call_command("axes_reset_username", "teknik", verbosity=0)
    assert attempt(client, "teknik", DEMO_PASSWORD).status_code == 302


def test_login_events_are_logged_with_the_username_masked(client, caplog):
    caplog.set_level(logging.INFO, logger="kommunportal.security")
    attempt(client, "19850101-1234", "wrong")
    for i in range(5):
        attempt(client, "teknik", f"wrong-{i}")
    attempt(client, "teknik", DEMO_PASSWORD, address="198.51.100.20")
    [typed_personnummer, *_rest] = events(caplog, "login.failed")
    assert "19850101" not in caplog.text and typed_personnummer["username"] != "19850101-1234"
    assert "203.0.113.7" not in caplog.text  # the client is a keyed hash
    failed = events(caplog, "login.failed")
    assert len(failed) == 6 and failed[1]["username"] == "teknik"
    # The attempt that reaches the limit, and each one refused during the lockout.
    [locked] = events(caplog, "login.locked_out")
    assert locked["username"] == "teknik" and locked["until"]
    [succeeded] = events(caplog, "login.succeeded")
    assert succeeded["user"] == "teknik"


def test_production_checks_lockouts_before_any_password():
    """The suite logs in through a subclass (tests/axes_backend.py); production uses axes' own, first."""
    from axes.backends import AxesStandaloneBackend

    from portal.settings import base

    assert base.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert issubclass(import_string(settings.AUTHENTICATION_BACKENDS[0]), AxesStandaloneBackend)
