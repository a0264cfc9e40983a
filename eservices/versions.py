"""Versions of an e-service built in the admin: each published revision is one, and a run keeps its own.

When a citizen starts (or resumes) a run, the run is pinned to the revision that was live
(``pin``); every later step of that run is built from that revision (``for_run``), so an editor
who publishes a change — even one that removes a question — never breaks a run in progress.
Cases keep their own snapshot of labels and answers (``eservices.answers``).

Built e-services are cached per revision: a revision never changes.
"""

import hashlib
import json
from collections import OrderedDict

from django.db import transaction
from django.db.models import Max
from django.utils.translation import get_language

from wagtail.models import Revision

from eservices import builder

SESSION_REVISIONS = "eservice_run_revisions"
# The page's fields ``builder.build`` reads besides its steps: a change to any makes a new e-service.
BUILT_FROM = (
    "title",
    "summary",
    "eservice_slug",
    "case_title",
    "statistics_question",
    "service_area_id",
    "department_id",
    "handling_time",
    "next_steps",
    "first_contact_possible",
    "data_collected",
    "purpose",
    "legal_basis",
    "controller",
    "retention_days",
    "retention_rule",
    "sensitive",
)
# Texts: a change to them is not a new version of the form (``shape``).
TEXT_KEYS = {
    "label",
    "hint",
    "required_message",
    "invalid_message",
    "title",
    "text",
    "why",
    "placeholder",
    "id",
}
_CACHE: OrderedDict = OrderedDict()
CACHE_SIZE = 64


def built(page, revision=None):
    """The e-service as ``page`` holds it (live, a draft being previewed, or ``revision``'s copy)."""
    if revision is None and page.live and not getattr(page, "is_preview", False):
        revision = page.live_revision_id
    fingerprint = _fingerprint(page)
    version = number(page)
    # Built texts that are not the editor's (the sensitive-details hint, default messages) are
    # in the language active when built: a build per language, or an English API call on a
    # Swedish e-service leaves its English hints to the next Swedish visitor.
    key = (page.pk, fingerprint, version, get_language())
    if key not in _CACHE:
        _CACHE[key] = builder.build(page, revision=revision, fingerprint=fingerprint, version=version)
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    _CACHE.move_to_end(key)
    return _CACHE[key]


def _fingerprint(page) -> str:
    """The content that shapes the form, hashed: equal content, equal wizard."""
    shape = {
        "steps": page.steps.get_prep_value(),
        "fields": [str(getattr(page, name) or "") for name in BUILT_FROM],
        "language": page.locale_id,
    }
    return hashlib.sha256(json.dumps(shape, sort_keys=True, default=str).encode()).hexdigest()[:16]


def shape(page) -> str:
    """A hash of what a client of the form depends on: the steps without their texts."""
    return hashlib.sha256(
        json.dumps(_without_texts(page.steps.get_prep_value()), sort_keys=True).encode()
    ).hexdigest()


def _without_texts(value):
    if isinstance(value, dict):
        found = {key: _without_texts(item) for key, item in value.items() if key not in TEXT_KEYS}
        if "none_of_these" in found:
            found["none_of_these"] = bool(found["none_of_these"])  # an option "none", whatever its text
        return found
    if isinstance(value, list):
        return [_without_texts(item) for item in value]
    return value


def number(page) -> int:
    """The version number of ``page``'s form: recorded on publishing, else the next one (a draft)."""
    from eservices.models import FormVersion  # models import this module

    versions = FormVersion.objects.filter(translation_key=page.translation_key)
    found = versions.filter(shape=shape(page)).values_list("number", flat=True).first()
    if found is not None:
        return found
    return (versions.aggregate(latest=Max("number"))["latest"] or 0) + 1


def record(page, revision_id=None) -> int:
    """On publishing: the number of the published form, a new one when its shape is new."""
    from eservices.models import FormVersion  # models import this module

    with transaction.atomic():
        versions = FormVersion.objects.select_for_update().filter(translation_key=page.translation_key)
        existing = versions.filter(shape=shape(page)).first()
        if existing:
            return existing.number
        latest = versions.aggregate(latest=Max("number"))["latest"] or 0
        return FormVersion.objects.create(
            translation_key=page.translation_key, shape=shape(page), number=latest + 1, revision=revision_id
        ).number


def pin(request, run, eservice):
    """Remember which revision this run started on (nothing for a coded e-service)."""
    if eservice.revision is None:
        return
    revisions = request.session.get(SESSION_REVISIONS, {})
    revisions[str(run)] = eservice.revision
    # As many as the runs a session keeps (``wizard.remember_run``).
    request.session[SESSION_REVISIONS] = dict(list(revisions.items())[-50:])


def pinned_revision(request, run) -> int | None:
    return request.session.get(SESSION_REVISIONS, {}).get(str(run))


def for_run(request, page, run):
    """The e-service a run answers: the revision it was pinned to, else the page's current one."""
    current = page.definition
    revision = pinned_revision(request, run)
    if revision is None or revision == current.revision or page.eservice:
        return current
    found = Revision.page_revisions.filter(pk=revision, object_id=str(page.pk)).first()
    if found is None:
        return current
    return built(found.as_object(), revision=revision)


def question_names(page) -> set[str]:
    """Every machine name a question of ``page`` answers under, and each as ``step.name``."""
    return set(builder.first_asked(page))
