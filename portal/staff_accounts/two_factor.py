"""A second factor (TOTP, django-otp) for the members of the groups that must use one.

Which groups: ``GroupSecurity.requires_two_factor``, set by an administrator. A member signs in
with their password as always, then is sent to enrol (a QR code for an authenticator app, then
ten single-use recovery codes) or, once enrolled, to enter a code. Until then the session is
good for nothing but these pages and signing out.
"""

import re
from base64 import b32encode
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

import django_otp
import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import security_log
from portal.models import GroupSecurity

RECOVERY_CODES = 10
TOTP_CODE = re.compile(r"\d{6}")


def required_by_group(user) -> bool:
    return GroupSecurity.objects.filter(group__user=user, requires_two_factor=True).exists()


def second_factor_required(user) -> bool:
    """A member of a group that requires it, or anyone who has enrolled (their factor is used)."""
    return required_by_group(user) or django_otp.user_has_device(user)


def totp_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def new_recovery_codes(user) -> list[str]:
    """Ten fresh single-use codes; the earlier ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def reset(user) -> int:
    """Remove every device of ``user`` (an administrator's reset); they enrol again at next sign-in."""
    deleted = 0
    for device in django_otp.devices_for_user(user, confirmed=None):
        device.delete()
        deleted += 1
    return deleted


@receiver(post_delete, sender=TOTPDevice, dispatch_uid="two_factor_device_deleted")
def drop_recovery_codes(sender, instance, **kwargs):
    """An administrator deleting the app's device resets the user: the recovery codes go with it."""
    StaticDevice.objects.filter(user_id=instance.user_id).delete()


def _safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default


class RequireSecondFactorMiddleware:
    """Sends a signed-in member of a two-factor group to enrol or verify before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def exempt_paths(self):
        names = [
            "wagtailadmin_login",
            "wagtailadmin_logout",
            "staff_two_factor_enrol",
            "staff_two_factor_verify",
            "admin:logout",
            # What the admin's own pages load by script (these pages too): icons, translations.
            "wagtailadmin_javascript_catalog",
            "wagtailadmin_sprite",
        ]
        paths = set()
        for name in names:
            try:
                paths.add(reverse(name))
            except NoReverseMatch:
                pass
        return frozenset(paths)

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(settings.STATIC_URL)
            and request.path not in self.exempt_paths
            and not user.is_verified()
            and second_factor_required(user)
        ):
            target = reverse("staff_two_factor_verify" if totp_device(user) else "staff_two_factor_enrol")
            if request.method == "GET":
                target += "?" + urlencode({"next": request.get_full_path()})
            return redirect(target)
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()


def _qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
def enrol(request):
    """Set up an authenticator app: scan, confirm with a code, get the recovery codes once.

    An admin URL (``wagtail_hooks``): Wagtail's admin wrapper asks for a signed-in user first.
    """
    user = request.user
    next_url = _safe_next(request, reverse("wagtailadmin_home"))
    if totp_device(user) is not None:
        if user.is_verified():
            return redirect(next_url)
        return redirect(reverse("staff_two_factor_verify") + "?" + urlencode({"next": next_url}))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        allowed, _info = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = new_recovery_codes(user)
            django_otp.login(request, device)
            security_log.event("otp.enrolled", request, device="totp")
            context = {"codes": codes, "next": next_url}
            return render(request, "staff_accounts/recovery_codes.html", context)
        security_log.event("otp.failed", request, level=30, stage="enrol", throttled=not allowed)
        form.add_error("code", _wrong_code_message(allowed))
    secret = _b32(device)
    context = {
        "form": form,
        "next": next_url,
        "qr_svg": _qr_svg(device.config_url),
        "secret": _grouped(secret),
    }
    return render(request, "staff_accounts/enrol.html", context)


def _b32(device) -> str:
    return b32encode(device.bin_key).decode()


def _wrong_code_message(allowed: bool):
    if not allowed:
        return _("Too many wrong codes. Wait a minute and try again.")
    return _("That code is not right. Enter the newest code your app shows, or a recovery code.")


@never_cache
def verify(request):
    """The second step of signing in: a code from the app, or one of the recovery codes."""
    user = request.user
    next_url = _safe_next(request, reverse("wagtailadmin_home"))
    if user.is_verified():
        return redirect(next_url)
    if totp_device(user) is None:
        return redirect(reverse("staff_two_factor_enrol") + "?" + urlencode({"next": next_url}))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        code = form.cleaned_data["code"]
        recovery = TOTP_CODE.fullmatch(code) is None
        model = StaticDevice if recovery else TOTPDevice
        device = model.objects.filter(user=user, confirmed=True).first()
        allowed = device is not None and device.verify_is_allowed()[0]
        if allowed and device.verify_token(code):
            django_otp.login(request, device)
            if recovery:
                remaining = device.token_set.count()
                security_log.event("otp.recovery_code_used", request, level=30, remaining=remaining)
            else:
                security_log.event("otp.verified", request)
            return redirect(next_url)
        throttled = device is not None and not allowed
        security_log.event("otp.failed", request, level=30, stage="verify", throttled=throttled)
        form.add_error("code", _wrong_code_message(not throttled))
    return render(request, "staff_accounts/verify.html", {"form": form, "next": next_url})
