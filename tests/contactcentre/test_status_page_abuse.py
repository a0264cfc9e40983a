"""The citizen's answer form on the status page has the honeypot; a filled one adds nothing."""

import json
import logging

import pytest

from contactcentre import actions
from contactcentre.models import CaseEvent
from tests.contactcentre.test_status_page import open_link, png

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_adds_nothing_to_the_case(client, staff, cases, caplog):
    caplog.set_level(logging.INFO, logger="kommunportal.security")
    actions.reply(staff["agent"], cases["lamp"], "Var står lampan?", wait_for_citizen=True)
    url = open_link(client, cases["lamp"])
    assert 'name="kp_homepage"' in client.get(url).content.decode()
    response = client.post(url, {"message": "Köp billiga klockor", "photo": png(), "kp_homepage": "x"})
    assert response.status_code == 400
    assert not cases["lamp"].events.filter(kind=CaseEvent.CITIZEN_MESSAGE).exists()
    [event] = [json.loads(r.getMessage()) for r in caplog.records if r.name == "kommunportal.security"]
    assert (event["event"], event["form"]) == ("honeypot.triggered", "citizen-message")
    assert cases["lamp"].status_token() not in json.dumps(event)
    # A person, who never sees the box, gets through.
    assert client.post(url, {"message": "Vid busshållplatsen.", "kp_homepage": ""}).status_code == 302
