"""GET /api/v1/opening-hours: each channel, open now or not, and when that changes."""

import datetime as dt

import pytest

from pages.models import OpeningHours
from tests.api.conftest import API, check_response

pytestmark = pytest.mark.django_db


def test_every_channel_with_its_status_and_hours(client, openapi):
    response = client.get(f"{API}/opening-hours")
    assert response.status_code == 200
    channels = check_response(openapi, response, "/opening-hours")
    assert len(channels) == OpeningHours.objects.count() > 0
    assert {channel["channel"] for channel in channels} >= {OpeningHours.PHONE, OpeningHours.VISIT}
    for channel in channels:
        assert channel["label"]
        assert channel["status_label"]
        if channel["open_now"]:
            assert channel["closes_at"] and channel["next_change"] == channel["closes_at"]
            assert channel["opens_at"] is None
        else:
            assert channel["next_change"] == channel["opens_at"]
        if channel["next_change"]:
            change = dt.datetime.fromisoformat(channel["next_change"])
            assert change.utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))  # Stockholm time
        assert channel["weekly"], channel["channel"]
        for row in channel["weekly"]:
            assert 0 <= row["first_day"] <= row["last_day"] <= 6
            assert len(row["opens"]) == len(row["closes"]) == 5 and row["opens"] < row["closes"]
        assert len(channel["next_days"]) == 7
        assert all(day["open"] == bool(day["intervals"]) for day in channel["next_days"])


def test_phone_menu_lines_name_their_digits_and_labels_follow_the_language(client):
    swedish = client.get(f"{API}/opening-hours").json()
    english = client.get(f"{API}/opening-hours", HTTP_ACCEPT_LANGUAGE="en").json()
    phone_sv = next(channel for channel in swedish if channel["channel"] == OpeningHours.PHONE)
    phone_en = next(channel for channel in english if channel["channel"] == OpeningHours.PHONE)
    assert phone_sv["label"] == "Telefon" and phone_en["label"] == "Phone"
    assert ("Öppet" in phone_sv["status_label"]) or ("Stängt" in phone_sv["status_label"])
    assert ("Open" in phone_en["status_label"]) or ("Closed" in phone_en["status_label"])
    for line in (channel for channel in swedish if channel["channel"] == OpeningHours.PHONE_MENU):
        assert line["menu_digits"]
        assert all(str(digit) in line["label"] for digit in line["menu_digits"])
