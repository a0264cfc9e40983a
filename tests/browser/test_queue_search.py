"""The queue's search box in a real browser: a personnummer never reaches an address; "Visa" on a case."""

import json

from tests.browser.conftest import run_in_site
from tests.browser.test_accessibility import assert_no_axe_violations
from tests.browser.test_agent_round import log_in

NUMBER = "19811218-9876"

CASE_WITH_NUMBER = f"""
import json
NUMBER = "{NUMBER}"
from contactcentre.services import NewCase, open_case
from pages.models import ServiceArea

area = ServiceArea.objects.get(menu_digit=4, locale__language_code="sv")
field = {{"name": "personnummer", "label": "Personnummer", "type": "IdentityNumberField", "display": NUMBER}}
snapshot = {{"title": "Ansökan", "steps": [{{"name": "sokande", "title": "Sökande", "fields": [field]}}]}}
case, _ = open_case(NewCase(title="Ansökan om bygglov", service_area=area, form_snapshot=snapshot,
                            answers={{"sokande": {{"personnummer": NUMBER}}}}))
print(json.dumps({{"pk": case.pk, "reference": case.reference}}))
"""


def test_a_searched_personnummer_stays_out_of_every_address_and_shows_masked(site, page):
    case = json.loads(run_in_site(site, CASE_WITH_NUMBER))
    log_in(page, site["url"], "agent")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site["url"] + "/admin/arenden/")
    search = page.locator("form[role=search] input[name=q]")
    # Typed as a person does, key by key: no request goes out with it in its address while typing.
    search.press_sequentially(NUMBER)
    with page.expect_navigation():
        search.press("Enter")
    assert "q=pnr-" in page.url
    assert [url for url in requested if "9876" in url or "811218" in url] == []
    assert case["reference"] in page.locator("#listing-results table.listing").inner_text()
    assert "19811218-****" in page.locator("header").inner_text()
    assert_no_axe_violations(page, "queue searched by personnummer")

    # The case page: masked, and "Visa" shows the number for this view, recorded on the case.
    page.goto(site["url"] + f"/admin/arenden/{case['pk']}/")
    main = page.locator("main")
    assert "19811218-****" in main.inner_text() and NUMBER not in main.inner_text()
    with page.expect_navigation():
        page.locator("form.identity-reveal button[type=submit]").click()
    assert NUMBER in page.locator("main").inner_text()
    assert (
        "Personnummer visat" in page.locator("main").inner_text()
        or "number shown" in page.locator("main").inner_text()
    )
