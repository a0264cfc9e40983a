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

from wagtail.models import Revision

from eservices import builder
from eservices.questions import question_blocks

SESSION_REVISIONS = "eservice_run_revisions"
_CACHE: OrderedDict = OrderedDict()
CACHE_SIZE = 64


def built(page, revision=None):
    """The e-service as ``page`` holds it (live, a draft being previewed, or ``revision``'s copy)."""
    if revision is None and page.live and not getattr(page, "is_preview", False):
        revision = page.live_revision_id
    fingerprint = _fingerprint(page)
    key = (page.pk, fingerprint)
    if key not in _CACHE:
        _CACHE[key] = builder.build(page, revision=revision, fingerprint=fingerprint)
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    _CACHE.move_to_end(key)
    return _CACHE[key]


def _fingerprint(page) -> str:
    """The content that shapes the form, hashed: equal content, equal wizard."""
    shape = {
        "steps": page.steps.get_prep_value(),
        "fields": [
            str(getattr(page, name) or "")
            for name in ("title", "summary", "title_question", "statistics_question", "retention_days")
        ],
        "language": page.locale_id,
    }
    return hashlib.sha256(json.dumps(shape, sort_keys=True, default=str).encode()).hexdigest()[:16]


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
    """Every machine name a question of ``page`` answers under."""
    names = set()
    for child in page.steps:
        if child.block_type == "step":
            for block, value in question_blocks(child.value["questions"]):
                names.update(block.names(value))
                names.add(value["name"])
    return names
