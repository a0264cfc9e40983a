"""Content review: flags on pages and FAQ, and the pages past their review date.

The rules live here: who is told of a flag (the item's responsible editor, else the web
editors' address, else nobody: the flag is then only in the editors' list), what editors are
shown (counts made by the database, never by looping in Python) and who may review content and
mark flags handled (whoever may edit pages or FAQ). Who may flag is the caller's rule: the
contact centre flags from a case it may see (``contactcentre.content_flags``).

What other apps know of an FAQ's use (the contact centre: cases resolved with it, counted
contacts) comes in through the ``content_review_usage`` hook, so content imports none of them.

An item's counts are those of its open flags: once an editor marks it handled, it starts again.
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from django_tasks import task

from core.enqueue import enqueue
from core.retries import retry_later
from pages.models import (
    FAQ,
    ContentFlag,
    InformationPage,
    MunicipalitySettings,
    PrivacyNoticePage,
    ServicePage,
)

# The page types with a responsible editor and a review date (pages.models.mixins.ReviewedMixin).
REVIEWED_PAGE_TYPES = (ServicePage, InformationPage, PrivacyNoticePage)
# Agents flag from the pages citizens ask about; the privacy notice is the lawyers'.
FLAGGABLE_PAGE_TYPES = (ServicePage, InformationPage)
USAGE_DAYS = 90
# Each function registered for it takes (the FAQ's OuterRef column, since) and returns annotations
# for an FAQ queryset, named after ItemCounts' usage fields (faq_cases, faq_tallies).
USAGE_HOOK = "content_review_usage"

logger = logging.getLogger(__name__)


# --- Who ---------------------------------------------------------------------------------------------


def may_review_content(user) -> bool:
    """Editors: whoever may edit pages or FAQ sees the flags and the pages due for review."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or user.has_perm("pages.change_faq"):
        return True
    return PagePermissionPolicy().user_has_any_permission(user, {"change", "publish"})


def responsible_editor(*, page=None, faq=None):
    """The item's responsible editor, if it has an active one."""
    if faq is not None:
        editor = faq.responsible_editor
    else:
        editor = getattr(page.specific, "responsible_editor", None)
    return editor if editor is not None and editor.is_active else None


def recipient(*, page=None, faq=None) -> str:
    """Where a flag's e-mail goes: the responsible editor, else the web editors, else "" (nobody)."""
    editor = responsible_editor(page=page, faq=faq)
    if editor is not None and editor.email:
        return editor.email
    return MunicipalitySettings.load().web_editor_email


# --- Flagging ----------------------------------------------------------------------------------------


def flag_content(
    user, *, page=None, faq=None, reason, comment, source: str = "", source_url: str = ""
) -> ContentFlag:
    """Record the flag and enqueue its e-mail in one transaction.

    ``source`` names where it came from (a case reference), ``source_url`` links there in the admin.
    The caller has checked that ``user`` may flag from that source.
    """
    if (page is None) == (faq is None):
        raise ValidationError(_("Choose either a page or an FAQ."))
    if reason not in dict(ContentFlag.REASONS):
        raise ValidationError(_("Choose a reason."))
    with transaction.atomic():
        flag = ContentFlag.objects.create(
            page=page,
            faq=faq,
            source=source[:40],
            source_url=source_url[:200],
            reason=reason,
            comment=comment.strip(),
            flagged_by=user,
        )
        # With the database task backend the task row commits with the flag, or neither does;
        # on Redis it is enqueued once the flag is committed (core/enqueue.py).
        enqueue(send_content_flag_email, flag.pk)
    return flag


def flaggable_pages():
    """The pages an agent may flag: live service and information pages in the working language."""
    return (
        Page.objects.live()
        .type(*FLAGGABLE_PAGE_TYPES)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("title")
    )


def flags_from(source: str):
    """The flags made from one source (a case reference), for its page (one query)."""
    return ContentFlag.objects.filter(source=source).select_related("page", "faq", "flagged_by", "handled_by")


def mark_handled(user, flag_or_item) -> int:
    """Mark one flag, or every open flag of a page or FAQ, as handled. Returns how many were marked."""
    if not may_review_content(user):
        raise PermissionDenied
    flags = ContentFlag.objects.filter(handled_at__isnull=True)
    if isinstance(flag_or_item, ContentFlag):
        flags = flags.filter(pk=flag_or_item.pk)
    elif isinstance(flag_or_item, FAQ):
        flags = flags.filter(faq_id=flag_or_item.pk)
    elif isinstance(flag_or_item, Page):
        flags = flags.filter(page_id=flag_or_item.pk)
    else:
        raise TypeError(f"Not a flag, page or FAQ: {flag_or_item!r}")
    return flags.update(handled_at=timezone.now(), handled_by=user)


