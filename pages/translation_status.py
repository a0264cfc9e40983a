"""Translations out of sync: what an editor still has to do after a Swedish page or snippet changed.

The rules live here; ``pages.translation_status_views`` shows them as the report "Översättningar i
otakt". A Swedish change reaches no translation by itself (docs/languages.md): wagtail-localize keeps
each translation's source (``TranslationSource``) as it was when it was last synchronised. So a
translation (``Translation``, enabled, from Swedish into en, ar or fi) has work left when:

- **synchronise**: the Swedish page was published after its source was last synchronised
  (``last_published_at`` > ``TranslationSource.last_updated_at``), or the Swedish snippet's content
  differs from the source's (snippets have no publishing; the same comparison wagtail-localize makes in
  ``TranslationSource.update_or_create_from_instance``). A publish without changes counts too, as
  wagtail-localize cannot tell; synchronising clears it;
- **translate**: strings of the synchronised source have no translation in the language (counted as
  ``Translation.get_progress`` counts them, by the database for every row at once);
- **publish**: every string is translated but the translated page was not published since the last
  synchronisation (a snippet: not saved from it, by wagtail-localize's ``TranslationLog``).

Besides translations: the easy-to-read pages (lättläst, not translations) whose original was
published after the day they were last compared with it (``EasyReadPage.reviewed_against_original``,
empty: the day the easy-to-read page was first published), and the live Swedish pages with no page
in a language that has a home page (missing translations).

Who sees what: whoever may add, change or publish pages sees the report; a page row only when they
may change that page (the translation; for a missing one the Swedish page), a snippet row only when
they may change that kind of snippet.
"""

import datetime as dt
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, ModelLogEntry, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog

from pages.models import EasyReadPage, HomePage, OtherLanguagePage
from pages.review import count_subquery

# Kinds and statuses, as the report's ?typ= and ?status= filters: in the admin's language like its URLs.
PAGE, SNIPPET, EASY_READ, MISSING = "sida", "fragment", "lattlast", "saknas"
KINDS = [
    (PAGE, _("Translated page")),
    (SNIPPET, _("Translated snippet")),
    (EASY_READ, _("Easy-to-read page (lättläst)")),
    (MISSING, _("Missing translation")),
]
SYNC, TRANSLATE, PUBLISH, READ, CREATE = "synkronisera", "oversatt", "publicera", "las", "skapa"
STATUSES = [
    (SYNC, _("The Swedish original changed: synchronise")),
    (TRANSLATE, _("Strings to translate")),
    (PUBLISH, _("Translated, not yet published")),
    (READ, _("The original changed: read the easy-to-read page against it")),
    (CREATE, _("Not translated yet")),
]
# Snippets have no publishing: the translation editor saves them.
SNIPPET_PUBLISH_LABEL = _("Translated, not yet saved")
# Pages that are never translated (docs/decisions/0009-easy-read-and-other-languages.md).
NOT_TRANSLATED = (EasyReadPage, OtherLanguagePage)


@dataclass
class Row:
    kind: str
    status: str
    title: str  # the Swedish original's
    language: str  # the translation's language code; "sv" for an easy-to-read page
    type_label: str
    changed_at: dt.datetime | None  # when the Swedish original was published (changed, for a snippet)
    synced_at: dt.datetime | dt.date | None  # last synchronised; an easy-to-read page: last compared
    untranslated: int | None = None
    translated_title: str = ""
    edit_url: str = ""  # the translation (missing: the Swedish page; easy-to-read: itself)
    original_url: str = ""  # the Swedish original in the admin
    sync_url: str = ""  # wagtail-localize's "Sync translated pages/snippets", back here after
    translate_url: str = ""  # a missing translation: wagtail-localize's "Translate this page"

    @property
    def kind_label(self) -> str:
        return str(dict(KINDS)[self.kind])

    @property
    def status_label(self) -> str:
        if self.kind == SNIPPET and self.status == PUBLISH:
            return str(SNIPPET_PUBLISH_LABEL)
        return str(dict(STATUSES)[self.status])

    @property
    def language_name(self) -> str:
        return str(dict(settings.LANGUAGES).get(self.language, self.language))


