from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from contactcentre import views as case_views
from pages import views as page_views
from portal import robots
from portal import views as portal_views
from portal.api import api

urlpatterns = [
    path("healthz", portal_views.healthz, name="healthz"),
    path("readyz", portal_views.readyz, name="readyz"),
    path("api/v1/", api.urls),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("robots.txt", robots.robots_txt, name="robots_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path(_("search/"), page_views.search, name="search"),
    path("faq/<int:faq_id>/feedback/", page_views.faq_feedback, name="faq_feedback"),
    path(_("case/"), case_views.case_lookup, name="case_lookup"),
    path(_("case/<str:reference>/<str:token>/"), case_views.case_status, name="case_status"),
    # The status page without its token, for a session the link or the look-up opened.
    path(format_lazy("{}<str:reference>/", _("case/")), case_views.case_status_page, name="case_status_page"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Our error pages, in the visitor's language; none of them reads request.POST (portal/errors.py).
handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"