# --- Counts --------------------------------------------------------------------------------------------


def usage_since(now=None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(days=USAGE_DAYS)


def count_subquery(queryset, group_by: str):
    """A correlated COUNT subquery: ``queryset`` already filtered on an OuterRef, grouped by that column.

    Usage hooks (``USAGE_HOOK``) count with it too.
    """
    counted = queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def faq_usage(ref: str, since: dt.datetime) -> dict:
    """Annotations from every ``content_review_usage`` hook: how the FAQ was used since ``since``."""
    annotations = {}
    for usage in hooks.get_hooks(USAGE_HOOK):
        annotations.update(usage(ref, since))
    return annotations


def _open_flags_of(column: str):
    return ContentFlag.objects.filter(handled_at__isnull=True, **{column: OuterRef("pk")})


def _flag_counts(column: str) -> dict:
    """Per item (a Page or FAQ row): its open flags and the distinct cases behind them."""
    flags = _open_flags_of(column)
    # The distinct sources (cases) behind them; a flag with no source counts for none.
    distinct_cases = (
        flags.exclude(source="")
        .order_by()
        .values(column)
        .annotate(n=Count("source", distinct=True))
        .values("n")
    )
    return {
        "open_flags": count_subquery(flags, column),
        "flagging_cases": Coalesce(Subquery(distinct_cases, output_field=IntegerField()), Value(0)),
    }


def _latest_flag(column: str) -> dict:
    latest = _open_flags_of(column).order_by("-created_at", "-pk")
    return {
        "latest_at": Subquery(latest.values("created_at")[:1]),
        "latest_reason": Subquery(latest.values("reason")[:1]),
        "latest_comment": Subquery(latest.values("comment")[:1]),
    }


def _page_editor():
    """A page's responsible editor, read from whichever reviewed page type it is."""
    return Coalesce(
        *(
            Subquery(model.objects.filter(pk=OuterRef("pk")).values("responsible_editor_id")[:1])
            for model in REVIEWED_PAGE_TYPES
        ),
        output_field=IntegerField(),
    )


@dataclass
class ItemCounts:
    open_flags: int = 0
    flagging_cases: int = 0
    # FAQ only, filled by the content_review_usage hooks (the contact centre's):
    faq_cases: int | None = None  # cases resolved with it in the last 90 days
    faq_tallies: int | None = None  # counted contacts that used it in the last 90 days


def item_counts(*, page=None, faq=None) -> ItemCounts:
    """The counts the e-mail and the editors' list show for one item."""
    column, model, pk = ("faq", FAQ, faq.pk) if faq is not None else ("page", Page, page.pk)
    annotations = _flag_counts(column)
    if faq is not None:
        annotations.update(faq_usage("pk", usage_since()))
    row = model.objects.filter(pk=pk).annotate(**annotations).values(*annotations).first() or {}
    return ItemCounts(**row)


# --- The editors' list ---------------------------------------------------------------------------------


@dataclass
class FlaggedItem:
    kind: str  # "page" or "faq"
    pk: int
    title: str
    edit_url: str
    editor_id: int | None
    open_flags: int
    flagging_cases: int
    latest_at: dt.datetime
    latest_reason: str
    latest_comment: str
    faq_cases: int | None = None
    faq_tallies: int | None = None
    editor: object = None

    @property
    def latest_reason_label(self) -> str:
        return str(dict(ContentFlag.REASONS).get(self.latest_reason, self.latest_reason))


def edit_url(*, page=None, faq=None, page_id=None, faq_id=None) -> str:
    """The admin path that edits the item."""
    if faq is not None or faq_id is not None:
        return reverse(FAQ.snippet_viewset.get_url_name("edit"), args=[faq_id or faq.pk])
    return reverse("wagtailadmin_pages:edit", args=[page_id or page.pk])


def flagged_items(*, editor=None) -> list[FlaggedItem]:
    """Every page and FAQ with open flags, newest flag first; only ``editor``'s when given.

    Two queries (pages, FAQ) with every count as a subquery, and one for the editors' names.
    """
    open_flags = ContentFlag.objects.filter(handled_at__isnull=True)
    page_annotations = {"editor_id": _page_editor(), **_flag_counts("page"), **_latest_flag("page")}
    pages = (
        Page.objects.filter(pk__in=open_flags.values("page_id"))
        .annotate(**page_annotations)
        .values("pk", "title", *page_annotations)
    )
    faq_annotations = {
        "editor_id": F("responsible_editor_id"),
        **_flag_counts("faq"),
        **_latest_flag("faq"),
        **faq_usage("pk", usage_since()),
    }
    faqs = (
        FAQ.objects.filter(pk__in=open_flags.values("faq_id"))
        .annotate(**faq_annotations)
        .values("pk", "question", *faq_annotations)
    )
    if editor is not None:
        pages = pages.filter(editor_id=editor.pk)
        faqs = faqs.filter(editor_id=editor.pk)
    items = [FlaggedItem(kind="page", edit_url=edit_url(page_id=row["pk"]), **row) for row in pages]
    items += [
        FlaggedItem(kind="faq", title=row.pop("question"), edit_url=edit_url(faq_id=row["pk"]), **row)
        for row in faqs
    ]
    editors = get_user_model().objects.in_bulk({item.editor_id for item in items if item.editor_id})
    for item in items:
        item.editor = editors.get(item.editor_id)
    items.sort(key=lambda item: item.latest_at, reverse=True)
    return items


def open_flag_count(*, editor=None) -> int:
    """Open flags, on ``editor``'s pages and FAQ when given (one query)."""
    open_flags = ContentFlag.objects.filter(handled_at__isnull=True)
    if editor is None:
        return open_flags.count()
    mine = Q(faq__responsible_editor=editor)
    for model in REVIEWED_PAGE_TYPES:
        mine |= Q(page_id__in=model.objects.filter(responsible_editor=editor).values("pk"))
    return open_flags.filter(mine).count()


# --- Pages past their review date ----------------------------------------------------------------------


@dataclass
class OverduePage:
    page: Page
    days_overdue: int
    edit_url: str

    def is_mine(self, user) -> bool:
        return self.page.responsible_editor_id == user.pk


def _overdue(model, today, editor=None):
    pages = model.objects.live().filter(review_by__lt=today)
    return pages.filter(responsible_editor=editor) if editor is not None else pages


def pages_past_review(user=None, *, today=None) -> list[OverduePage]:
    """Live reviewed pages whose review date has passed: ``user``'s first, then the longest overdue."""
    today = today or timezone.localdate()
    found = []
    for model in REVIEWED_PAGE_TYPES:
        for page in _overdue(model, today).select_related("responsible_editor", "locale"):
            found.append(
                OverduePage(
                    page=page, days_overdue=(today - page.review_by).days, edit_url=edit_url(page=page)
                )
            )
    found.sort(key=lambda item: (user is None or not item.is_mine(user), -item.days_overdue, item.page.title))
    return found


def past_review_count(*, editor=None, today=None) -> int:
    """Live reviewed pages past their review date, ``editor``'s when given (one query per page type)."""
    today = today or timezone.localdate()
    return sum(_overdue(model, today, editor).count() for model in REVIEWED_PAGE_TYPES)


# --- The editor's e-mail ---------------------------------------------------------------------------


def admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def send_content_flag_email(flag_id: int, attempt: int = 1) -> str:
    """Tell the page's or FAQ's editor that it was flagged.

    Sent apart from the flag, so a failing mail server never loses it: the flag is in the editors' list.
    """
    flag = ContentFlag.objects.select_related("page", "faq__responsible_editor").filter(pk=flag_id).first()
    if flag is None:
        return "no flag"
    item = {"page": flag.page, "faq": flag.faq}
    to = recipient(**item)
    if not to:
        return "no recipient"
    # Editors work in the municipality's working language, whoever flagged and in whatever case.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "flag": flag,
            "title": flag.faq.question if flag.faq else flag.page.title,
            "public_url": flag.page.full_url if flag.page else "",
            "reference": flag.source,
            "counts": item_counts(**item),
            "usage_days": USAGE_DAYS,
            "edit_url": admin_url(edit_url(**item)),
            "review_url": admin_url(reverse("content_review:index")),
        }
        subject = render_to_string("pages/email/content_flag_subject.txt", context).strip()
        body = render_to_string("pages/email/content_flag.txt", context)
    try:
        EmailMessage(subject, body, to=[to]).send()
    except Exception as error:
        logger.warning("Content flag e-mail %s failed (attempt %s): %s", flag_id, attempt, error)
        if retry_later(send_content_flag_email, flag_id, attempt):
            return "retry"
        return "gave up"
    return "sent"
