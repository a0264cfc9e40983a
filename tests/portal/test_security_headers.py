"""The headers on each type of response (docs/security.md, "Headers", is this file as a table).

Every response the application makes carries: Referrer-Policy same-origin, X-Content-Type-Options
nosniff, Cross-Origin-Opener-Policy same-origin, a Permissions-Policy that turns off the camera,
microphone and position, and no Server or X-Powered-By header. What differs per type is the
Content-Security-Policy and Cache-Control, asserted below.
"""

import re

from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.models import Page

import pytest

from contactcentre.models import Case
from contactcentre.services import Attachment
from eservices.models import EServicePage
from eservices.wizard import CHECK_STEP
from portal.headers import SecurityHeadersMiddleware
from tests.api.conftest import png_bytes
from tests.eservices.test_drafts import resume_link, save
from tests.eservices.test_wizard_engine import CONTACT, QUESTION, post_step, start, step_url
from tests.factories import UserFactory
from tests.factories import case as open_a_case

pytestmark = pytest.mark.django_db

PUBLIC_CSP = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'none'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}
ADMIN_CSP = {
    **PUBLIC_CSP,
    "script-src": {"'self'", "'unsafe-inline'"},
    "style-src": {"'self'", "'unsafe-inline'"},
    "img-src": {"'self'", "blob:"},
}
PREVIEW_CSP = {**PUBLIC_CSP, "frame-ancestors": {"'self'"}}
ATTACHMENT_CSP = {"default-src": {"'none'"}, "sandbox": set()}
DOCUMENT_CSP = {"default-src": {"'none'"}}  # Wagtail's own (WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT)


def csp(response) -> dict[str, set[str]]:
    header = response.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.status_code} {response.get('Content-Type')}"
    directives = {}
    for part in filter(None, (p.strip() for p in header.split(";"))):
        name, *values = part.split()
        directives[name] = set(values)
    return directives


