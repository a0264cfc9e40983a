"""The queue's search box, kept out of addresses when it holds a personnummer.

A GET puts its query in the address, and so in the browser's history and every access log on
the way. The box therefore posts (no script needed) to ``search``: a query shaped like a
personnummer is kept in the staff member's session under a random key, and the browser is sent
(303) to the queue with ``?q=<key>``; any other query goes to the address as before. The key
works for back, reload and export in that session, and means nothing anywhere else. The queue
finds the cases through the personnummer index, like a registerutdrag.
"""

import secrets
from urllib.parse import urlsplit

from django.http import HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.views.decorators.http import require_POST

from contactcentre import identity_numbers

SESSION_KEY = "case_searches"
KEY_PREFIX = "pnr-"
KEPT = 20  # searches remembered per session; older keys show no results
NOT_KEPT = {"csrfmiddlewaretoken", "p", "export"}


def remember(request, query: str) -> str:
    """The random key under which this session keeps ``query``."""
    searches = request.session.get(SESSION_KEY, {})
    for key, value in searches.items():
        if value == query:
            return key
    key = KEY_PREFIX + secrets.token_hex(4)
    searches[key] = query
    request.session[SESSION_KEY] = dict(list(searches.items())[-KEPT:])
    return key


def recall(request, key: str) -> str | None:
    """The query this session kept under ``key``, or None for a key it does not hold."""
    if not key.startswith(KEY_PREFIX):
        return None
    return request.session.get(SESSION_KEY, {}).get(key)


def address_query(request, query: str) -> str:
    """What may stand in an address for ``query``: itself, or its key when it is a personnummer."""
    return remember(request, query.strip()) if identity_numbers.looks_like(query) else query


def queue_url(request, params: QueryDict) -> str:
    params = params.copy()
    for name in NOT_KEPT:
        params.pop(name, None)
    if params.get("q"):
        params["q"] = address_query(request, params["q"])
    else:
        params.pop("q", None)
    query = params.urlencode()
    return reverse("contactcentre_admin:index") + (f"?{query}" if query else "")


def _filters(request) -> QueryDict:
    """The filters the queue showed: from the page's address when the browser says it (the filters
    update the list and its address in place, after the search form's hidden fields were drawn),
    otherwise the hidden fields."""
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.path == reverse("contactcentre_admin:index") and referer.netloc == request.get_host():
        return QueryDict(referer.query, mutable=True)
    return request.POST.copy()


@require_POST
def search(request):
    """The search box's target: back to the queue (303) with an address that holds no personnummer."""
    params = _filters(request)
    params["q"] = request.POST.get("q", "")
    return HttpResponseRedirect(queue_url(request, params), status=303)


def kept_params(request) -> list[tuple[str, str]]:
    """The queue's current filters, for the search form to post along with the query."""
    return [
        (name, value)
        for name, values in request.GET.lists()
        if name not in NOT_KEPT | {"q"}
        for value in values
    ]