# --- Who and which languages ------------------------------------------------------------------------


def may_see_report(user) -> bool:
    """Editors: whoever may add, change or publish pages."""
    if not (user.is_authenticated and user.is_active):
        return False
    return PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})


def editable_pages(user):
    return PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})


def may_sync(user) -> bool:
    """wagtail-localize's own rule for its "Sync translated …" and "Translate this page" views."""
    return user.has_perm("wagtail_localize.submit_translation")


def source_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def translated_languages() -> list[tuple[str, str]]:
    """The site's languages besides Swedish, as (code, name)."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def languages_with_home() -> list[str]:
    """The translated languages that have a home page: a page missing in one of them is listed."""
    codes = dict(translated_languages())
    have = set(
        Page.objects.type(HomePage)
        .filter(locale__language_code__in=codes)
        .values_list("locale__language_code", flat=True)
    )
    return [code for code in codes if code in have]


# --- Translations -----------------------------------------------------------------------------------


def _untranslated():
    """Per Translation row: the source's strings with no (error-free) translation in its language.

    What ``Translation.get_progress`` counts, as a subquery (the nested reference as in wagtail-localize's
    own translations report).
    """
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id")).annotate(
        _target_locale_id=OuterRef("target_locale_id"),
        is_translated=Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef("_target_locale_id"),
                has_error=False,
            )
        ),
    )
    return count_subquery(segments.filter(is_translated=False), "source_id")


def _translations(locale, language):
    found = (
        Translation.objects.filter(enabled=True, source__locale=locale)
        .exclude(target_locale=locale)
        .select_related("source", "target_locale", "source__specific_content_type")
    )
    if language:
        found = found.filter(target_locale__language_code=language)
    return found


def _sync_url(source_id, back: str) -> str:
    url = reverse("wagtail_localize:update_translations", args=[source_id])
    return f"{url}?{urlencode({'next': back})}" if back else url


def _page_edit_url(page_id) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def _type_label(content_type) -> str:
    model = content_type.model_class()
    return str(model._meta.verbose_name) if model is not None else content_type.model


def page_translations(user, *, language=None, back="") -> list[Row]:
    """Translated pages with work left, that ``user`` may change (one query)."""
    locale = source_locale()
    source_page = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )
    target_page = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id")
    )
    synced = F("source__last_updated_at")
    rows = (
        _translations(locale, language)
        .filter(source__object__content_type=ContentType.objects.get_for_model(Page))
        .annotate(
            source_page_id=Subquery(source_page.values("pk")[:1]),
            source_title=Subquery(source_page.values("title")[:1]),
            source_live=Subquery(source_page.values("live")[:1]),
            source_published_at=Subquery(source_page.values("last_published_at")[:1]),
            target_page_id=Subquery(target_page.values("pk")[:1]),
            target_title=Subquery(target_page.values("title")[:1]),
            target_live=Subquery(target_page.values("live")[:1]),
            target_published_at=Subquery(target_page.values("last_published_at")[:1]),
            untranslated=_untranslated(),
        )
        .filter(source_live=True, target_page_id__in=editable_pages(user).values("pk"))
        .filter(
            Q(source_published_at__gt=synced)
            | Q(untranslated__gt=0)
            | Q(target_live=False)
            | Q(target_published_at__isnull=True)
            | Q(target_published_at__lt=synced)
        )
    )
    sync_allowed = may_sync(user)
    found = []
    for row in rows:
        if row.source_published_at and row.source_published_at > row.source.last_updated_at:
            status = SYNC
        elif row.untranslated:
            status = TRANSLATE
        else:
            status = PUBLISH
        found.append(
            Row(
                kind=PAGE,
                status=status,
                title=row.source_title,  # as it is now, not as it was at the last sync
                translated_title=row.target_title,
                language=row.target_locale.language_code,
                type_label=_type_label(row.source.specific_content_type),
                changed_at=row.source_published_at,
                synced_at=row.source.last_updated_at,
                untranslated=row.untranslated,
                edit_url=_page_edit_url(row.target_page_id),
                original_url=_page_edit_url(row.source_page_id),
                sync_url=_sync_url(row.source_id, back) if sync_allowed else "",
            )
        )
    return found


def _content(model, data: dict) -> dict:
    """Serialised content without the times a save stamps by itself (``updated_at``): not content."""
    stamped = {field.name for field in model._meta.concrete_fields if getattr(field, "auto_now", False)}
    return {name: value for name, value in data.items() if name not in stamped}


def _changed_since_synced(instance, source) -> bool:
    """Whether the Swedish snippet differs from its source, serialised as wagtail-localize does it."""
    if isinstance(instance, ClusterableModel):
        now = json.loads(instance.to_json())
    else:
        now = json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))
    model = type(instance)
    return _content(model, now) != _content(model, json.loads(source.content_json))


def _changed_at(model, instances) -> dict:
    """When each Swedish snippet last changed: its ``updated_at``, else the admin's last log entry."""
    if all(hasattr(instance, "updated_at") for instance in instances):
        return {instance.pk: instance.updated_at for instance in instances}
    logged = {}
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        object_id__in=[str(instance.pk) for instance in instances],
        action__in=["wagtail.create", "wagtail.edit"],
    ).order_by("timestamp")
    for entry in entries:
        logged[entry.object_id] = entry.timestamp
    return {instance.pk: logged.get(str(instance.pk)) for instance in instances}


