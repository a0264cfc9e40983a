"""The Locale of the language being shown, looked up once per language rather than on every use.

Wagtail's ``Locale.get_active()`` queries the database each time; a page template asks
for it dozens of times (measured: 23 queries on the home page, docs/performance.md).
Locales change almost never; saving or deleting one clears this cache.
"""

from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_by_language: dict[str, Locale] = {}


def active_locale() -> Locale | None:
    try:
        code = get_supported_content_language_variant(get_language())
    except LookupError:
        return None
    locale = _by_language.get(code)
    if locale is None:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is not None:
            _by_language[code] = locale
    return locale


def clear(**kwargs):
    _by_language.clear()


def localized(obj):
    """``obj`` in the language being shown, if it has a translation; no query when it already is."""
    locale = active_locale()
    locale_id = getattr(obj, "locale_id", None)
    if obj is None or locale is None or locale_id is None or locale_id == locale.pk:
        return obj
    return obj.localized
