"""Admin sessions end after STAFF_IDLE_TIMEOUT_MINUTES without a request; citizens' sessions do not."""

import logging

import pytest

from portal.staff_accounts import idle
from tests.portal.staff import events, shows

pytestmark = pytest.mark.django_db
IDLE_MESSAGE = "You were signed out after %(minutes)s minutes without activity. Sign in again."


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves: ``clock.minutes += 31``."""

    class Clock:
        minutes = 0.0

    moved = Clock()
    start = 1_800_000_000.0
    monkeypatch.setattr(idle, "now", lambda: start + moved.minutes * 60)
    return moved


def test_an_admin_session_ends_after_30_idle_minutes(client, django_user_model, clock, caplog, settings):
    assert settings.STAFF_IDLE_TIMEOUT_MINUTES == 30
    caplog.set_level(logging.INFO, logger="kommunportal.security")
    client.force_login(django_user_model.objects.get(username="teknik"))
    assert client.get("/admin/").status_code == 200
    clock.minutes += 29
    assert client.get("/admin/").status_code == 200  # activity keeps it alive
    clock.minutes += 29
    assert client.get("/admin/").status_code == 200
    clock.minutes += 31
    ended = client.get("/admin/arenden/")
    assert ended.status_code == 302 and ended["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session
    login_page = client.get(ended["Location"])
    assert shows(login_page, IDLE_MESSAGE, minutes=30)
    [event] = events(caplog, "session.idle_logout")
    assert event["user"] == "teknik" and event["idle_minutes"] == 31


def test_the_timeout_is_a_setting(client, django_user_model, clock, settings):
    settings.STAFF_IDLE_TIMEOUT_MINUTES = 5
    client.force_login(django_user_model.objects.get(username="teknik"))
    client.get("/admin/")
    clock.minutes += 6
    assert client.get("/admin/").status_code == 302


def test_a_citizens_session_is_untouched(client, clock):
    session = client.session
    session["eservice-run"] = "halvvägs"
    session.save()
    client.get("/")
    clock.minutes += 24 * 60
    client.get("/")
    assert client.session["eservice-run"] == "halvvägs"