def snippet_translations(user, *, language=None, back="") -> list[Row]:
    """Translated snippets with work left, of the kinds ``user`` may change.

    One query for the translations, then two per kind of snippet (the Swedish snippets, their edit
    times) and one for the translated ones' addresses.
    """
    locale = source_locale()
    last_saved = TranslationLog.objects.filter(
        source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id")
    ).order_by("-created_at")
    rows = (
        _translations(locale, language)
        .exclude(source__object__content_type=ContentType.objects.get_for_model(Page))
        .annotate(untranslated=_untranslated(), last_saved_at=Subquery(last_saved.values("created_at")[:1]))
    )
    by_model = {}
    for row in rows:
        model = row.source.specific_content_type.model_class()
        if model is None or not user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
            continue
        by_model.setdefault(model, []).append(row)

    urls = AdminURLFinder(user)
    sync_allowed = may_sync(user)
    found = []
    for model, model_rows in by_model.items():
        keys = {row.source.object_id for row in model_rows}
        originals = {
            item.translation_key: item
            for item in model.objects.filter(translation_key__in=keys, locale=locale)
        }
        changed = _changed_at(model, list(originals.values()))
        targets = {
            (item.translation_key, item.locale_id): item
            for item in model.objects.filter(translation_key__in=keys).exclude(locale=locale)
        }
        for row in model_rows:
            original = originals.get(row.source.object_id)
            target = targets.get((row.source.object_id, row.target_locale_id))
            if original is None or target is None:
                continue
            if _changed_since_synced(original, row.source):
                status = SYNC
            elif row.untranslated:
                status = TRANSLATE
            elif row.last_saved_at is None or row.last_saved_at < row.source.last_updated_at:
                status = PUBLISH
            else:
                continue
            found.append(
                Row(
                    kind=SNIPPET,
                    status=status,
                    title=str(original),
                    translated_title=str(target),
                    language=row.target_locale.language_code,
                    type_label=str(model._meta.verbose_name),
                    changed_at=changed.get(original.pk),
                    synced_at=row.source.last_updated_at,
                    untranslated=row.untranslated,
                    edit_url=urls.get_edit_url(target) or "",
                    original_url=urls.get_edit_url(original) or "",
                    sync_url=_sync_url(row.source_id, back) if sync_allowed else "",
                )
            )
    return found


