"""Helpers for the staff-account tests: security events read from caplog, a second factor."""

import json
import re

from django.utils.html import escape
from django.utils.translation import gettext, override

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

SECURITY_LOGGER = "kommunportal.security"


def events(caplog, kind=None):
    """The security events logged so far (as dicts), optionally only those of one kind."""
    found = [json.loads(r.getMessage()) for r in caplog.records if r.name == SECURITY_LOGGER]
    return [e for e in found if kind is None or e["event"] == kind]


def current_code(device: TOTPDevice) -> str:
    """The code an authenticator app shows now (django_otp.oath.totp, as the device checks it)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def shows(response, msgid: str, **params) -> bool:
    """Does the page show ``msgid`` in the language it is in (before and after the catalogues have it)?"""
    html = response.content.decode()
    language = re.search(r'<html lang="([^"]+)"', html).group(1)
    with override(language):
        text = gettext(msgid) % params if params else gettext(msgid)
    return escape(text) in html