def no_store(response) -> bool:
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def assert_every_response_has(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    features = dict(re.findall(r"([a-z-]+)=(\(\))", response["Permissions-Policy"]))
    assert {"camera", "microphone", "geolocation"} <= set(features)
    assert "Server" not in response and "X-Powered-By" not in response


def assert_headers(response, *, status, policy, stored):
    """``stored``: True if a browser may keep it (no no-store), False if it must not."""
    assert response.status_code == status, response.content[:300]
    assert_every_response_has(response)
    if policy is not None:
        assert csp(response) == policy
    assert no_store(response) is not stored, response.get("Cache-Control")


@pytest.fixture
def private_root(settings, tmp_path, monkeypatch):
    from contactcentre.models import CaseAttachment
    from core.storage import PrivateStorage

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(CaseAttachment._meta.get_field("file"), "storage", PrivateStorage())
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def eservice_page():
    return lambda slug: EServicePage.objects.get(eservice_slug=slug, locale__language_code="sv")


# --- the public site ----------------------------------------------------------------------------


def test_a_public_page(client):
    response = client.get("/")
    assert_headers(response, status=200, policy=PUBLIC_CSP, stored=True)
    assert response["X-Frame-Options"] == "DENY"
    assert "nonce-" not in response["Content-Security-Policy"]  # no page of ours needs one


def test_an_eservice_run_from_start_to_receipt(client, eservice_page):
    page = eservice_page("fraga-kontaktcenter")
    assert_headers(client.get(page.url), status=200, policy=PUBLIC_CSP, stored=True)  # its start page

    response = client.get(page.url + "starta/")
    assert_headers(response, status=302, policy=PUBLIC_CSP, stored=False)
    url = response["Location"]
    assert_headers(client.get(url), status=200, policy=PUBLIC_CSP, stored=False)  # a step
    with_error = post_step(client, url, "fraga", {"subject": ""})
    assert_headers(with_error, status=200, policy=PUBLIC_CSP, stored=False)
    assert "error-summary" in with_error.content.decode()

    assert post_step(client, url, "fraga", QUESTION).status_code == 302
    assert post_step(client, step_url(url, "kontakt"), "kontakt", CONTACT).status_code == 302
    check = client.get(step_url(url, CHECK_STEP))
    assert_headers(check, status=200, policy=PUBLIC_CSP, stored=False)
    sent = post_step(client, step_url(url, CHECK_STEP), CHECK_STEP, {})
    assert_headers(sent, status=302, policy=PUBLIC_CSP, stored=False)
    receipt = client.get(sent["Location"])  # the done step makes the case, then shows the receipt
    while receipt.status_code == 302:
        assert_headers(receipt, status=302, policy=PUBLIC_CSP, stored=False)
        receipt = client.get(receipt["Location"])
    assert_headers(receipt, status=200, policy=PUBLIC_CSP, stored=False)
    assert Case.objects.get().reference in receipt.content.decode()


def test_save_for_later_and_the_resume_link(client, eservice_page):
    page = eservice_page("fraga-kontaktcenter")
    url = start(client, page)
    run = url.rstrip("/").split("/")[-2]
    assert_headers(client.get(f"{page.url}spara/{run}/"), status=200, policy=PUBLIC_CSP, stored=False)
    save(Client(), page)
    link = re.sub(r"^https?://[^/]+", "", resume_link())
    assert_headers(Client().get(link), status=302, policy=PUBLIC_CSP, stored=False)
    # Used once: the same link now says so, and that page is not kept either.
    assert_headers(Client().get(link), status=404, policy=PUBLIC_CSP, stored=False)


def test_the_case_status_page_and_its_look_up(client):
    case = open_a_case()
    url = reverse("case_status", kwargs={"reference": case.reference, "token": case.status_token()})
    exchange = client.get(url)  # the e-mailed link: exchanged for a session, then the page without it
    assert exchange.status_code == 303
    assert exchange["Referrer-Policy"] == "no-referrer"  # the token never leaves in a Referer
    assert_headers(client.get(exchange["Location"]), status=200, policy=PUBLIC_CSP, stored=False)
    assert_headers(client.get(reverse("case_lookup")), status=200, policy=PUBLIC_CSP, stored=False)


def test_the_api(client):
    response = client.get("/api/v1/eservices")
    assert_headers(response, status=200, policy=PUBLIC_CSP, stored=True)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    case = open_a_case()
    status = client.get(f"/api/v1/cases/{case.reference}", HTTP_X_STATUS_TOKEN=case.status_token())
    assert_headers(status, status=200, policy=PUBLIC_CSP, stored=False)


def test_a_static_file_through_whitenoise(client):
    response = client.get("/static/css/portal.css")
    assert_headers(response, status=200, policy=PUBLIC_CSP, stored=True)
    assert response["Content-Type"].startswith("text/css")


def test_a_document(client, private_root):
    document = Document.objects.create(title="Taxa", file=ContentFile(b"Taxa 2026", name="taxa.txt"))
    response = client.get(document.url)
    assert_headers(response, status=200, policy=DOCUMENT_CSP, stored=True)


def test_error_pages(client, settings):
    assert_headers(client.get("/finns-inte/"), status=404, policy=PUBLIC_CSP, stored=True)
    settings.ROOT_URLCONF = "tests.portal.error_urls"
    broken = Client(raise_request_exception=False).get("/test-broken/")
    assert_headers(broken, status=500, policy=PUBLIC_CSP, stored=True)


# --- the admin ----------------------------------------------------------------------------------


@pytest.fixture
def signed_in_admin(client):
    client.force_login(UserFactory(username="admin"))
    return client


def test_the_admin_login_is_not_stored(client):
    assert_headers(client.get("/admin/login/"), status=200, policy=ADMIN_CSP, stored=False)
    assert_headers(client.get("/django-admin/login/"), status=200, policy=ADMIN_CSP, stored=False)


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/{home}/edit/", "/admin/arenden/", "/admin/users/"])
def test_admin_pages(signed_in_admin, path):
    home = Page.objects.get(depth=2, locale__language_code="sv")
    response = signed_in_admin.get(path.format(home=home.pk))
    assert_headers(response, status=200, policy=ADMIN_CSP, stored=False)
    assert response["X-Frame-Options"] == "DENY"


def test_a_preview_may_be_framed_by_the_admin_only(signed_in_admin):
    home = Page.objects.get(depth=2, locale__language_code="sv").specific
    original = RequestFactory().get(f"/admin/pages/{home.pk}/edit/preview/")
    response = home.make_preview_request(original, home.default_preview_mode)
    assert response.status_code == 200
    assert csp(response) == PREVIEW_CSP


def test_a_staff_download_of_a_citizens_photo(signed_in_admin, private_root):
    case = open_a_case(attachments=[Attachment("lykta.png", "image/png", png_bytes(), field="photo_1")])
    attachment = case.attachments.get()
    response = signed_in_admin.get(reverse("contactcentre_admin:attachment", args=[case.pk, attachment.pk]))
    assert_headers(response, status=200, policy=ATTACHMENT_CSP, stored=False)
    assert response["Content-Disposition"] == 'attachment; filename="lykta.png"'
    assert response["Content-Type"] == "image/png"


# --- no server details --------------------------------------------------------------------------


def test_server_details_a_view_or_library_adds_are_taken_off(rf, settings):
    def leaky(request):
        response = HttpResponse("ok")
        response["Server"] = "gunicorn/23.0.0"
        response["X-Powered-By"] = "Django/5.2"
        return response

    response = SecurityHeadersMiddleware(leaky)(rf.get("/"))
    assert "Server" not in response and "X-Powered-By" not in response


def test_an_admin_view_that_forgets_never_cache_is_not_stored_either(rf):
    """Wagtail decorates its own URLs; the middleware covers any admin view that is not."""

    def forgetful(request):
        return HttpResponse("a case")

    response = SecurityHeadersMiddleware(forgetful)(rf.get("/admin/arenden/1/"))
    assert no_store(response)
    public = SecurityHeadersMiddleware(forgetful)(rf.get("/"))
    assert not no_store(public)
