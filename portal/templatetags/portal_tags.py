"""Template tags for the site chrome: language switcher and breadcrumbs."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page

register = template.Library()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages; only languages the page exists in."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    links = []
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=False).live().select_related("locale"):
            code = translation.locale.language_code
            links.append((code, translation.get_url(request)))
    else:
        path = request.get_full_path()
        for code, _name in settings.LANGUAGES:
            if code != current:
                links.append((code, translate_url(path, code)))
    return {
        "links": [
            {"code": code, "name": get_language_info(code)["name_local"], "url": url}
            for code, url in links
            if url
        ]
    }


@register.simple_tag
def breadcrumb_pages(page):
    """The page's ancestors from the home page down, for the breadcrumb trail."""
    if not isinstance(page, Page):
        return []
    return list(page.get_ancestors().filter(depth__gte=2).specific())


@register.filter
def localized(obj):
    """The version of a translatable object in the active language, if there is one."""
    return getattr(obj, "localized", obj)
