"""The citizen's status page in a real browser: Chromium sends an Origin header with its posts."""

import json

from tests.browser.conftest import run_in_site
from tests.browser.test_accessibility import assert_no_axe_violations
from tests.browser.test_eservices import tiny_png

WAITING_CASE = """
import json
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from contactcentre import actions
from contactcentre.services import NewCase, open_case
from pages.models import ServiceArea

admin = get_user_model().objects.get(username="admin")
area = ServiceArea.objects.get(menu_digit=4, locale__language_code="sv")
case, _ = open_case(NewCase(title="Gatlampa släckt", service_area=area))
actions.reply(admin, case, "Var står lampan? Skicka gärna en bild.", wait_for_citizen=True)
with translation.override("sv"):
    url = reverse("case_status", kwargs={"reference": case.reference, "token": case.status_token()})
print(json.dumps({"pk": case.pk, "url": url}))
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


def test_the_citizen_answers_with_a_photo_on_the_status_page(site, page, tmp_path):
    case = json.loads(run_in_site(site, WAITING_CASE))
    response = page.goto(site["url"] + case["url"])
    assert response.status == 200
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
