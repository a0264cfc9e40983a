"""The admin's staff-account pages: the second-factor steps, and for administrators the groups
that require one, the login lockouts and the second-factor devices (docs/security.md)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from portal.models import GroupSecurity
from portal.staff_accounts import two_factor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("tvastegsverifiering/", two_factor.enrol, name="staff_two_factor_enrol"),
        path("tvastegsverifiering/kod/", two_factor.verify, name="staff_two_factor_verify"),
    ]


class GroupSecurityViewSet(ModelViewSet):
    """Which groups must use a second factor; administrators only (they hold the model's permissions)."""

    model = GroupSecurity
    icon = "key"
    menu_label = _("Two-factor per group")
    add_to_settings_menu = True
    url_prefix = "tvastegskrav"
    name = "group_security"
    form_fields = ["group", "requires_two_factor"]
    list_display = ["group", "requires_two_factor"]


@hooks.register("register_admin_viewset")
def register_group_security_viewset():
    return GroupSecurityViewSet()


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    # django-axes' own list in the Django admin: filter by "locked out", delete a row to lift it.
    return SuperuserMenuItem(
        _("Login lockouts"), reverse("admin:axes_accessattempt_changelist"), icon_name="lock", order=900
    )


@hooks.register("register_settings_menu_item")
def register_devices_menu_item():
    # django-otp's list in the Django admin: deleting a user's device makes them enrol again.
    return SuperuserMenuItem(
        _("Two-factor devices"),
        reverse("admin:otp_totp_totpdevice_changelist"),
        icon_name="mobile-alt",
        order=901,
    )
