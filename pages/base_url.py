"""The site's public address, ``SITE_BASE_URL``, and the links built on it.

Links that leave the request (e-mails, PDFs, the sitemap, API receipts) cannot take their
host from the browser, so they take it from this one setting. The Wagtail ``Site`` that
``page.full_url`` and the sitemap read is pointed at the same address by ``seed_demo``.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path: str) -> str:
    """``path`` (starting with "/") on the site's public address."""
    return settings.SITE_BASE_URL.rstrip("/") + path


def site_address() -> tuple[str, int]:
    """Host name and port of ``SITE_BASE_URL``, as a Wagtail ``Site`` holds them."""
    parts = urlsplit(settings.SITE_BASE_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)
