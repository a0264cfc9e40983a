"""The demo's translations, a ``seed_demo`` builder extension: made the way a translator makes them.

For each page listed in ``demo/data/translations.yaml`` (and the snippets it uses), each canned reply
(svarsmall, a snippet of its own that staff answer cases with) and each of the
municipality's other languages, wagtail-localize creates the translation, exports its strings as a
PO file, the strings are filled in from the translator's file ``demo/data/translations/<code>.po``
(msgid: the Swedish source text), imported back and published. An editor then sees ordinary
wagtail-localize translations, in sync with their Swedish source. A page already translated is
left as it is. ``manage.py demo_translation_template`` writes the strings to translate.
"""

from wagtail.models import Locale, Page

import polib
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from contactcentre.models import CannedReply
from demo.content import DATA, OTHER_LANGUAGES, load
from pages.models import Blankett

PLAN = load("translations")  # demo/data/translations.yaml
FOLDER = DATA / "translations"


def build_translations(builder):
    for code in OTHER_LANGUAGES:
        path = FOLDER / f"{code}.po"
        if not path.exists():
            continue
        texts = catalogue(code)
        locale = Locale.objects.get(language_code=code)
        for instance in to_translate(builder.locale):
            if instance.get_translation_or_none(locale) is not None:
                continue
            missing = untranslated(instance, texts)
            if missing:
                # Never Swedish text published under another language's address.
                builder.say(
                    f"  Not translated into {code}: {instance} ({len(missing)} strings missing)", level=2
                )
                continue
            translate(instance, locale, texts)
            builder.created[f"translations ({code})"] += 1


def untranslated(instance, texts: dict) -> list[str]:
    """The strings of ``instance`` (not of the snippets it uses) that the translator's file lacks."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    return [
        segment.string.data
        for segment in source.stringsegment_set.select_related("string")
        if segment.string.data not in texts
    ]


def catalogue(code) -> dict:
    """The translator's file for ``code``: Swedish text → its translation."""
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(FOLDER / f"{code}.po")) if entry.msgstr}


def to_translate(locale) -> list:
    """The snippets first (the FAQ of the pages, the blanketter), then the pages, parents first;
    the canned replies last, when the service areas they name are translated with the pages."""
    pages = Page.objects.filter(locale=locale, slug__in=PLAN["pages"]).specific()
    by_slug = {page.slug: page for page in pages}
    pages = [by_slug[slug] for slug in PLAN["pages"] if slug in by_slug]
    faqs = {}
    for page in pages:
        for row in page.related_faqs.all() if hasattr(page, "related_faqs") else ():
            faqs.setdefault(row.faq_id, row.faq)
    blanketter = []
    if PLAN.get("blanketter") == "all":
        blanketter = list(Blankett.objects.filter(locale=locale).order_by("code"))
    canned_replies = []
    if PLAN.get("canned_replies") == "all":
        canned_replies = list(CannedReply.objects.filter(locale=locale).order_by("title"))
    return [*faqs.values(), *blanketter, *pages, *canned_replies]


def translate(instance, locale, catalogue: dict):
    """``instance`` (and the snippets it uses) in ``locale``, its strings from ``catalogue``, published."""
    creator = TranslationCreator(None, [locale])
    creator.create_translations(instance)
    for translations in creator.mappings.values():
        for translation in translations:
            fill(translation, catalogue)
    target = instance.get_translation(locale)
    if isinstance(target, Page):
        # Published here: save_target(publish=True) would wait for the transaction's commit.
        target.specific.get_latest_revision().publish()
    return target.specific if isinstance(target, Page) else target


def fill(translation: Translation, catalogue: dict):
    po = translation.export_po()
    for entry in po:
        entry.msgstr = catalogue.get(entry.msgid, "")
    translation.import_po(po, tool_name="demo")
    # A page is saved as a draft and published by ``translate``; a snippet has no drafts.
    is_page = issubclass(translation.source.specific_content_type.model_class(), Page)
    translation.save_target(publish=not is_page)


def template() -> polib.POFile:
    """Every string of what the demo translates and the snippets it uses, once each (a POT file)."""
    locale = Locale.get_default()
    sources = []
    for instance in to_translate(locale):
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        sources.append(source)
        for related in source.relatedobjectsegment_set.all():
            sources.append(
                TranslationSource.get_or_create_from_instance(related.object.get_instance(locale))[0]
            )
    pot = polib.POFile()
    pot.metadata = {"Content-Type": "text/plain; charset=UTF-8", "MIME-Version": "1.0"}
    seen = {}
    for source in sources:
        where = f"{source.specific_content_type.model} {source.get_source_instance()}"
        for segment in source.stringsegment_set.select_related("string", "context"):
            text = segment.string.data
            if text not in seen:
                seen[text] = polib.POEntry(
                    msgid=text, msgstr="", occurrences=[(where, segment.context.path[:60])]
                )
                pot.append(seen[text])
    return pot
