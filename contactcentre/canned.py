"""Canned replies (svarsmallar) for a case: which ones fit it, and their text filled in.

Placeholders are ``{reference}``, ``{name}`` and ``{department}``. Only these are filled;
anything else in braces stays exactly as the editor wrote it. This is deliberately not
``str.format_map``: that raises on a stray brace ("{" in a pasted text) and lets
``{name.__class__}`` reach attributes, and a reply template is written by editors.
"""

import re

from django.conf import settings
from django.db.models import F, Q

from contactcentre.models import CannedReply

# {key}, with the space before it; not inside doubled braces, which stay as written.
PLACEHOLDER = re.compile(r"(?P<space>[ \t]?)(?<!\{)\{(?P<key>[a-z_]+)\}(?!\})")


def values_for(case) -> dict[str, str]:
    """The placeholder values of ``case``."""
    department = case.department.name if case.department_id and case.department else ""
    return {
        "reference": case.reference,
        "name": case.contact_name.strip(),
        "department": department,
    }


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with its known placeholders replaced; unknown ones and stray braces kept as written.

    An empty value takes the space before it along, so "Hej {name}!" without a name reads "Hej!".
    """

    def replace(match):
        key = match["key"]
        if key not in values:
            return match[0]
        value = str(values[key])
        return match["space"] + value if value else ""

    return PLACEHOLDER.sub(replace, text)


def render(reply: CannedReply, case) -> str:
    """The reply's text for ``case``, ready to edit and send."""
    return fill(reply.body, values_for(case))


def for_case(case, language: str | None = None):
    """The canned replies to offer for ``case``: its area's first, then the general ones.

    In the case's language (the citizen's, issue 12), so that the reply reaches them in it, unless
    ``language`` names another. A language without any canned reply yet falls back to the
    municipality's working language (Swedish): staff are never left without any.
    An area-specific reply matches the case's area in any locale (by translation key).
    """
    language = language or case.language or settings.LANGUAGE_CODE
    replies = CannedReply.objects.filter(locale__language_code=language).select_related("locale")
    if language != settings.LANGUAGE_CODE and not replies.exists():
        return for_case(case, settings.LANGUAGE_CODE)
    general = Q(service_area__isnull=True)
    if case.service_area_id is None:
        return replies.filter(general).order_by("title")
    area_key = case.service_area.translation_key
    # Only the case's area and general ones match, so ordering by area puts the area's first.
    return replies.filter(general | Q(service_area__translation_key=area_key)).order_by(
        F("service_area_id").asc(nulls_last=True), "title"
    )
