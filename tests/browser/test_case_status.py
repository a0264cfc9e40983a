"""The citizen's status page in a real browser: the e-mailed link, and a reply Chromium posts with Origin."""

import json

from tests.browser.conftest import run_in_site
from tests.browser.test_accessibility import assert_no_axe_violations
from tests.browser.test_eservices import tiny_png

WAITING_CASE = """
import json
from django.contrib.auth import get_user_model
from urllib.parse import urlsplit
from django.urls import reverse
from django.utils import translation
from contactcentre import actions, tasks
from contactcentre.services import NewCase, open_case
from pages.models import ServiceArea

admin = get_user_model().objects.get(username="admin")
area = ServiceArea.objects.get(menu_digit=4, locale__language_code="sv")
case, _ = open_case(NewCase(title="Gatlampa släckt", service_area=area))
actions.reply(admin, case, "Var står lampan? Skicka gärna en bild.", wait_for_citizen=True)
# The link exactly as the e-mails give it (their host is the configured site, not this test server).
link = urlsplit(tasks.status_url(case)).path
with translation.override("sv"):
    page = reverse("case_status_page", args=[case.reference])
print(json.dumps({"pk": case.pk, "url": link, "page": page, "token": case.status_token()}))
"""

CASE_STATE = """
import json
from contactcentre.models import Case
case = Case.objects.get(pk=%d)
print(json.dumps({
    "status": case.status,
    "messages": [e.text for e in case.events.filter(kind="citizen_message")],
    "attachments": [[a.original_name, a.field, a.size] for a in case.attachments.all()],
}))
"""


def test_the_citizen_follows_the_emailed_link_and_answers_with_a_photo(site, page, tmp_path):
    case = json.loads(run_in_site(site, WAITING_CASE))
    assert case["token"] in case["url"]
    response = page.goto(site["url"] + case["url"])
    assert response.status == 200
    # The link was exchanged for a session: the browser is on the address without the token.
    assert page.url == site["url"] + case["page"]
    assert case["token"] not in page.url
    link = response.request.redirected_from
    assert link is not None and case["token"] in link.url
    assert link.response().status == 303
    assert link.response().headers.get("referrer-policy") == "no-referrer"
    # The secret link stays out of referrers through the header, not a <meta> that nulls Origin.
    assert response.headers.get("referrer-policy") == "same-origin"
    assert page.locator("meta[name=referrer]").count() == 0
    assert "Var står lampan?" in page.locator("main").inner_text()

    page.fill("#id_message", "Vid busshållplatsen på Storgatan.")
    page.set_input_files("#id_photo", str(tiny_png(tmp_path / "lampan.png")))
    with page.expect_navigation() as navigation:
        page.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
    assert navigation.value.status != 403
    page.wait_for_load_state()
    assert page.url == site["url"] + case["page"]
    main = page.locator("main").inner_text()
    assert "Tack" in main
    assert "Vid busshållplatsen på Storgatan." in main
    assert "lampan.png" in main
    assert_no_axe_violations(page, "status page after answering")

    state = json.loads(run_in_site(site, CASE_STATE % case["pk"]))
    assert state["messages"] == ["Vid busshållplatsen på Storgatan."]
    assert len(state["attachments"]) == 1
    name, field, size = state["attachments"][0]
    assert name == "lampan.png" and field.startswith("message:") and size > 0
    assert state["status"] == "in_progress"
