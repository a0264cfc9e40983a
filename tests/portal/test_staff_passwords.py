"""Staff passwords go through Django's validators: a common one and a short one are refused."""

from django.urls import reverse

from wagtail.admin.views.account import ChangePasswordPanel

import pytest

from tests.factories import DEMO_PASSWORD

pytestmark = pytest.mark.django_db
COMMON = "qwerty123456"  # 12 characters, on Django's list of 20 000 common passwords
SHORT = "Vx7#kq2"
WEAK = [(COMMON, "password_too_common"), (SHORT, "password_too_short")]


@pytest.mark.parametrize(
    ("password", "message"), [(COMMON, "password_too_common"), (SHORT, "password_too_short")]
)
def test_a_staff_member_cannot_choose_a_weak_password(django_user_model, password, message):
    """The form of the password panel on the admin's account page (/admin/account/)."""
    teknik = django_user_model.objects.get(username="teknik")
    data = {"old_password": DEMO_PASSWORD, "new_password1": password, "new_password2": password}
    form = ChangePasswordPanel.form_class(teknik, data)
    assert not form.is_valid()
    assert message in [error.code for error in form.errors.as_data()["new_password2"]]


@pytest.mark.parametrize(
    ("password", "message"), [(COMMON, "password_too_common"), (SHORT, "password_too_short")]
)
def test_an_administrator_cannot_give_a_weak_password(client, django_user_model, password, message):
    client.force_login(django_user_model.objects.get(username="admin"))
    teknik = django_user_model.objects.get(username="teknik")
    response = client.post(
        reverse("wagtailusers_users:edit", args=[teknik.pk]),
        {
            "username": "teknik",
            "email": teknik.email,
            "first_name": teknik.first_name,
            "last_name": teknik.last_name,
            "password1": password,
            "password2": password,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["password2"]
    assert message in [error.code for error in errors]
    teknik.refresh_from_db()
    assert teknik.check_password(DEMO_PASSWORD)


def test_a_good_password_is_accepted(django_user_model):
    teknik = django_user_model.objects.get(username="teknik")
    good = "Gatlampan-lyser-igen-7"
    form = ChangePasswordPanel.form_class(
        teknik, {"old_password": DEMO_PASSWORD, "new_password1": good, "new_password2": good}
    )
    assert form.is_valid(), form.errors
