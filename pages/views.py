"""Views outside the page tree: site search and FAQ feedback."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from core import honeypot, ratelimit
from core.origin import is_same_origin
from pages import search_log
from pages.locales import active_locale
from pages.models import FAQ, Blankett, FAQFeedback
from pages.search_query import citizen_query, typed_text

RESULTS_PER_PAGE = 20


def search(request):
    """Search pages, FAQ and blanketter in the language being shown; count what found nothing."""
    query = typed_text(request.GET.get("q", ""))
    locale = active_locale()
    context = {"query": query, "pages": None, "faqs": [], "blanketter": []}
    language = locale.language_code if locale else get_language() or ""
    if query:
        search_query = citizen_query(query, language)
        pages = Page.objects.none()
        if search_query:
            pages = Page.objects.live().public().filter(locale=locale).specific().search(search_query)
            context["faqs"] = list(FAQ.objects.filter(locale=locale).search(search_query)[:10])
            context["blanketter"] = list(
                Blankett.objects.filter(locale=locale).select_related("document").search(search_query)[:10]
            )
        context["pages"] = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("sida"))
        context["result_count"] = (
            context["pages"].paginator.count + len(context["faqs"]) + len(context["blanketter"])
        )
        # Wagtail's search promotions count every query: only its masked form, never a
        # personnummer or phone number someone typed into the search box.
        promoted = search_log.normalise(query)
        if promoted:
            Query.get(promoted).add_hit()
        if context["result_count"] == 0 and request.GET.get("sida", "1") in {"", "1"}:
            search_log.record_miss(query, language)
    return TemplateResponse(request, "pages/search.html", context)


SESSION_FAQ_VOTES = "faq_votes"


@csrf_exempt
@require_POST
def faq_feedback(request, faq_id):
    """Store one "Did this answer your question?" and go back to where it was asked.

    One vote per FAQ per browser session and per client address (a day), and a budget per
    client: the counts are the editors' guide to what needs rewriting, not a ballot box.

    The form has no CSRF token, so the pages that show FAQ can be cached (core/origin.py):
    a vote from another site's form is refused by what the browser says of its origin; when
    it says nothing, the visitor confirms the vote on a page with a token.
    """
    faq = get_object_or_404(FAQ, pk=faq_id)
    if honeypot.triggered(request, "faq-vote"):
        return honeypot.refused(request)
    if request.POST.get("helpful") not in {"yes", "no"}:
        return _back_to_the_question(request, faq)
    same_origin = is_same_origin(request)
    if same_origin is False:
        raise PermissionDenied
    if same_origin is None:
        if "csrfmiddlewaretoken" not in request.POST:
            context = {"faq": faq, "data": request.POST}
            return TemplateResponse(request, "pages/faq_feedback_confirm.html", context)
        return csrf_protect(_record_vote)(request, faq)
    return _record_vote(request, faq)


def _record_vote(request, faq):
    try:
        ratelimit.check(request, "faq-vote")
    except ratelimit.RateLimited as error:
        return ratelimit.too_many_requests(request, error)
    if _first_vote(request, faq):
        helpful = request.POST["helpful"] == "yes"
        FAQFeedback.objects.create(faq=faq, helpful=helpful, language=get_language() or "")
        messages.success(request, _("Thank you for your answer. It helps us improve the information."))
    else:
        messages.info(request, _("You have already answered this question. Thank you."))
    return _back_to_the_question(request, faq)


def _back_to_the_question(request, faq):
    next_url = request.POST.get("next", "")
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, {request.get_host()}, request.is_secure()
    ):
        next_url = "/"
    # Not redirect(): it would read a "next" such as "0" or "search" as a view name (a 500, found by fuzzing).
    return HttpResponseRedirect(f"{next_url.split('#')[0]}#{faq.anchor}")


def _first_vote(request, faq) -> bool:
    """Whether this session and this client have not voted on ``faq`` yet; records that they have."""
    voted = request.session.get(SESSION_FAQ_VOTES, [])
    if faq.pk in voted:
        return False
    request.session[SESSION_FAQ_VOTES] = [*voted, faq.pk][-200:]
    limit, window_seconds = settings.RATE_LIMITS["faq-vote-once"]
    allowed, _retry_after = ratelimit.hit(
        ratelimit.client_key(request, f"faq-vote-once:{faq.pk}"), limit, window_seconds
    )
    return allowed
