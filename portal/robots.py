"""``/robots.txt``: where the sitemap is, and the URLs no search engine should list.

Staff pages, a citizen's case status (its link carries a secret token) and the steps of an
e-service run (one per visitor, worthless in a search result) stay out; the e-service's own
start page and printable form stay in.
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from pages.base_url import absolute_url

# Routes of every e-service page (eservices.models.EServicePage), wherever it sits in the tree.
ESERVICE_RUN_ROUTES = ["steg", "spara", "fortsatt", "besok"]


def disallowed_paths() -> list[str]:
    paths = ["/admin/", "/django-admin/"]
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            # The look-up form may be listed; the status pages under it may not.
            paths.append(reverse("case_lookup") + "*/")
    paths += [f"/*/{route}/" for route in ESERVICE_RUN_ROUTES]
    return paths


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed_paths())]
    lines += ["", f"Sitemap: {absolute_url('/sitemap.xml')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
