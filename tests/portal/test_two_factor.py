"""A second factor for the groups that require one: enrol, verify, recovery codes, reset."""

import logging
import re

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.models import GroupSecurity
from tests.factories import DEMO_PASSWORD
from tests.portal.staff import current_code, events, shows

pytestmark = pytest.mark.django_db
QUEUE = "/admin/arenden/"


@pytest.fixture
def social(django_user_model):
    """Socialförvaltningen's case officer, whose group requires a second factor."""
    GroupSecurity.objects.create(
        group=Group.objects.get(name="Handläggare Socialtjänst"), requires_two_factor=True
    )
    return django_user_model.objects.get(username="social")


def sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": DEMO_PASSWORD, "next": QUEUE})
    assert response.status_code == 302
    return response


def enrol(client, user):
    """Enrol as a member does from the enrolment page; returns the recovery codes shown."""
    client.get(reverse("staff_two_factor_enrol"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(reverse("staff_two_factor_enrol"), {"code": current_code(device), "next": QUEUE})
    assert done.status_code == 200
    return re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())


def test_a_member_of_a_two_factor_group_enrols_before_any_admin_page(client, social, caplog):
    caplog.set_level(logging.INFO, logger="kommunportal.security")
    sign_in(client, "social")
    for path in (QUEUE, "/admin/", "/admin/pages/"):
        blocked = client.get(path)
        assert blocked.status_code == 302
        assert blocked["Location"].startswith(reverse("staff_two_factor_enrol"))
    # The admin's icons and script translations, which these pages load too, are not redirected.
    assert client.get(reverse("wagtailadmin_sprite")).status_code == 200
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200
    page = client.get(reverse("staff_two_factor_enrol")).content.decode()
    device = TOTPDevice.objects.get(user=social, confirmed=False)
    assert "<svg" in page  # the QR code
    secret = re.search(r"data-two-factor-secret>([A-Z2-7 ]+)<", page).group(1).replace(" ", "")
    wrong = client.post(reverse("staff_two_factor_enrol"), {"code": "000000"})
    assert shows(wrong, "That code is not right. Enter the newest code your app shows, or a recovery code.")
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.save()
    codes = enrol(client, social)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert StaticDevice.objects.get(user=social).token_set.count() == 10
    assert TOTPDevice.objects.get(user=social).confirmed
    assert secret and secret in device.config_url
    assert client.get(QUEUE).status_code == 200
    assert [e["event"] for e in events(caplog) if e["event"].startswith("otp.")] == [
        "otp.failed",
        "otp.enrolled",
    ]


def test_after_enrolment_each_sign_in_asks_for_a_code(client, social, caplog):
    caplog.set_level(logging.INFO, logger="kommunportal.security")
    sign_in(client, "social")
    enrol(client, social)
    client.logout()
    sign_in(client, "social")
    blocked = client.get(QUEUE)
    assert blocked["Location"] == reverse("staff_two_factor_verify") + "?next=%2Fadmin%2Farenden%2F"
    assert client.post(reverse("staff_two_factor_verify"), {"code": "123456"}).status_code == 200
    device = TOTPDevice.objects.get(user=social)
    device.throttling_failure_count = 0
    device.save()
    # The code enrolment used is spent; the test has no time to wait for the next: forget it.
    device.last_t -= 1
    device.save()
    verified = client.post(reverse("staff_two_factor_verify"), {"code": current_code(device), "next": QUEUE})
    assert verified.status_code == 302 and verified["Location"] == QUEUE
    assert client.get(QUEUE).status_code == 200
    kinds = [e["event"] for e in events(caplog) if e["event"].startswith("otp.")]
    assert kinds[-2:] == ["otp.failed", "otp.verified"]
    assert events(caplog, "otp.verified")[0]["user"] == "social"


def test_wrong_codes_are_throttled(client, social):
    sign_in(client, "social")
    enrol(client, social)
    client.logout()
    sign_in(client, "social")
    client.post(reverse("staff_two_factor_verify"), {"code": "000000"})
    device = TOTPDevice.objects.get(user=social)
    # Even the right code is refused straight after a wrong one (django-otp's growing delay).
    refused = client.post(reverse("staff_two_factor_verify"), {"code": current_code(device)})
    assert shows(refused, "Too many wrong codes. Wait a minute and try again.")
    assert client.get(QUEUE).status_code == 302


def test_a_recovery_code_works_once(client, social, caplog):
    caplog.set_level(logging.INFO, logger="kommunportal.security")
    sign_in(client, "social")
    codes = enrol(client, social)
    client.logout()
    sign_in(client, "social")
    used = client.post(reverse("staff_two_factor_verify"), {"code": codes[0].upper(), "next": QUEUE})
    assert used["Location"] == QUEUE
    assert client.get(QUEUE).status_code == 200
    [event] = events(caplog, "otp.recovery_code_used")
    assert event["remaining"] == 9
    client.logout()
    sign_in(client, "social")
    StaticDevice.objects.filter(user=social).update(throttling_failure_count=0)
    again = client.post(reverse("staff_two_factor_verify"), {"code": codes[0]})
    assert again.status_code == 200 and client.get(QUEUE).status_code == 302


def test_members_of_other_groups_are_not_asked(client):
    sign_in(client, "teknik")
    assert client.get(QUEUE).status_code == 200


def test_a_password_alone_is_not_enough_with_force_login_either(client, social):
    client.force_login(social)
    assert client.get(QUEUE).status_code == 302
    # A citizen's page is not a way round: nothing but the second step and signing out.
    assert client.get("/").status_code == 302
    assert client.post(reverse("wagtailadmin_logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_an_administrator_resets_a_lost_device(client, social, django_user_model):
    sign_in(client, "social")
    enrol(client, social)
    client.logout()
    call_command("reset_second_factor", "social", verbosity=0)
    assert not StaticDevice.objects.filter(user=social).exists()
    sign_in(client, "social")
    assert client.get(QUEUE)["Location"].startswith(reverse("staff_two_factor_enrol"))


def test_deleting_the_device_in_the_admin_resets_the_user(client, social, django_user_model):
    sign_in(client, "social")
    enrol(client, social)
    client.logout()
    client.force_login(django_user_model.objects.get(username="admin"))
    device = TOTPDevice.objects.get(user=social)
    url = reverse("admin:otp_totp_totpdevice_delete", args=[device.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not StaticDevice.objects.filter(user=social).exists()


def test_an_administrator_chooses_the_groups_in_the_admin(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="admin"))
    group = Group.objects.get(name="Handläggare Vård och omsorg")
    added = client.post(reverse("group_security:add"), {"group": group.pk, "requires_two_factor": "on"})
    assert added.status_code == 302
    assert GroupSecurity.objects.get(group=group).requires_two_factor
    client.force_login(django_user_model.objects.get(username="chef"))
    assert client.get(reverse("group_security:index")).status_code in (302, 403)


def test_a_command_lists_and_sets_the_groups(capsys):
    call_command("second_factor_groups", "--require", "Handläggare Socialtjänst")
    assert GroupSecurity.objects.get(group__name="Handläggare Socialtjänst").requires_two_factor
    call_command("second_factor_groups")
    assert "Handläggare Socialtjänst" in capsys.readouterr().out
    call_command("second_factor_groups", "--no-require", "Handläggare Socialtjänst")
    assert not GroupSecurity.objects.get(group__name="Handläggare Socialtjänst").requires_two_factor
