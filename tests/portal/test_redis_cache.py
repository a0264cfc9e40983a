"""``CACHE_URL=redis://…``, as the README documents it, serves the citizen's pages.

It once gave 500 on every page: Django's RedisCache needs the ``redis`` package, which was
not a dependency. Runs against the Redis on 127.0.0.1:6379 when there is one; every key it
writes has this run's own prefix and is deleted afterwards, so it never meets another's.
"""

import json
import os
import socket
import subprocess
import sys
import tomllib
import uuid
from pathlib import Path

from django.test import Client
from django.urls import reverse

import pytest

from contactcentre.services import NewCase, open_case
from eservices.models import EServicePage
from pages.models import ServiceAreaPage, ServicePage
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/3"


def redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def caches_for(cache_url):
    """CACHES as the settings build them from the environment, in a fresh interpreter."""
    code = "import json, portal.settings.base as s; print(json.dumps(s.CACHES))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "CACHE_URL": cache_url},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_redis_is_a_runtime_dependency():
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(dependency.split(">")[0].split("=")[0].strip() == "redis" for dependency in dependencies)


@pytest.fixture
def redis_cache(settings):
    if not redis_reachable():
        pytest.skip("no Redis on 127.0.0.1:6379")
    import redis

    caches = caches_for(REDIS_URL)
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert caches["pages"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    prefix = f"kp-test-{uuid.uuid4().hex}"
    settings.CACHE_URL = REDIS_URL  # rate limits count in the cache when it is set
    settings.CACHES = {
        "default": {**caches["default"], "KEY_PREFIX": prefix},
        "pages": {**caches["pages"], "KEY_PREFIX": f"{prefix}:pages"},
    }
    client = redis.Redis.from_url(REDIS_URL)
    yield client, prefix
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture
def service_page(db):
    """A live service page beside the minimal site's e-service pages."""
    area_page = ServiceAreaPage.objects.get(service_area__menu_digit=4)
    return factories.publish(factories.ServicePageFactory(parent=area_page, title="Bygglov", slug="bygglov"))


@pytest.mark.django_db
@pytest.mark.usefixtures("service_page")
def test_citizen_pages_answer_with_the_redis_cache(client, redis_cache):
    redis_client, prefix = redis_cache
    service = ServicePage.objects.live().filter(locale__language_code="sv").first()
    eservice = EServicePage.objects.live().filter(locale__language_code="sv").first()
    start = client.get(eservice.url + "starta/")
    assert start.status_code == 302
    urls = ["/", service.url, eservice.url, start["Location"], reverse("case_lookup")]
    for url in urls:
        assert client.get(url).status_code == 200, url
    # The service page again, for a visitor without cookies: from the page cache, in Redis.
    visitor = Client()
    assert [visitor.get(service.url)["X-Page-Cache"] for _ in range(2)] == ["miss", "hit"]
    assert any(b":pages:" in key for key in redis_client.scan_iter(match=f"{prefix}:*"))
    # The status look-up: a real case's page, and a wrong code, which the rate limit counts in Redis.
    case, _ = open_case(NewCase(title="Fråga om bygglov", contact_email="tolvan@example.com"))
    found = client.post(reverse("case_lookup"), {"reference": case.reference, "token": case.status_token()})
    assert client.get(found["Location"]).status_code == 200
    wrong = client.post(reverse("case_lookup"), {"reference": case.reference, "token": "0" * 32}, follow=True)
    # Said beside the fields of the look-up form (not a bare 404), and counted as a failure.
    assert wrong.status_code == 200 and 'class="error-summary"' in wrong.content.decode()
    assert any(b"ratelimit" in key for key in redis_client.scan_iter(match=f"{prefix}:*"))
