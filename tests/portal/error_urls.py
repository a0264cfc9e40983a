"""The site's URLs and error handlers, plus two views that fail: for tests/portal/test_error_pages.py."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from portal.urls import handler400, handler403, handler404, handler500  # noqa: F401 - the real handlers
from portal.urls import urlpatterns as site_urlpatterns


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = i18n_patterns(
    path("test-forbidden/", forbidden),
    path("test-broken/", broken),
    prefix_default_language=False,
)
urlpatterns += site_urlpatterns
