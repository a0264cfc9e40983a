"""``{{ value|html_datetime }}``: the ``datetime`` attribute of a ``<time>`` element.

Django's ``date:'c'`` writes microseconds ("…T10:15:00.123456+01:00"), which HTML's
date-and-time syntax does not allow (at most three decimals), so the Nu Html Checker
refuses it. Seconds are all a reader or a machine needs here.
"""

import datetime as dt

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value) -> str:
    """A valid HTML date (a ``date``) or date and time with offset (a ``datetime``); "" for nothing."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return ""
