"""Staff login: the address django-axes counts by, its lockout page, and the login events."""

import ipaddress
import math

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.shortcuts import render
from django.utils import timezone, translation

from axes.helpers import get_cool_off
from axes.signals import user_locked_out

from core import security_log
from core.ratelimit import client_ip


def client_address(request) -> str:
    """The client as the rate limits see it (``TRUSTED_PROXY_COUNT``); an IPv6 client by its /64.

    One IPv6 host holds a whole /64: counted per address it would get 5 tries per address there.
    The /64 is named by its first address, not "…/64": django-axes stores an address
    (PostgreSQL's inet refuses a network written with its prefix length).
    """
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return address


def locked_out(request, original_response=None, credentials=None):
    """The lockout page (AXES_LOCKOUT_CALLABLE): 429 in the admin's look, with Retry-After."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else 0
    # In the language the browser asks for: the admin's login view has no user to take it from.
    with translation.override(translation.get_language_from_request(request)):
        response = render(
            request,
            "staff_accounts/locked_out.html",
            {"minutes": max(1, math.ceil(seconds / 60))},
            status=429,
        )
    if seconds:
        response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


@receiver(user_logged_in, dispatch_uid="security_log_login_succeeded")
def log_login(sender, request, user, **kwargs):
    security_log.event("login.succeeded", request, user=user, backend=getattr(user, "backend", None))


@receiver(user_login_failed, dispatch_uid="security_log_login_failed")
def log_login_failure(sender, credentials, request=None, **kwargs):
    security_log.event(
        "login.failed",
        request,
        level=30,
        username=credentials.get("username"),
        locked=bool(getattr(request, "axes_locked_out", False)),
    )


@receiver(user_locked_out, dispatch_uid="security_log_login_locked_out")
def log_lockout(sender, request, username, ip_address, **kwargs):
    cool_off = get_cool_off(request)
    until = timezone.now() + cool_off if cool_off else None
    security_log.event("login.locked_out", request, level=30, username=username, until=until)