# --- Lättläst ---------------------------------------------------------------------------------------


def easy_read_behind(user) -> list[Row]:
    """Live easy-to-read pages whose original was published after they were last compared with it."""
    pages = list(
        EasyReadPage.objects.live().filter(pk__in=editable_pages(user).values("pk")).order_by("path")
    )
    parents = {
        page.path: page
        for page in Page.objects.filter(path__in=[page.path[: -Page.steplen] for page in pages]).specific()
    }
    found = []
    for page in pages:
        parent = parents.get(page.path[: -Page.steplen])
        if parent is None or not parent.live or parent.last_published_at is None:
            continue
        if page.reviewed_against_original is not None:
            compared = page.reviewed_against_original
            behind = timezone.localdate(parent.last_published_at) > compared
        else:
            compared = page.first_published_at
            behind = compared is None or parent.last_published_at > compared
        if not behind:
            continue
        found.append(
            Row(
                kind=EASY_READ,
                status=READ,
                title=parent.title,
                translated_title=page.title,
                language=settings.LANGUAGE_CODE,
                type_label=str(EasyReadPage._meta.verbose_name),
                changed_at=parent.last_published_at,
                synced_at=compared,
                edit_url=_page_edit_url(page.pk),
                original_url=_page_edit_url(parent.pk),
            )
        )
    return found


# --- Missing translations ---------------------------------------------------------------------------


def _untranslated_pages(user, language):
    """Live Swedish pages ``user`` may change with no page (an alias is none) in ``language``."""
    translated = Page.objects.filter(locale__language_code=language, alias_of__isnull=True)
    return (
        Page.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
        .not_type(*NOT_TRANSLATED)
        .exclude(translation_key__in=translated.values("translation_key"))
        .filter(pk__in=editable_pages(user).values("pk"))
    )


def missing_counts(user) -> dict[str, int]:
    """Per language that has a home page: how many Swedish pages (that ``user`` may change) it lacks."""
    return {code: _untranslated_pages(user, code).count() for code in languages_with_home()}


def missing_translations(user, *, language=None) -> list[Row]:
    sync_allowed = may_sync(user)
    found = []
    for code in languages_with_home():
        if language and code != language:
            continue
        for page in _untranslated_pages(user, code).specific().order_by("path"):
            translate_url = ""
            if sync_allowed:
                translate_url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
            found.append(
                Row(
                    kind=MISSING,
                    status=CREATE,
                    title=page.title,
                    language=code,
                    type_label=str(page._meta.verbose_name),
                    changed_at=page.last_published_at,
                    synced_at=None,
                    edit_url=_page_edit_url(page.pk),
                    original_url=_page_edit_url(page.pk),
                    translate_url=translate_url,
                )
            )
    return found


# --- The report -------------------------------------------------------------------------------------


def out_of_sync(user, *, language=None, kind=None, status=None, back="") -> list[Row]:
    """Every row of the report for ``user``, with the filters given: translations first, the longest
    waiting first within each kind. ``back`` is where wagtail-localize's sync view returns."""
    rows = []
    if kind in (None, PAGE):
        rows += sorted(page_translations(user, language=language, back=back), key=_oldest_change_first)
    if kind in (None, SNIPPET):
        rows += sorted(snippet_translations(user, language=language, back=back), key=_oldest_change_first)
    # Lättläst is Swedish: a language filter leaves it out.
    if kind in (None, EASY_READ) and not language:
        rows += easy_read_behind(user)
    if kind in (None, MISSING):
        rows += missing_translations(user, language=language)
    if status:
        rows = [row for row in rows if row.status == status]
    return rows


def _oldest_change_first(row: Row):
    changed = row.changed_at or dt.datetime.max.replace(tzinfo=dt.UTC)
    return (changed, row.title, row.language)
